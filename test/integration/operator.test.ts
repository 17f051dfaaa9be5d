import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { deadLetterQueueOf, resolveTarget, type OperatorTarget } from '../../tools/operator/target.js';
import { exportCommand, forgetCommand, redriveCommand, replayCommand, threadsCommand } from '../../tools/operator/cli.js';
import type { ThreadRow } from '../../tools/operator/threads.js';
import { buildSesNotification, snsEnvelopeFor } from '../../lambdas/schemas/ses-notification.js';
import { captureOperatorIo } from '../support/operator-io.js';
import { acknowledgementsOf, rawMail, sendSmtp, startTestInstance, waitFor, waitUntilQueuesQuiet } from '../support/local-instance.js';
import { isQuarantineItem, keys } from '../../lambdas/adapters/table-layout.js';

type Item = Record<string, unknown>;
const refOf = (subject: string) => /RL-[0-9A-Z]{6}/.exec(subject)?.[0];
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** The operator commands, pointed at this file's instance, with their output captured. */
describe('operator tools on the local emulators', () => {
  let instance: LocalInstance;
  let target: OperatorTarget;
  const dirs: string[] = [];

  beforeAll(async () => {
    instance = await startTestInstance();
    target = await resolveTarget({ instance });
  });
  afterAll(async () => {
    target?.close();
    await instance?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const getItem = async (key: { PK: string; SK: string }) => (await target.dynamo.send(new GetCommand({ TableName: target.table, Key: key, ConsistentRead: true }))).Item;
  const processing = (messageId: string) => getItem(keys.messageLink(messageId));
  /** Recorded, and every side effect done (the pending set is removed once empty). */
  const processed = (messageId: string) =>
    waitFor(async () => {
      const item = await processing(messageId);
      return item && !(item.pending instanceof Set && item.pending.size > 0) ? item : undefined;
    }, `mail <${messageId}> fully processed`);
  const scanAll = async () => {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await target.dynamo.send(new ScanCommand({ TableName: target.table, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const partition = async (ref: string) => (await target.dynamo.send(new QueryCommand({ TableName: target.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.thread(ref).PK } }))).Items ?? [];
  const objectExists = async (key: string) =>
    target.s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key })).then(
      () => true,
      (error: Error) => {
        if (error.name === 'NotFound' || error.name === 'NoSuchKey') return false;
        throw error;
      },
    );
  /** Sends a customer mail over SMTP and waits for its acknowledgement; returns its thread ref. */
  const openThread = async (from: string, subject: string, body: string, messageId: string, headers: Record<string, string> = {}) => {
    await sendSmtp(instance, rawMail({ from, to: 'support@example.com', subject, body, messageId, headers }), { from: from.replace(/.*<|>.*/g, ''), to: ['support@example.com'] });
    const ack = await waitFor(async () => (await acknowledgementsOf(messageId))[0], `the acknowledgement of <${messageId}>`);
    await processed(messageId);
    return refOf(ack.subject)!;
  };

  describe('threads', () => {
    it('lists a customer\'s threads, threads owing a reply and filters by status and team', async () => {
      const messageId = `threads-${unique()}@customer.example.org`;
      const ref = await openThread('Tess <tess@customer.example.org>', 'The lid of my kettle broke', 'The lid broke on the second day.', messageId);

      const byCustomer = captureOperatorIo(target);
      expect(await threadsCommand(['--customer', 'Tess@Customer.example.org', '--json'], byCustomer.io)).toBe(0);
      const rows = JSON.parse(byCustomer.out()) as ThreadRow[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ ref, status: 'awaiting-agent', customer: 'tess@customer.example.org', subject: 'The lid of my kettle broke' });
      expect(rows[0]!.dueAt).toBeTruthy();
      const team = rows[0]!.team;

      const owing = captureOperatorIo(target);
      expect(await threadsCommand(['--status', 'awaiting-agent', '--json'], owing.io)).toBe(0);
      expect((JSON.parse(owing.out()) as ThreadRow[]).map((row) => row.ref)).toContain(ref);

      const owingTeam = captureOperatorIo(target);
      expect(await threadsCommand(['--status', 'awaiting-agent', '--team', team, '--json'], owingTeam.io)).toBe(0);
      expect((JSON.parse(owingTeam.out()) as ThreadRow[]).every((row) => row.team === team)).toBe(true);
      expect((JSON.parse(owingTeam.out()) as ThreadRow[]).map((row) => row.ref)).toContain(ref);

      const closed = captureOperatorIo(target);
      expect(await threadsCommand(['--status', 'closed', '--json'], closed.io)).toBe(0);
      expect((JSON.parse(closed.out()) as ThreadRow[]).map((row) => row.ref)).not.toContain(ref);

      const table = captureOperatorIo(target);
      expect(await threadsCommand(['--customer', 'tess@customer.example.org'], table.io)).toBe(0);
      expect(table.out()).toMatch(/^REF\s+STATUS\s+TEAM\s+PRIORITY\s+CATEGORY\s+CUSTOMER\s+SUBJECT\s+CREATED\s+DUE/);
      expect(table.out()).toContain(ref);
      expect(table.out()).toContain('1 thread\n');

      const unknownTeam = captureOperatorIo(target);
      expect(await threadsCommand(['--team', 'nosuch'], unknownTeam.io)).toBe(1);
      expect(unknownTeam.err()).toContain('unknown team "nosuch"');
    });
  });

  describe('replay', () => {
    it('changes nothing for a fully processed mail, by Message-ID or S3 key, and refuses --force for a threaded mail', async () => {
      const messageId = `replay-${unique()}@customer.example.org`;
      const ref = await openThread('Dave <dave@customer.example.org>', 'Where is my parcel', 'Order 981 has not arrived.', messageId);
      const receiptId = String((await processing(messageId))!.receiptId);
      const before = await getItem(keys.thread(ref));

      const byId = captureOperatorIo(target);
      expect(await replayCommand([`<${messageId}>`], byId.io)).toBe(0);
      expect(byId.out()).toContain(`already processed: new-thread in ${ref}`);
      expect(byId.out()).toContain('changes nothing');
      expect(byId.out()).toContain(`inbound/${receiptId}`);

      const byKey = captureOperatorIo(target);
      expect(await replayCommand([`inbound/${receiptId}`], byKey.io)).toBe(0);
      expect(byKey.out()).toContain('already processed');

      // Both replays consumed from the inbound queue (processed, or failed into the DLQ checked below).
      await waitUntilQueuesQuiet([instance.resources.inbound.url]);
      expect(await acknowledgementsOf(messageId)).toHaveLength(1);
      const after = await getItem(keys.thread(ref));
      expect(after?.version).toBe(before?.version);
      expect(after?.inboundCount).toBe(1);
      expect((await partition(ref)).filter((item) => item.kind === 'message' && item.direction === 'in')).toHaveLength(1);
      expect(await instanceDeadLetters()).toHaveLength(0);

      const forced = captureOperatorIo(target);
      expect(await replayCommand(['--force', messageId], forced.io)).toBe(1);
      expect(forced.err()).toContain('refusing --force');
      expect(forced.err()).toContain('second thread');
      expect(forced.err()).not.toMatch(/\n\s+at /); // no stack trace

      const missing = captureOperatorIo(target);
      expect(await replayCommand(['never-received@nowhere.example.org'], missing.io)).toBe(1);
      expect(missing.err()).toContain('no stored mail for "never-received@nowhere.example.org"');
    });

    it('--force deletes a quarantine decision and re-queues the mail, which ingest decides again', async () => {
      const messageId = `spam-${unique()}@customer.example.org`;
      await sendSmtp(instance, rawMail({ from: 'Eve <eve@customer.example.org>', to: 'support@example.com', subject: 'Offer', body: 'Hello', messageId, headers: { 'X-Spam-Flag': 'YES' } }), {
        from: 'eve@customer.example.org',
        to: ['support@example.com'],
      });
      const first = await processed(messageId);
      expect(first.disposition).toBe('quarantine');
      const quarantineOf = async () => (await scanAll()).filter((item) => isQuarantineItem(item) && item.receiptId === first.receiptId);
      const [record] = await quarantineOf();
      expect(record).toBeDefined();

      const plain = captureOperatorIo(target);
      expect(await replayCommand([messageId], plain.io)).toBe(0);
      expect(plain.out()).toContain('already processed: quarantine');
      expect(plain.out()).toContain('--force');

      const forced = captureOperatorIo(target);
      expect(await replayCommand(['--force', messageId], forced.io)).toBe(0);
      expect(forced.out()).toContain(`--force: deleted the processing record MID#${messageId}`);
      expect(forced.out()).toContain('quarantine record');

      // Ingest decided again: a new processing record (the old one was deleted), still quarantined (the flag is still there).
      const second = await waitFor(async () => {
        const item = await processing(messageId);
        return item && item.createdAt !== first.createdAt && !(item.pending instanceof Set && item.pending.size > 0) ? item : undefined;
      }, 'the new decision');
      expect(second.disposition).toBe('quarantine');
      expect(second.receiptId).toBe(first.receiptId);
      const records = await quarantineOf();
      expect(records).toHaveLength(1);
      expect(records[0]!.SK).toBe(record!.SK); // same receipt time: the same record, written again
      expect(await acknowledgementsOf(messageId)).toHaveLength(0);
    });
  });

  const instanceDeadLetters = async () => {
    const received = await target.sqs.send(new ReceiveMessageCommand({ QueueUrl: instance.resources.inbound.dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    return received.Messages ?? [];
  };

  describe('redrive', () => {
    it('moves dead-lettered mail back to the inbound queue, where it is processed', async () => {
      const messageId = `redrive-${unique()}@customer.example.org`;
      const key = `inbound/redrive-${unique()}`;
      await target.s3.send(
        new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: rawMail({ from: 'Rae <rae@customer.example.org>', to: 'support@example.com', subject: 'Refund', body: 'Please refund order 12.', messageId }) }),
      );
      const notification = buildSesNotification({ receiptId: key.slice('inbound/'.length), receivedAt: new Date(), envelopeSender: 'rae@customer.example.org', recipients: ['support@example.com'], bucket: target.bucket, key, topicArn: instance.resources.topicArn });
      await target.sqs.send(
        new SendMessageCommand({
          QueueUrl: instance.resources.inbound.dlqUrl,
          MessageBody: snsEnvelopeFor(notification, instance.resources.topicArn, 'sns-redrive', new Date()),
          MessageAttributes: { reason: { DataType: 'String', StringValue: 'SES throttled' }, origin: { DataType: 'String', StringValue: 'test' } },
        }),
      );

      const run = captureOperatorIo(target, true);
      expect(await redriveCommand(['--queue', 'inbound'], run.io)).toBe(0);
      expect(run.out()).toContain('\r');
      expect(run.out()).toContain('█');
      expect(run.out()).toMatch(/inbound: moved 1 message from \S+-inbound-dlq to \S+-inbound\n/);
      expect(await instanceDeadLetters()).toHaveLength(0);

      const acks = await waitFor(async () => {
        const found = await acknowledgementsOf(messageId);
        return found.length ? found : undefined;
      }, 'the acknowledgement of the redriven mail');
      expect(acks).toHaveLength(1);

      const again = captureOperatorIo(target);
      expect(await redriveCommand(['--queue', 'all'], again.io)).toBe(0);
      expect(again.out()).toContain('inbound: moved 0 messages');
      expect(again.out()).toContain('total: moved 0');

      // On AWS, team DLQs are found through the queue's RedrivePolicy (no stack output needed).
      const support = instance.resources.teams.support!;
      expect(await deadLetterQueueOf(target.sqs, { name: 'support', url: support.url })).toBe(support.dlqUrl);

      const unknown = captureOperatorIo(target);
      expect(await redriveCommand(['--queue', 'nosuch'], unknown.io)).toBe(1);
      expect(unknown.err()).toContain('--queue must be one of inbound, support, sales, all');
    });
  });

  describe('export and forget', () => {
    const ann = `privacy-ann-${unique()}@customer.example.org`;
    const bob = `privacy-bob-${unique()}@customer.example.org`;
    const carol = `privacy-carol-${unique()}@customer.example.org`;
    const annOpening = `ann-opening-${unique()}@customer.example.org`;
    const carolReply = `carol-reply-${unique()}@customer.example.org`;
    const bobOpening = `bob-opening-${unique()}@customer.example.org`;
    const annInBob = `ann-in-bob-${unique()}@customer.example.org`;
    const annSpam = `ann-spam-${unique()}@customer.example.org`;
    let refAnn: string;
    let refBob: string;
    let outDir: string;

    beforeAll(async () => {
      // Ann's thread, copying Carol, who answers in it.
      refAnn = await openThread(`Ann <${ann}>`, 'My order arrived damaged', 'The box was crushed.', annOpening, { Cc: carol });
      await sendSmtp(
        instance,
        rawMail({ from: `Carol <${carol}>`, to: 'support@example.com', subject: 'Re: My order arrived damaged', body: 'I saw the box too.', messageId: carolReply, headers: { Cc: ann, 'In-Reply-To': `<${annOpening}>`, References: `<${annOpening}>` } }),
        { from: carol, to: ['support@example.com'] },
      );
      expect((await processed(carolReply)).threadRef).toBe(refAnn);
      // Bob's thread, copying Ann, who writes in it.
      refBob = await openThread(`Bob <${bob}>`, 'Invoice address', 'Please change the invoice address.', bobOpening, { Cc: ann });
      await sendSmtp(
        instance,
        rawMail({ from: `Ann <${ann}>`, to: 'support@example.com', subject: 'Re: Invoice address', body: 'Bob is right.', messageId: annInBob, headers: { Cc: bob, 'In-Reply-To': `<${bobOpening}>`, References: `<${bobOpening}>` } }),
        { from: ann, to: ['support@example.com'] },
      );
      expect((await processed(annInBob)).threadRef).toBe(refBob);
      // A quarantined mail of Ann's, and a suppression entry as SES feedback would write it.
      await sendSmtp(instance, rawMail({ from: `Ann <${ann}>`, to: 'support@example.com', subject: 'Win', body: 'spam', messageId: annSpam, headers: { 'X-Spam-Flag': 'YES' } }), { from: ann, to: ['support@example.com'] });
      expect((await processed(annSpam)).disposition).toBe('quarantine');
      await target.dynamo.send(new PutCommand({ TableName: target.table, Item: { ...keys.suppression(ann), kind: 'suppression', reason: 'bounce', at: new Date().toISOString() } }));
      outDir = mkdtempSync(join(tmpdir(), 'replyline-export-'));
      dirs.push(outDir);
    }, 60_000);

    const rawKeyOf = async (messageId: string) => `inbound/${String((await processing(messageId))!.receiptId)}`;

    it('export writes the thread JSON, the raw mail and a summary', async () => {
      const rawKeys = { annOpening: await rawKeyOf(annOpening), carolReply: await rawKeyOf(carolReply), annInBob: await rawKeyOf(annInBob), annSpam: await rawKeyOf(annSpam) };
      const dir = join(outDir, 'ann');
      const run = captureOperatorIo(target);
      expect(await exportCommand([ann.toUpperCase(), '--out', dir], run.io)).toBe(0);
      expect(run.out()).toContain(`exported to ${dir}`);

      const thread = JSON.parse(readFileSync(join(dir, 'threads', `${refAnn}.json`), 'utf8')) as { thread: Item; items: Item[]; links: Item[] };
      expect(thread.thread).toMatchObject({ ref: refAnn, customerAddress: ann, kind: 'thread' });
      expect(thread.items.filter((item) => item.kind === 'message' && item.direction === 'in').map((item) => item.messageId).sort()).toEqual([annOpening, carolReply].sort());
      expect(thread.links.map((item) => item.PK)).toEqual(expect.arrayContaining([keys.messageLink(annOpening).PK, keys.messageLink(carolReply).PK]));
      expect(existsSync(join(dir, 'threads', `${refBob}.json`))).toBe(false); // Bob's thread is Bob's

      expect(readFileSync(join(dir, 'mail', `${rawKeys.annOpening}.eml`), 'utf8')).toContain('The box was crushed.');
      expect(readFileSync(join(dir, 'mail', `${rawKeys.annInBob}.eml`), 'utf8')).toContain('Bob is right.');
      expect(readFileSync(join(dir, 'mail', `${rawKeys.annSpam}.eml`), 'utf8')).toContain('X-Spam-Flag: YES');
      expect(readdirSync(join(dir, 'mail', 'inbound')).sort()).toEqual([rawKeys.annOpening, rawKeys.carolReply, rawKeys.annInBob, rawKeys.annSpam].map((key) => `${key.slice('inbound/'.length)}.eml`).sort());

      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { address: string; counts: Record<string, number> };
      expect(summary.address).toBe(ann);
      expect(summary.counts).toMatchObject({ threads: 1, quarantined: 1, messagesInOtherThreads: 1, removedFromParticipants: 1, suppression: 1, rawMail: 4, rawMailWritten: 4, rawMailMissing: 0 });
      expect(summary.counts.rateLimits).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(readFileSync(join(dir, 'quarantine.json'), 'utf8'))).toMatchObject({ records: [{ sender: ann }] });
      expect(JSON.parse(readFileSync(join(dir, 'suppression.json'), 'utf8'))).toMatchObject([{ PK: keys.suppression(ann).PK }]);
      expect((JSON.parse(readFileSync(join(dir, 'rate-limits.json'), 'utf8')) as Item[])[0]?.PK).toBe(keys.ackAllowances(ann));
      expect(JSON.parse(readFileSync(join(dir, 'other-threads.json'), 'utf8'))).toMatchObject({ messages: [{ messageId: annInBob }], participantOf: [refBob] });

      const again = captureOperatorIo(target);
      expect(await exportCommand([ann, '--out', dir], again.io)).toBe(1);
      expect(again.err()).toContain('is not empty');
      const file = join(outDir, 'a-file');
      writeFileSync(file, 'x');
      const unusable = captureOperatorIo(target);
      expect(await exportCommand([ann, '--out', join(file, 'below')], unusable.io)).toBe(1);
      expect(unusable.err()).toMatch(/^export: cannot use .* as the export directory: ENOTDIR\n$/);
    });

    it('forget removes every item and raw object of the customer and leaves only a hashed tombstone; twice is fine', async () => {
      const rawKeys = { annOpening: await rawKeyOf(annOpening), carolReply: await rawKeyOf(carolReply), annInBob: await rawKeyOf(annInBob), annSpam: await rawKeyOf(annSpam), bobOpening: await rawKeyOf(bobOpening) };
      expect(JSON.stringify(await scanAll())).toContain(ann);

      const run = captureOperatorIo(target);
      expect(await forgetCommand([ann, '--yes'], run.io)).toBe(0);
      expect(run.out()).toContain('forgotten:');
      expect(run.out()).toContain('threads 1');
      expect(run.out()).not.toContain('privacy-ann');

      // No item anywhere in the table names her (any case).
      const items = await scanAll();
      expect(items.filter((item) => JSON.stringify(item).toLowerCase().includes(ann))).toEqual([]);
      // Her thread is gone whole (Carol's reply in it too), with the message-id records pointing at it.
      expect(await partition(refAnn)).toEqual([]);
      expect(items.filter((item) => item.threadRef === refAnn)).toEqual([]);
      for (const id of [annOpening, carolReply, annInBob, annSpam]) expect(await processing(id)).toBeUndefined();
      expect(items.filter((item) => isQuarantineItem(item) && item.sender === ann)).toEqual([]);
      expect(await getItem(keys.suppression(ann))).toBeUndefined();
      expect(items.filter((item) => String(item.PK).startsWith(keys.ackAllowances(ann)))).toEqual([]);
      // Bob's thread stays, without her message and without her among its participants.
      const bobThread = await getItem(keys.thread(refBob));
      expect(bobThread?.customerAddress).toBe(bob);
      expect(bobThread?.participants).not.toContain(ann);
      expect((await partition(refBob)).filter((item) => item.kind === 'message' && item.direction === 'in').map((item) => item.messageId)).toEqual([bobOpening]);
      // Raw mail: hers and everything in her thread deleted; Bob's own mail (which names her in Cc) is his and stays.
      for (const key of [rawKeys.annOpening, rawKeys.carolReply, rawKeys.annInBob, rawKeys.annSpam]) expect(await objectExists(key)).toBe(false);
      expect(await objectExists(rawKeys.bobOpening)).toBe(true);
      // The customer index has nothing for her.
      const listed = captureOperatorIo(target);
      expect(await threadsCommand(['--customer', ann], listed.io)).toBe(0);
      expect(listed.out()).toBe('no threads match\n');

      const tombstone = await getItem(keys.tombstone(ann));
      expect(tombstone).toMatchObject({ kind: 'tombstone', runs: 1, threadsDeleted: 1, rawMailDeleted: 4 });
      expect(JSON.stringify(tombstone)).not.toContain('privacy-ann');
      expect(keys.tombstone(ann.toUpperCase())).toEqual(keys.tombstone(ann));

      const twice = captureOperatorIo(target);
      expect(await forgetCommand([ann, '--yes'], twice.io)).toBe(0);
      expect(twice.out()).toContain('nothing held on this address (it was forgotten before)');
      expect(await getItem(keys.tombstone(ann))).toMatchObject({ runs: 2, threadsDeleted: 1, rawMailDeleted: 4 });
      expect((await scanAll()).filter((item) => JSON.stringify(item).toLowerCase().includes(ann))).toEqual([]);
    });

    it('forget asks for confirmation on a terminal and deletes nothing without it', async () => {
      const run = captureOperatorIo(target);
      run.io.ask = async () => 'someone-else@customer.example.org';
      expect(await forgetCommand([bob], run.io)).toBe(1);
      expect(run.err()).toContain('not confirmed; nothing deleted');
      expect(await getItem(keys.thread(refBob))).toBeDefined();
    });

    it('forget refuses without --yes when nobody can confirm at a terminal (a script, a pipe)', async () => {
      const run = captureOperatorIo(target);
      run.io.ask = undefined;
      expect(await forgetCommand([bob], run.io)).toBe(1);
      expect(run.err()).toContain('not deleting without a confirmation: standard input is not a terminal. Pass --yes');
      expect(await getItem(keys.thread(refBob))).toBeDefined();
    });
  });
});
