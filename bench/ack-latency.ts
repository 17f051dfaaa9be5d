import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createTransport } from 'nodemailer';
import type { Emulators } from '../local/emulators.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/emulators.js';
import { startInstance } from '../local/instance.js';
import { startQueuePoller } from '../local/queue-poller.js';
import { ensureBucket, ensureQueueWithDlq } from '../local/resources.js';
import { startSmtpInbound } from '../local/smtp-inbound.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { printTable, sleep, summarize } from './support.js';

const CONFIG = 'replyline.config.json';

/** Each mail from its own customer: the per-sender acknowledgement limit (3 a day) would otherwise apply. */
function mail(messageId: string): string {
  return [
    `From: Bench Customer <bench-${messageId.split('@')[0]}@customer.example.org>`,
    'To: support@example.com',
    'Subject: Where is my parcel?',
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'My parcel 4711 has not arrived. Could you check?',
    '',
  ].join('\r\n');
}

async function sendOne(port: number, raw: string): Promise<number> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: 'bench@customer.example.org', to: ['support@example.com'] }, raw });
    return Date.now();
  } finally {
    transport.close();
  }
}

/**
 * Baseline: the same SMTP → S3 → SQS → poller path with a consumer that does nothing,
 * i.e. the transport floor. Measured: SMTP accept (250) → acknowledgement recorded by local SES.
 * The first `warmup` mails of each path are reported apart: they measure a cold process
 * (module loading, JIT), as a Lambda's first invocations do; the rest measure a warm one.
 */
export async function benchAckLatency(emulators: Emulators, mails: number, warmup: number): Promise<void> {
  const total = warmup + mails;
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...clientOptions, endpoint: emulators.endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientOptions, endpoint: emulators.endpoints.sqs });

  const floor: number[] = [];
  {
    await ensureBucket(s3, 'baseline-raw-mail');
    const queue = await ensureQueueWithDlq(sqs, 'baseline-inbound', { visibilityTimeoutSeconds: 10, maxReceiveCount: 5 });
    const seen = new Map<string, number>();
    const poller = startQueuePoller({
      sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      region: LOCAL_REGION,
      handler: async (event) => {
        for (const record of event.Records) seen.set(record.messageId, Date.now());
        return { batchItemFailures: [] };
      },
    });
    const smtp = await startSmtpInbound({ port: 0, config: readConfigFile(CONFIG), s3, bucket: 'baseline-raw-mail', sqs, queueUrl: queue.url, topicArn: 'arn:aws:sns:us-east-1:0:baseline' });
    for (let index = 0; index < total; index++) {
      const before = seen.size;
      const acceptedAt = await sendOne(smtp.port, mail(`${randomBytes(6).toString('hex')}@bench`));
      while (seen.size === before) await sleep(2);
      floor.push([...seen.values()].at(-1)! - acceptedAt);
    }
    await smtp.stop();
    await poller.stop();
  }

  const latency: number[] = [];
  {
    const instance = await startInstance(emulators.endpoints, { name: 'bench', configFile: CONFIG, smtpPort: 0 });
    for (let index = 0; index < total; index++) {
      const messageId = `${randomBytes(6).toString('hex')}@bench`;
      const acceptedAt = await sendOne(instance.smtp.port, mail(messageId));
      let ack;
      const deadline = Date.now() + 30_000;
      while (!(ack = emulators.outbox.entries().find((entry) => entry.inReplyTo.includes(messageId)))) {
        if (Date.now() > deadline) throw new Error(`no acknowledgement for mail ${index + 1} within 30 s`);
        await sleep(2);
      }
      latency.push(ack.at - acceptedAt);
    }
    await instance.stop();
  }
  s3.destroy();
  sqs.destroy();

  const base = summarize(floor.slice(warmup));
  const measured = summarize(latency.slice(warmup));
  printTable(
    `SMTP accept → acknowledgement in local SES (ms; sequential; first mail = cold process, then ${warmup - 1} more warm-up mails not counted, then ${mails} warm)`,
    ['path', 'first', 'n', 'p50', 'p95', 'max', 'mean', 'p50 ratio'],
    [
      ['baseline: SMTP → S3 → SQS → no-op consumer', floor[0]!, base.n, base.p50, base.p95, base.max, base.mean, 1],
      ['replyline: … → ingest → DynamoDB → SES ack', latency[0]!, measured.n, measured.p50, measured.p95, measured.max, measured.mean, measured.p50 / Math.max(1, base.p50)],
    ],
  );
}
