import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { MAX_MAIL_BYTES } from '../../local/smtp-inbound.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { acknowledgementsOf, forwardsOf, sendSmtp, startTestInstance, waitFor } from '../support/local-instance.js';
import { keys, PREFIX } from '../../lambdas/adapters/table-layout.js';

const MiB = 1024 * 1024;

interface SizedMail {
  raw: Buffer;
  /** Decoded size of its one attachment. */
  attachmentBytes: number;
}

/** A customer mail of about `bytes` raw bytes: a line of text and one attachment (base64, 76-character lines). */
function mailOfSize(bytes: number, messageId: string, from: string, content = { subject: 'Photos of the damaged parcel', text: 'The photos of the parcel are attached.', filename: 'photos.zip', contentType: 'application/zip' }): SizedMail {
  const boundary = 'size-boundary';
  const head = [
    `From: Customer <${from}>`,
    'To: support@example.com',
    `Subject: ${content.subject}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    content.text,
    `--${boundary}`,
    `Content-Type: ${content.contentType}; name="${content.filename}"`,
    `Content-Disposition: attachment; filename="${content.filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    '',
  ].join('\r\n');
  const tail = `\r\n--${boundary}--\r\n`;
  const attachmentBytes = Math.floor(((bytes - head.length - tail.length) / 4) * 3 * (76 / 78));
  const base64 = Buffer.alloc(attachmentBytes, 0x5a).toString('base64').replace(/.{76}/g, '$&\r\n');
  return { raw: Buffer.concat([Buffer.from(head), Buffer.from(base64), Buffer.from(tail)]), attachmentBytes };
}

async function rawOf(id: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${inject('emulators').ses}/outbox/${encodeURIComponent(id)}.eml`)).arrayBuffer());
}

/** Forwards go out through SES v2 (40 MB a message): a 12 MB original is attached, a 30 MB one linked. */
describe('the team\'s copy of a large mail', () => {
  let instance: LocalInstance;
  beforeAll(async () => {
    instance = await startTestInstance();
  });
  afterAll(async () => {
    await instance?.stop();
  });

  it('carries a 12 MB original attached (over what SES v1 took: 10 MB after base64)', { timeout: 120_000 }, async () => {
    const messageId = `twelve-${Date.now()}@customer.example.org`;
    const raw = mailOfSize(12 * MiB, messageId, 'twelve@customer.example.org').raw;
    await sendSmtp(instance, raw, { from: 'twelve@customer.example.org', to: ['support@example.com'] });
    const forward = await waitFor(async () => (await forwardsOf(messageId))[0], 'the forward', 90_000);
    const sent = await rawOf(forward.id);
    expect(Math.ceil(sent.length / 3) * 4).toBeGreaterThan(10 * MiB);
    const parsed = await parseMail(sent);
    const ref = /RL-[0-9A-Z]{6}/.exec(forward.subject)![0];
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: `${ref}-original.eml`, contentType: 'message/rfc822' })]);
    expect(parsed.attachments[0]!.sizeBytes).toBeGreaterThanOrEqual(raw.length);
    expect(forward.text).not.toContain('too large to attach');
  });

  it('links a 30 MB original, telling the team where it is kept and why', { timeout: 120_000 }, async () => {
    const messageId = `thirty-${Date.now()}@customer.example.org`;
    const raw = mailOfSize(30 * MiB, messageId, 'thirty@customer.example.org').raw;
    await sendSmtp(instance, raw, { from: 'thirty@customer.example.org', to: ['support@example.com'] });
    const forward = await waitFor(async () => (await forwardsOf(messageId))[0], 'the forward', 90_000);
    expect(forward.text).toMatch(new RegExp(`Original: {2}30\\.0 MB, too large to attach; kept at s3://${instance.resources.bucket}/inbound/\\S+`));
    expect(forward.text).toContain('Why:       original-linked: 30.0 MB is over acknowledgement.maxAttachmentBytes (25.0 MB)');
    expect(forward.text).toContain('The photos of the parcel are attached.');
    const parsed = await parseMail(await rawOf(forward.id));
    expect(parsed.attachments).toEqual([]);
  });
});


/** A mail just under SES's 40 MB limit: stored, threaded, its attachment listed, and the customer told it was too large to pass on. */
describe('a 40 MB mail', () => {
  let instance: LocalInstance;
  beforeAll(async () => {
    instance = await startTestInstance();
  });
  afterAll(async () => {
    await instance?.stop();
  });

  it('is stored and threaded, its attachment listed by size, and the acknowledgement says it was too large', { timeout: 120_000 }, async () => {
    const messageId = `big-${Date.now()}@customer.example.org`;
    const { raw, attachmentBytes } = mailOfSize(MAX_MAIL_BYTES - 64 * 1024, messageId, 'big@customer.example.org', {
      subject: 'Video of the broken kettle',
      text: 'Here is a video showing the problem.',
      filename: 'kettle.mp4',
      contentType: 'video/mp4',
    });
    expect(raw.length).toBeGreaterThan(39 * 1024 * 1024);
    expect(raw.length).toBeLessThan(MAX_MAIL_BYTES);

    await sendSmtp(instance, raw, { from: 'big@customer.example.org', to: ['support@example.com'] });
    const ack = await waitFor(async () => (await acknowledgementsOf(messageId))[0], 'the acknowledgement', 90_000);
    expect(ack.text).toMatch(/Your attachments \(\d+\.\d MB\) were larger than we can pass on/);

    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }));
    const ref = /RL-[0-9A-Z]{6}/.exec(ack.subject)![0];
    const messages = await db.send(new QueryCommand({ TableName: instance.resources.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)', ExpressionAttributeValues: { ':pk': keys.thread(ref).PK, ':msg': PREFIX.message } }));
    const inbound = messages.Items!.find((item) => item.direction === 'in')!;
    expect(inbound.sizeBytes).toBeGreaterThan(39 * 1024 * 1024);
    expect(inbound.attachments).toEqual([{ filename: 'kettle.mp4', contentType: 'video/mp4', sizeBytes: attachmentBytes, inline: false }]);
    expect(inbound.rawMail.key).toMatch(/^inbound\//);
  });
});
