import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { observeLogs, type LogEntry } from '../../lambdas/adapters/logger.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadItem, toThread } from '../../lambdas/adapters/table-items.js';
import type { ThreadRecord } from '../../lambdas/core/records.js';
import type { LocalInstance } from '../../local/instance.js';
import type { OutboxEntry } from '../../local/ses-outbox-proxy.js';
import type { LocalEvent } from '../../local/event-bus.js';
import { buildSesNotification, snsEnvelopeFor } from '../../lambdas/schemas/ses-notification.js';
import { busEvents, DEFAULT_CONFIG, outbox, rawMail, startTestInstance, waitUntilQueuesQuiet } from '../support/local-instance.js';
import { FaultInjector, type FaultKind } from './injector.js';
import { keys } from '../../lambdas/adapters/table-layout.js';

/**
 * 1000 mails through the local stack (real emulators, real handlers), every SQS
 * record delivered three times, with faults injected around every adapter call of
 * ingest and deliver. Afterwards each mail must be in exactly one recorded state,
 * none lost, none acknowledged or forwarded twice.
 */
// npm test runs 200 mails (about a minute); npm run test:faults runs the full 1000 (about five minutes).
const MAILS = Number(process.env.REPLYLINE_FAULT_MAILS ?? 200);
const COPIES = 3;
const FAULT_PROBABILITY = Number(process.env.REPLYLINE_FAULT_PROBABILITY ?? 0.03);
const SEED = Number(process.env.REPLYLINE_FAULT_SEED ?? 20261124);
const LATE_REPLIES = Math.max(10, Math.round(MAILS / 10));
const HELPDESK_SOURCE = 'helpdesk.example';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

type Kind = 'customer' | 'repeat-sender' | 'follow-up' | 'auto-reply' | 'spam' | 'sales' | 'missing-object';
interface TestMail {
  index: number;
  kind: Kind;
  messageId: string;
  receiptId: string;
  key: string;
  raw: string | undefined;
}

function plan(index: number, run: string): TestMail {
  const roll = index % 100;
  const kind: Kind = roll < 62 ? 'customer' : roll < 67 ? 'repeat-sender' : roll < 77 ? 'follow-up' : roll < 85 ? 'auto-reply' : roll < 90 ? 'spam' : roll < 98 ? 'sales' : 'missing-object';
  const messageId = `fault-${run}-${index}@customer.example.org`;
  const receiptId = `fault${run}r${index}`;
  const from = kind === 'repeat-sender' ? 'Repeat Customer <repeat@customer.example.org>' : `Customer ${index} <c${index}@customer.example.org>`;
  const headers: Record<string, string> = {};
  if (kind === 'auto-reply') headers['Auto-Submitted'] = 'auto-replied';
  if (kind === 'spam') headers['X-Spam-Flag'] = 'YES';
  if (kind === 'follow-up') headers.References = `<fault-${run}-${index - 10}@customer.example.org>`;
  const raw =
    kind === 'missing-object'
      ? undefined
      : rawMail({ from, to: kind === 'sales' ? 'sales@example.com' : 'support@example.com', subject: `Order ${index} question`, body: `Where is order ${index}? It has not arrived.`, messageId, headers });
  return { index, kind, messageId, receiptId, key: `inbound/${receiptId}`, raw };
}

describe(`fault injection: ${MAILS} mails, every record delivered ${COPIES}×, p(fault) = ${FAULT_PROBABILITY} per call`, () => {
  let instance: LocalInstance;
  let configDir: string | undefined;
  const injector = new FaultInjector(FAULT_PROBABILITY, SEED);
  const logged: LogEntry[] = [];
  let stopObserving: (() => void) | undefined;

  beforeAll(async () => {
    // Every log entry of the handlers, including the reasons records failed (the DLQ's "with reason").
    stopObserving = observeLogs((entry) => logged.push(entry));
    // The default configuration, with a help desk allowed to report replies by event.
    configDir = mkdtempSync(join(tmpdir(), 'replyline-faults-'));
    const configFile = join(configDir, 'replyline.config.json');
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG, 'utf8')) as Record<string, unknown>;
    delete config.$schema;
    writeFileSync(configFile, JSON.stringify({ ...config, helpdesk: { eventSources: [HELPDESK_SOURCE] } }));
    instance = await startTestInstance({
      configFile,
      visibilityTimeoutSeconds: 2,
      maxReceiveCount: 10,
      inboundConsumers: 3,
      wrapIngestDependencies: (deps) => ({
        ...deps,
        threads: injector.threads(deps.threads, deps.sendingLog),
        mailer: injector.mailer(deps.mailer, deps.sendingLog, deps.threads),
        routing: injector.routing(deps.routing),
        rawMail: injector.rawMail(deps.rawMail),
        events: injector.events(deps.events),
      }),
      wrapDeliverDependencies: (deps) => ({
        ...deps,
        threads: injector.threads(deps.threads, deps.sendingLog),
        mailer: injector.mailer(deps.mailer, deps.sendingLog, deps.threads),
        rawMail: injector.rawMail(deps.rawMail),
        events: injector.events(deps.events),
      }),
      wrapAgentEventDependencies: (deps) => ({ ...deps, threads: injector.threads(deps.threads, undefined), events: injector.events(deps.events) }),
    });
  });
  afterAll(async () => {
    await instance?.stop();
    stopObserving?.();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it('keeps every mail, in exactly one recorded state, with no duplicate acknowledgement or forward', { timeout: 900_000 }, async () => {
    const started = Date.now();
    const run = instance.name;
    const mails = Array.from({ length: MAILS }, (_, index) => plan(index, run));
    const s3 = new S3Client({ endpoint: inject('emulators').s3, region: 'us-east-1', credentials, forcePathStyle: true });
    const sqs = new SQSClient({ endpoint: inject('emulators').sqs, region: 'us-east-1', credentials });
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials }));

    // Store each mail as SES would, then put its notification on the inbound queue three times.
    for (const mail of mails) if (mail.raw) await s3.send(new PutObjectCommand({ Bucket: instance.resources.bucket, Key: mail.key, Body: mail.raw }));
    const bodies = mails.flatMap((mail) => {
      const notification = buildSesNotification({
        receiptId: mail.receiptId,
        receivedAt: new Date(),
        envelopeSender: `c${mail.index}@customer.example.org`,
        recipients: [mail.kind === 'sales' ? 'sales@example.com' : 'support@example.com'],
        bucket: instance.resources.bucket,
        key: mail.key,
        topicArn: instance.resources.topicArn,
      });
      const body = snsEnvelopeFor(notification, instance.resources.topicArn, `sns-${mail.index}`, new Date());
      return Array.from({ length: COPIES }, () => body);
    });
    await sendInBatches(sqs, instance.resources.inbound.url, bodies);

    const queues = [instance.resources.inbound.url, instance.resources.feedback.url, instance.resources.agentEvents.url, ...Object.values(instance.resources.teams).map((queue) => queue.url)];
    await waitUntilQueuesQuiet(queues, 840_000, 4);

    // --- late replies: promises the sweeper reported broken, then met by an agent's mail or a help desk's event
    const lateReplies: LateReply[] = [];
    const forwardsSoFar = (await outbox()).filter((entry) => entry.headers['x-replyline-thread'] !== undefined);
    for (const mail of mails.filter((candidate) => candidate.kind === 'customer').slice(0, LATE_REPLIES)) {
      const link = (await db.send(new GetCommand({ TableName: instance.resources.table, Key: keys.messageLink(mail.messageId), ConsistentRead: true }))).Item;
      const threadAddress = forwardsSoFar.find((entry) => inReplyToOf(entry) === mail.messageId)?.replyTo[0];
      if (!link?.threadRef || !threadAddress) continue;
      const breached = await reportBreach(db, instance.resources.table, String(link.threadRef));
      if (!breached) continue;
      const via = lateReplies.length % 2 === 0 ? 'mail-relay' : 'helpdesk';
      lateReplies.push({ threadRef: breached.ref, rootMessageId: mail.messageId, via, threadAddress, repliedAt: new Date(breached.slaClock!.dueAt.getTime() + 30 * 60_000) });
    }
    const replyBodies: string[] = [];
    const eventBodies: string[] = [];
    for (const [index, reply] of lateReplies.entries()) {
      if (reply.via === 'mail-relay') {
        const receiptId = `fault${run}late${index}`;
        const raw = rawMail({ from: 'Mei Chen <mei.chen@mail.example.com>', to: reply.threadAddress, subject: 'Re: your order', body: 'Sorry for the wait: it ships today.', messageId: `late-${run}-${index}@mail.example.com`, headers: { References: `<${reply.rootMessageId}>` } });
        await s3.send(new PutObjectCommand({ Bucket: instance.resources.bucket, Key: `inbound/${receiptId}`, Body: raw }));
        const notification = buildSesNotification({ receiptId, receivedAt: reply.repliedAt, envelopeSender: 'mei.chen@mail.example.com', recipients: [reply.threadAddress], bucket: instance.resources.bucket, key: `inbound/${receiptId}`, topicArn: instance.resources.topicArn });
        replyBodies.push(...Array.from({ length: COPIES }, () => snsEnvelopeFor(notification, instance.resources.topicArn, `sns-late-${index}`, new Date())));
      } else {
        const event = { version: '0', id: `helpdesk-${index}`, 'detail-type': 'Agent Replied', source: HELPDESK_SOURCE, account: '123456789012', time: reply.repliedAt.toISOString(), region: 'us-east-1', resources: [], detail: { version: 1, threadRef: reply.threadRef, agent: 'kim', repliedAt: reply.repliedAt.toISOString(), via: 'helpdesk' } };
        eventBodies.push(...Array.from({ length: COPIES }, () => JSON.stringify(event)));
      }
    }
    await sendInBatches(sqs, instance.resources.inbound.url, replyBodies);
    await sendInBatches(sqs, instance.resources.agentEvents.url, eventBodies);
    await waitUntilQueuesQuiet(queues, 840_000, 4);
    const settledAfter = Date.now() - started;

    // --- audit -----------------------------------------------------------------------------------
    const sent = (await outbox()).filter((entry) => entry.headers['x-replyline-loop'] === instance.env.INSTANCE_ID);
    const acks = countBy(sent.filter((entry) => entry.headers['auto-submitted'] === 'auto-replied'), inReplyToOf);
    const forwards = countBy(sent.filter((entry) => entry.headers['x-replyline-thread'] !== undefined), inReplyToOf);
    const deadLetters = await drainIds(sqs, instance.resources.inbound.dlqUrl);
    const events = await busEvents(instance.resources.bus);
    const received = countBy(events.filter((event) => event['detail-type'] === 'Message Received'), messageKeyOf);
    const routedEvents = countBy(events.filter((event) => event['detail-type'] === 'Thread Routed'), messageKeyOf);
    const reasons = dlqReasons(logged);

    const states = new Map<string, number>();
    const problems: string[] = [];
    let duplicateAcks = 0;
    let duplicateForwards = 0;
    let lost = 0;
    let lostEvents = 0;
    let repeatedEvents = 0;
    for (const mail of mails) {
      const item = (await db.send(new GetCommand({ TableName: instance.resources.table, Key: keys.messageLink(mail.messageId), ConsistentRead: true }))).Item;
      const ackCount = acks.get(mail.messageId) ?? 0;
      const forwardCount = forwards.get(mail.messageId) ?? 0;
      if (ackCount > 1) duplicateAcks++;
      if (forwardCount > 1) duplicateForwards++;
      let state: string;
      if (item) {
        const pending = item.pending instanceof Set ? [...item.pending] : [];
        if (pending.length) problems.push(`${mail.messageId}: effects still pending: ${pending.join(', ')} [dlq=${deadLetters.has(mail.receiptId)} logs=${logged.filter((e) => (e.fields as { receiptId?: string }).receiptId === mail.receiptId || (item.threadRef && (e.fields as { threadRef?: string }).threadRef === item.threadRef && e.message.startsWith('deliv'))).map((e) => e.message.slice(0, 12) + ':' + String((e.fields as { reason?: string }).reason ?? '').slice(0, 40)).join(' | ')}]`);
        if (item.disposition === 'quarantine') state = 'quarantined';
        else if (item.acknowledge) state = 'threaded + acknowledged';
        else state = 'threaded, not acknowledged by rule';
        if (item.acknowledge && ackCount !== 1) problems.push(`${mail.messageId}: owed one acknowledgement, sent ${ackCount}`);
        if (!item.acknowledge && ackCount !== 0) problems.push(`${mail.messageId}: not owed an acknowledgement, sent ${ackCount}`);
        const routed = item.disposition !== 'quarantine' && !(item.disposition === 'machine-mail' && mail.kind === 'auto-reply');
        if (routed && forwardCount !== 1) problems.push(`${mail.messageId} (${mail.kind}): routed, forwarded ${forwardCount} times`);
        // Every threaded mail announces itself, every delivered one its routing; a copy is allowed (consumers key on messageKey).
        const owed = [...(item.disposition !== 'quarantine' ? [['Message Received', received.get(mail.messageId) ?? 0] as const] : []), ...(routed ? [['Thread Routed', routedEvents.get(mail.messageId) ?? 0] as const] : [])];
        for (const [detailType, count] of owed) {
          if (count === 0) {
            lostEvents++;
            problems.push(`${mail.messageId} (${mail.kind}): no ${detailType} event`);
          }
          if (count > 1) repeatedEvents++;
        }
      } else if (deadLetters.has(mail.receiptId)) {
        state = `in the DLQ: ${reasons.get(mail.receiptId) ?? 'reason not logged'}`;
        if (!reasons.has(mail.receiptId)) problems.push(`${mail.receiptId}: in the DLQ without a logged reason`);
      } else {
        state = 'LOST';
        lost++;
      }
      states.set(state, (states.get(state) ?? 0) + 1);
    }

    // Every late reply is followed by one SLA Recovered (a copy is allowed: consumers key on threadRef and target); a relayed one reaches the customer once.
    const recoveries = countBy(events.filter((event) => event['detail-type'] === 'SLA Recovered'), (event) => String(event.detail.threadRef));
    const relays = countBy(sent.filter((entry) => entry.headers['auto-submitted'] === undefined && entry.headers['x-replyline-thread'] === undefined), inReplyToOf);
    for (const reply of lateReplies) {
      const count = recoveries.get(reply.threadRef) ?? 0;
      if (count === 0) {
        lostEvents++;
        problems.push(`${reply.threadRef} (late reply by ${reply.via}): no SLA Recovered event`);
      }
      if (count > 1) repeatedEvents++;
      const relayCount = relays.get(reply.rootMessageId) ?? 0;
      if (reply.via === 'mail-relay' && relayCount !== 1) problems.push(`${reply.threadRef}: late reply relayed ${relayCount} times`);
      if (reply.via === 'helpdesk' && relayCount !== 0) problems.push(`${reply.threadRef}: a help desk's reply was relayed`);
    }

    // A repeat is harmless only if a consumer can tell it is one: every copy of an event carries the same eventId.
    const idsByEvent = new Map<string, Set<string>>();
    for (const event of events) {
      const about = subjectOf(event);
      idsByEvent.set(about, (idsByEvent.get(about) ?? new Set()).add(String(event.detail.eventId)));
    }
    const withoutOneId = [...idsByEvent].filter(([, ids]) => ids.size !== 1 || ids.has('undefined'));
    for (const [about, ids] of withoutOneId.slice(0, 5)) problems.push(`${about}: published under ${ids.size} event ids (${[...ids].join(', ')})`);

    printTable(`Fault injection: ${MAILS} mails × ${COPIES} deliveries, p = ${FAULT_PROBABILITY}, seed ${SEED}, settled in ${(settledAfter / 1000).toFixed(1)} s`, [
      ['final state of each mail', 'mails'],
      ...[...states].sort(([a], [b]) => a.localeCompare(b)).map(([state, count]) => [state, String(count)]),
      ['lost', String(lost)],
      ['duplicate acknowledgements', String(duplicateAcks)],
      ['duplicate forwards', String(duplicateForwards)],
      ['late replies (relayed / by help-desk event)', `${lateReplies.filter((reply) => reply.via === 'mail-relay').length} / ${lateReplies.filter((reply) => reply.via === 'helpdesk').length}`],
      ['events lost', String(lostEvents)],
      ['events published more than once (each copy under its one eventId)', String(repeatedEvents)],
      ['events a consumer could not tell from a repeat (no or several eventIds)', String(withoutOneId.length)],
    ]);
    printTable('Faults injected (ingest and deliver)', [['fault', 'count'], ...[...injector.counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => [kind as FaultKind, String(count)])]);

    expect(problems.slice(0, 20)).toEqual([]);
    expect(lost).toBe(0);
    expect(duplicateAcks).toBe(0);
    expect(duplicateForwards).toBe(0);
    expect(lostEvents).toBe(0);
    expect(withoutOneId).toEqual([]);
    expect(lateReplies.length).toBeGreaterThanOrEqual(LATE_REPLIES / 2);
    expect([...injector.counts.keys()].length).toBeGreaterThanOrEqual(8);
    // A mail whose stored object is gone can only end in the DLQ, and the logs must say why (any of its
    // attempts; the last one may have met an injected fault before it reached S3).
    const missing = mails.filter((mail) => mail.kind === 'missing-object');
    expect(missing.filter((mail) => !deadLetters.has(mail.receiptId) || !loggedReasons(logged, mail.receiptId).some((reason) => reason.startsWith('NoSuchKey')))).toEqual([]);
    s3.destroy();
    sqs.destroy();
  });
});

interface LateReply {
  threadRef: string;
  rootMessageId: string;
  via: 'mail-relay' | 'helpdesk';
  threadAddress: string;
  repliedAt: Date;
}

/** What the sweeper records when it raises SLA Breached: the clock's breach, on the thread. */
async function reportBreach(db: DynamoDBDocumentClient, table: string, threadRef: string): Promise<ThreadRecord | undefined> {
  const key = keys.thread(threadRef);
  const item = (await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
  const thread = item && toThread(item);
  if (!thread?.slaClock) return undefined;
  const breached: ThreadRecord = { ...thread, version: thread.version + 1, slaClock: { ...thread.slaClock, warnedAt: thread.slaClock.warnAt, breachedAt: thread.slaClock.dueAt } };
  await db.send(new PutCommand({ TableName: table, Item: threadItem(breached), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': thread.version } }));
  return breached;
}

async function sendInBatches(sqs: SQSClient, queueUrl: string, bodies: string[]): Promise<void> {
  for (let start = 0; start < bodies.length; start += 10) {
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: bodies.slice(start, start + 10).map((body, index) => ({ Id: String(index), MessageBody: body })) }));
  }
}

/** What an event is about, read from its detail on the bus (apart from how the publisher derives its id). */
function subjectOf(event: LocalEvent): string {
  const { messageKey, threadRef, target, repliedAt, dueAt } = event.detail;
  const about = messageKey !== undefined ? [messageKey] : [threadRef, target ?? repliedAt, dueAt];
  return [event['detail-type'], ...about].map(String).join(' ');
}

function messageKeyOf(event: LocalEvent): string | undefined {
  const key = event.detail.messageKey;
  return typeof key === 'string' ? key : undefined;
}

function inReplyToOf(entry: OutboxEntry): string | undefined {
  return entry.inReplyTo[0];
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Receipt ids of the notifications in a DLQ (read without consuming them). */
async function drainIds(sqs: SQSClient, queueUrl: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let round = 0; round < 50; round++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 30 }));
    if (Messages.length === 0) break;
    for (const message of Messages) {
      const match = /messageId\\":\\"([^\\]+)\\"/.exec(message.Body ?? '');
      if (match) ids.add(match[1]!);
    }
  }
  return ids;
}

/** Every error the ingest handler logged for one receipt, oldest first. */
function loggedReasons(entries: LogEntry[], receiptId: string): string[] {
  return entries.flatMap((entry) => {
    const fields = entry.fields as { receiptId?: string; reason?: string };
    return entry.level === 'ERROR' && fields.receiptId === receiptId && fields.reason ? [fields.reason] : [];
  });
}

/** The last error the ingest handler logged for each receipt: the reason a record ended in the DLQ. */
function dlqReasons(entries: LogEntry[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const entry of entries) {
    const { receiptId, reason } = entry.fields as { receiptId?: string; reason?: string };
    if (entry.level === 'ERROR' && receiptId && reason) reasons.set(receiptId, reason);
  }
  return reasons;
}

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log([``, title, line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n'));
}
