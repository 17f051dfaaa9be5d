import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTransport } from 'nodemailer';
import { startInstance, type InstanceOptions, type LocalInstance } from '../../local/instance.js';
import type { OutboxEntry } from '../../local/ses-outbox-proxy.js';
import type { LocalEvent } from '../../local/event-bus.js';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import type { InboundProcessing } from '../../lambdas/core/records.js';
import { localDocumentClient } from './local-table.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export { rawMail } from './mail-builder.js';

export const DEFAULT_CONFIG = 'replyline.config.json';

/** A Replyline instance with its own table, bucket, queues and SMTP port, on the shared test emulators. */
export async function startTestInstance(options: Partial<InstanceOptions> = {}): Promise<LocalInstance> {
  return startInstance(inject('emulators'), {
    name: `t${randomBytes(4).toString('hex')}`,
    configFile: DEFAULT_CONFIG,
    smtpPort: 0,
    visibilityTimeoutSeconds: 1,
    maxReceiveCount: 3,
    ...options,
  });
}

export async function sendSmtp(instance: LocalInstance, raw: string | Buffer, envelope: { from: string; to: string[] }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: instance.smtp.port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

export async function outbox(): Promise<OutboxEntry[]> {
  const response = await fetch(`${inject('emulators').ses}/outbox`);
  return (await response.json()) as OutboxEntry[];
}

/** Acknowledgements (auto-replies to the customer) of the mail with this Message-ID. */
export async function acknowledgementsOf(messageId: string): Promise<OutboxEntry[]> {
  return (await outbox()).filter((entry) => entry.inReplyTo.includes(messageId) && entry.headers['auto-submitted'] === 'auto-replied');
}

/** Team-mailbox forwards of the mail with this Message-ID. */
export async function forwardsOf(messageId: string): Promise<OutboxEntry[]> {
  return (await outbox()).filter((entry) => entry.inReplyTo.includes(messageId) && entry.headers['x-replyline-thread'] !== undefined);
}

export async function busEvents(busName: string): Promise<LocalEvent[]> {
  const response = await fetch(`${inject('emulators').events}/events`);
  return ((await response.json()) as LocalEvent[]).filter((event) => event['event-bus-name'] === busName);
}

/** Polls until `probe` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


/**
 * Waits until the mail with this Message-ID is recorded with no side effect pending: every
 * acknowledgement, relay, forward and event it owed has been performed, so what did not happen
 * by then will not happen.
 */
export async function waitUntilProcessed(instance: LocalInstance, messageId: string, timeoutMs = 20_000): Promise<InboundProcessing> {
  const db = localDocumentClient();
  try {
    const store = new DynamoThreadStore(db, instance.resources.table);
    return await waitFor(async () => {
      const processing = await store.getProcessing(messageId);
      return processing && processing.pending.length === 0 ? processing : undefined;
    }, 'the mail recorded with nothing pending', timeoutMs);
  } finally {
    db.destroy();
  }
}

/** Waits until none of these queues holds a visible or in-flight message, `checks` times in a row. */
export async function waitUntilQueuesQuiet(queueUrls: readonly string[], timeoutMs = 20_000, checks = 2): Promise<void> {
  const sqs = new SQSClient({ endpoint: inject('emulators').sqs, region: 'us-east-1', credentials });
  try {
    let quiet = 0;
    await waitFor(async () => {
      let messages = 0;
      for (const url of queueUrls) {
        const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
        messages += Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
      }
      quiet = messages === 0 ? quiet + 1 : 0;
      return quiet >= checks;
    }, 'the queues to drain', timeoutMs);
  } finally {
    sqs.destroy();
  }
}
