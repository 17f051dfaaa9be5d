import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { MAX_MAIL_BYTES } from '../../local/smtp-inbound.js';
import { acknowledgementsOf, sendSmtp, startTestInstance, waitFor } from '../support/local-instance.js';

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
    const boundary = 'big-boundary';
    const head = [
      'From: Big Sender <big@customer.example.org>',
      'To: support@example.com',
      'Subject: Video of the broken kettle',
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Here is a video showing the problem.',
      `--${boundary}`,
      'Content-Type: video/mp4; name="kettle.mp4"',
      'Content-Disposition: attachment; filename="kettle.mp4"',
      'Content-Transfer-Encoding: base64',
      '',
      '',
    ].join('\r\n');
    const tail = `\r\n--${boundary}--\r\n`;
    const attachmentBytes = Math.floor(((MAX_MAIL_BYTES - 64 * 1024 - head.length - tail.length) / 4) * 3 * (76 / 78));
    const base64 = Buffer.alloc(attachmentBytes, 0x5a).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = Buffer.concat([Buffer.from(head), Buffer.from(base64), Buffer.from(tail)]);
    expect(raw.length).toBeGreaterThan(39 * 1024 * 1024);
    expect(raw.length).toBeLessThan(MAX_MAIL_BYTES);

    await sendSmtp(instance, raw, { from: 'big@customer.example.org', to: ['support@example.com'] });
    const ack = await waitFor(async () => (await acknowledgementsOf(messageId))[0], 'the acknowledgement', 90_000);
    expect(ack.text).toMatch(/Your attachments \(\d+\.\d MB\) were larger than we can pass on/);

    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }));
    const ref = /RL-[0-9A-Z]{6}/.exec(ack.subject)![0];
    const messages = await db.send(new QueryCommand({ TableName: instance.resources.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)', ExpressionAttributeValues: { ':pk': `THREAD#${ref}`, ':msg': 'MSG#' } }));
    const inbound = messages.Items!.find((item) => item.direction === 'in')!;
    expect(inbound.sizeBytes).toBeGreaterThan(39 * 1024 * 1024);
    expect(inbound.attachments).toEqual([{ filename: 'kettle.mp4', contentType: 'video/mp4', sizeBytes: attachmentBytes, inline: false }]);
    expect(inbound.rawMail.key).toMatch(/^inbound\//);
  });
});
