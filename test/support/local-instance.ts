import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTransport } from 'nodemailer';
import { startInstance, type InstanceOptions, type LocalInstance } from '../../local/instance.js';
import type { OutboxEntry } from '../../local/ses-outbox-proxy.js';
import type { LocalEvent } from '../../local/event-bus.js';

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

