/**
 * The child process of the SES body measurement in bench/memory.ts: it sends one relay of a
 * large agent reply (its attachments re-attached) through SES v2 SendEmail to a request
 * handler that reads the body and answers as SES does, and reports RSS before and the peak
 * during the send. `spliced` is the SesMailer as deployed (raw content written into the JSON
 * body in place); `sdk` hands the joined message to the SDK's own SendEmailCommand.
 * The stored reply is streamed from a file, as S3 streams it.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { composeMimeParts } from '../lambdas/adapters/mime-composer.js';
import { SesMailer } from '../lambdas/adapters/ses-mailer.js';
import type { OutgoingMail } from '../lambdas/core/outgoing.js';
import type { RawMailStore } from '../lambdas/ports/index.js';

export type SesBodyMode = 'spliced' | 'sdk';

export interface SesBodyResult {
  mode: SesBodyMode;
  baselineRssBytes: number;
  peakRssBytes: number;
  requestBodyBytes: number;
}

const [mode, replyFile] = process.argv.slice(2) as [SesBodyMode, string];
if ((mode !== 'spliced' && mode !== 'sdk') || !replyFile) throw new Error('usage: ses-body-probe spliced|sdk <agent reply .eml>');

let requestBodyBytes = 0;
const ses = new SESv2Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  requestHandler: {
    handle: async (request: { body: Uint8Array | string }) => {
      requestBodyBytes = typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body.byteLength;
      return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"MessageId":"bench-1"}') } };
    },
  } as never,
});
const store: RawMailStore = { open: async () => createReadStream(replyFile, { highWaterMark: 64 * 1024 }) };
const relay: OutgoingMail = {
  from: { address: 'support@example.com', name: 'Mei Chen (Example Support)' },
  to: [{ address: 'jana@customer.example.org', name: 'Jana Müller' }],
  replyTo: { address: 'support+rl-abc123.k2j4m9xq3d@example.com', name: 'Mei Chen' },
  subject: 'Re: Damaged delivery [#RL-ABC123]',
  text: 'Hello Jana,\n\nthe manual, the firmware and the photos of the replacement part are attached.\n\nMei Chen\nExample Support\n',
  messageId: 'relay-bench@example.com',
  inReplyTo: 'large@customer.example.org',
  references: ['large@customer.example.org'],
  headers: {},
  attachments: [{ kind: 'attachments-of', location: { bucket: 'raw-mail', key: 'agent-reply' } }],
  trackingKey: 'bench-relay',
};

async function send(): Promise<void> {
  if (mode === 'spliced') {
    await new SesMailer(ses, store, 'replyline-sending').send(relay);
    return;
  }
  const message = Buffer.concat(await composeMimeParts(relay, store));
  await ses.send(new SendEmailCommand({ FromEmailAddress: relay.from.address, Destination: { ToAddresses: relay.to.map((to) => to.address) }, Content: { Raw: { Data: message } }, ConfigurationSetName: 'replyline-sending' }));
}

// Warm: the SDK's and the composer's code paths loaded, before the baseline.
await new SesMailer(ses, undefined, 'replyline-sending').send({ ...relay, attachments: [] });
await new Promise((resolve) => setTimeout(resolve, 200));
const baselineRssBytes = process.memoryUsage.rss();
writeFileSync('/proc/self/clear_refs', '5');
let sampledPeak = baselineRssBytes;
const timer = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())), 2);
await send();
clearInterval(timer);
const kernelPeak = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
const result: SesBodyResult = {
  mode,
  baselineRssBytes,
  peakRssBytes: Math.max(sampledPeak, kernelPeak),
  requestBodyBytes,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
