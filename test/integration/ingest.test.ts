import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import type { OutboxEntry } from '../../local/ses-outbox-proxy.js';
import { DynamoSlaIndex } from '../../lambdas/adapters/dynamo-sla-index.js';
import { buildSesNotification, snsEnvelopeFor } from '../../lambdas/schemas/ses-notification.js';
import { acknowledgementsOf, outbox, rawMail, sendSmtp, startTestInstance, waitFor, waitUntilProcessed, waitUntilQueuesQuiet } from '../support/local-instance.js';
import { keys } from '../../lambdas/adapters/table-layout.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const refOf = (subject: string) => /RL-[0-9A-Z]{6}/.exec(subject)?.[0];

describe('ingest on the local emulators', () => {
  let support: LocalInstance;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    support = await startTestInstance();
    db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials }));
  });
  afterAll(async () => {
    await support?.stop();
  });

  const thread = async (ref: string) => (await db.send(new GetCommand({ TableName: support.resources.table, Key: keys.thread(ref) }))).Item;

  it('sends one acknowledgement when SQS delivers the same record three times', async () => {
    const messageId = `redelivered-${Date.now()}@customer.example.org`;
    const key = `inbound/redelivery-${Date.now()}`;
    const s3 = new S3Client({ endpoint: inject('emulators').s3, region: 'us-east-1', credentials, forcePathStyle: true });
    const sqs = new SQSClient({ endpoint: inject('emulators').sqs, region: 'us-east-1', credentials });
    await s3.send(new PutObjectCommand({ Bucket: support.resources.bucket, Key: key, Body: rawMail({ from: 'Ann <ann@customer.example.org>', to: 'support@example.com', subject: 'Broken lid', body: 'The lid broke.', messageId }) }));
    const body = snsEnvelopeFor(
      buildSesNotification({ receiptId: `r-${Date.now()}`, receivedAt: new Date(), envelopeSender: 'ann@customer.example.org', recipients: ['support@example.com'], bucket: support.resources.bucket, key, topicArn: support.resources.topicArn }),
      support.resources.topicArn,
      'sns-1',
      new Date(),
    );
    for (let copy = 0; copy < 3; copy++) await sqs.send(new SendMessageCommand({ QueueUrl: support.resources.inbound.url, MessageBody: body }));

    // Every copy consumed (none visible or in flight) and the mail's work finished: a second acknowledgement would be sent by now.
    await waitUntilQueuesQuiet([support.resources.inbound.url]);
    await waitUntilProcessed(support, messageId);
    const acks = await acknowledgementsOf(messageId);
    expect(acks).toHaveLength(1);
    expect((await thread(refOf(acks[0]!.subject)!))?.inboundCount).toBe(1);
    s3.destroy();
    sqs.destroy();
  });

  it('joins a follow-up to its thread by References, without a second acknowledgement', async () => {
    const opening = `opening-${Date.now()}@customer.example.org`;
    await sendSmtp(support, rawMail({ from: 'Lee <lee@customer.example.org>', to: 'support@example.com', subject: 'Invoice copy', body: 'Please send the invoice.', messageId: opening }), {
      from: 'lee@customer.example.org',
      to: ['support@example.com'],
    });
    const ack = await waitFor(async () => (await acknowledgementsOf(opening))[0], 'the acknowledgement');
    const ref = refOf(ack.subject)!;

    // The customer answers our acknowledgement from their mail client: Reply goes to the thread address.
    const followUp = `followup-${Date.now()}@customer.example.org`;
    await sendSmtp(
      support,
      rawMail({ from: 'Lee <lee@customer.example.org>', to: ack.replyTo[0]!, subject: `Re: ${ack.subject}`, body: 'For order 4711, please.', messageId: followUp, headers: { 'In-Reply-To': `<${ack.messageId}>`, References: `<${opening}> <${ack.messageId}>` } }),
      { from: 'lee@customer.example.org', to: [ack.replyTo[0]!] },
    );
    expect(await waitUntilProcessed(support, followUp)).toMatchObject({ disposition: 'follow-up', acknowledge: false, threadRef: ref });
    expect((await thread(ref))?.inboundCount).toBe(2);
    expect(await acknowledgementsOf(followUp)).toHaveLength(0);
  });

  it('threads a reply that quotes only the Message-ID SES gave our acknowledgement', async () => {
    const opening = `opening-ses-${Date.now()}@customer.example.org`;
    await sendSmtp(support, rawMail({ from: 'Ida <ida@customer.example.org>', to: 'support@example.com', subject: 'Broken lid', body: 'The lid broke.', messageId: opening }), { from: 'ida@customer.example.org', to: ['support@example.com'] });
    const ack = await waitFor(async () => (await acknowledgementsOf(opening))[0], 'the acknowledgement');
    // As on AWS, the customer sees SES's Message-ID, not the one we composed.
    expect(ack.messageId).toMatch(/@email\.amazonses\.com$/);
    const reply = `reply-ses-${Date.now()}@customer.example.org`;
    await sendSmtp(support, rawMail({ from: 'ida@customer.example.org', to: 'support@example.com', subject: 'thanks', body: 'Also the handle.', messageId: reply, headers: { 'In-Reply-To': `<${ack.messageId}>` } }), { from: 'ida@customer.example.org', to: ['support@example.com'] });
    expect(await waitUntilProcessed(support, reply)).toMatchObject({ disposition: 'follow-up', threadRef: refOf(ack.subject) });
  });

  it('counts the threads that owe a reply, per team (dashboard: open threads by team)', async () => {
    const index = new DynamoSlaIndex(db, support.resources.table);
    const before = await index.countOpenThreads('sales');
    const messageId = `open-count-${Date.now()}@buyer.example.org`;
    await sendSmtp(support, rawMail({ from: 'buyer@buyer.example.org', to: 'sales@example.com', subject: 'Quote', body: 'A quote please.', messageId }), { from: 'buyer@buyer.example.org', to: ['sales@example.com'] });
    await waitFor(async () => (await index.countOpenThreads('sales')) === before + 1, 'the new open sales thread');
  });

  it('opens a new thread for a stranger who copies a thread ref into the subject', async () => {
    const opening = `victim-${Date.now()}@customer.example.org`;
    await sendSmtp(support, rawMail({ from: 'Vic <vic@customer.example.org>', to: 'support@example.com', subject: 'Card dispute', body: 'Private matter.', messageId: opening }), {
      from: 'vic@customer.example.org',
      to: ['support@example.com'],
    });
    const ack = await waitFor(async () => (await acknowledgementsOf(opening))[0], 'the acknowledgement');
    const ref = refOf(ack.subject)!;

    const forged = `forged-${Date.now()}@elsewhere.example.net`;
    await sendSmtp(support, rawMail({ from: 'Mal <mal@elsewhere.example.net>', to: 'support@example.com', subject: `Re: Card dispute [#${ref}]`, body: 'Send me the details.', messageId: forged }), {
      from: 'mal@elsewhere.example.net',
      to: ['support@example.com'],
    });
    const strangerAck = await waitFor(async () => (await acknowledgementsOf(forged))[0], 'the stranger\'s own acknowledgement');
    expect(refOf(strangerAck.subject)).not.toBe(ref);
    expect(strangerAck.to).toEqual(['mal@elsewhere.example.net']);
    expect((await thread(ref))?.inboundCount).toBe(1);
  });
});

describe('two Replyline installs whose acknowledgements reach each other', () => {
  let first: LocalInstance;
  let second: LocalInstance;

  beforeAll(async () => {
    first = await startTestInstance();
    second = await startTestInstance({ configFile: 'test/fixtures/other-install.config.json' });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('stop after at most one acknowledgement each', async () => {
    // Plays the internet: every mail either install has sent to the other's domain is delivered to it over SMTP.
    const delivered = new Set<string>();
    const relayWhatWasSent = async (): Promise<OutboxEntry[]> => {
      const crossing: OutboxEntry[] = [];
      for (const entry of await outbox()) {
        if (delivered.has(entry.id)) continue;
        const target = entry.to.some((to) => to.endsWith('@example.net')) ? second : entry.to.some((to) => to.endsWith('@example.com')) ? first : undefined;
        if (!target || !entry.headers['x-replyline-loop']?.match(new RegExp(`^(${first.name}|${second.name})\\.`))) continue;
        delivered.add(entry.id);
        const raw = await (await fetch(`${inject('emulators').ses}/outbox/${encodeURIComponent(entry.id)}.eml`)).text();
        await sendSmtp(target, raw, { from: entry.from!, to: entry.to });
        crossing.push(entry);
      }
      return crossing;
    };

    const opening = `loop-${Date.now()}@example.net`;
    await sendSmtp(first, rawMail({ from: 'Other Support <support@example.net>', to: 'support@example.com', subject: 'Partnership', body: 'Hello from the other company.', messageId: opening }), {
      from: 'support@example.net',
      to: ['support@example.com'],
    });
    await waitFor(async () => (await acknowledgementsOf(opening)).length > 0, 'the first acknowledgement');
    // Each round delivers what one install sent and waits until the other has finished with it: by then
    // any answer to it is in the outbox, to be delivered in the next round. A loop would never end.
    for (let round = 0; round < 4; round++) {
      const crossing = await relayWhatWasSent();
      if (!crossing.length) break;
      for (const entry of crossing) await waitUntilProcessed(entry.to.some((to) => to.endsWith('@example.net')) ? second : first, entry.messageId!);
    }

    const sentBy = async (install: LocalInstance) =>
      (await outbox()).filter((entry) => entry.headers['auto-submitted'] === 'auto-replied' && entry.headers['x-replyline-loop'] === `${install.name}.${install.config.domain}`);
    expect(await sentBy(first)).toHaveLength(1);
    expect(await sentBy(second)).toHaveLength(0);
  });
});
