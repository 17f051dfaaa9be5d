import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { memoryDependencies, rawMail, receive } from '../support/fixtures.js';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { processingItem } from '../../lambdas/adapters/table-items.js';
import type { InboundProcessing } from '../../lambdas/core/records.js';
import { freshTable } from '../support/local-table.js';

const LEASE_MS = 120_000;

// One table for the file: every test keys its own mails and senders.
let tableName: string;
let db: DynamoDBDocumentClient;
let store: DynamoThreadStore;
beforeAll(async () => {
  ({ tableName, db } = await freshTable('claims'));
  store = new DynamoThreadStore(db, tableName);
});
afterAll(() => db?.destroy());

describe('side-effect claims on DynamoDB Local', () => {

  let counter = 0;
  /** A recorded mail that still owes an acknowledgement. */
  async function mailOwingAck(): Promise<string> {
    const dedupeKey = `claim-${counter++}@customer.example.org`;
    const processing: InboundProcessing = {
      dedupeKey,
      disposition: 'new-thread',
      role: 'customer',
      threadRef: `thread-${dedupeKey}`,
      receiptId: `receipt-${dedupeKey}`,
      sender: 'jane@customer.example.org',
      acknowledge: true,
      reasons: [],
      pending: ['acknowledge'],
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    };
    await db.send(new PutCommand({ TableName: tableName, Item: processingItem(processing) }));
    return dedupeKey;
  }
  // Far ahead: DynamoDB Local deletes items whose TTL has passed on the wall clock.
  const now = new Date('2096-12-03T09:00:00Z');
  const afterLease = new Date(now.getTime() + LEASE_MS + 1);

  it('lets one of many concurrent deliveries claim an effect; the others are told it is busy until the lease ends', async () => {
    const dedupeKey = await mailOwingAck();
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimEffect(dedupeKey, 'acknowledge', now, LEASE_MS)));
    expect(claims.filter((claim) => claim.status === 'claimed')).toMatchObject([{ status: 'claimed', reclaimed: false, leaseUntil: new Date(now.getTime() + LEASE_MS), processing: { dedupeKey, pending: ['acknowledge'] } }]);
    expect(claims.filter((claim) => claim.status === 'busy')).toHaveLength(4);
  });

  it('frees a released claim at once, but a holder whose lease ran out cannot free the claim of the worker that took over', async () => {
    const dedupeKey = await mailOwingAck();
    const stale = await store.claimEffect(dedupeKey, 'acknowledge', now, LEASE_MS);
    if (stale.status !== 'claimed') throw new Error('not claimed');
    // The first holder stalls past its lease; another delivery takes the effect over.
    const takeover = await store.claimEffect(dedupeKey, 'acknowledge', afterLease, LEASE_MS);
    expect(takeover).toMatchObject({ status: 'claimed', reclaimed: true });
    if (takeover.status !== 'claimed') throw new Error('not claimed');

    await store.releaseEffect(dedupeKey, 'acknowledge', stale.leaseUntil);
    expect(await store.claimEffect(dedupeKey, 'acknowledge', afterLease, LEASE_MS)).toMatchObject({ status: 'busy', leaseUntil: takeover.leaseUntil });

    await store.releaseEffect(dedupeKey, 'acknowledge', takeover.leaseUntil);
    expect(await store.claimEffect(dedupeKey, 'acknowledge', afterLease, LEASE_MS)).toMatchObject({ status: 'claimed' });
  });

  it('reports an effect completed by another delivery as done, and a release after it changes nothing', async () => {
    const dedupeKey = await mailOwingAck();
    const claim = await store.claimEffect(dedupeKey, 'acknowledge', now, LEASE_MS);
    if (claim.status !== 'claimed') throw new Error('not claimed');
    await store.completeEffects(dedupeKey, ['acknowledge']);
    await store.releaseEffect(dedupeKey, 'acknowledge', claim.leaseUntil);
    expect(await store.claimEffect(dedupeKey, 'acknowledge', afterLease, LEASE_MS)).toMatchObject({ status: 'done', processing: { dedupeKey } });
  });

  it('records a new mail with its claims and finishes it in one write; a redelivery meanwhile backs off, one afterwards finds nothing owed', async () => {
    const memory = memoryDependencies();
    const deps = { ...memory, threads: store };
    const envelope = receive(memory, rawMail({ from: 'Jane <jane@customer.example.org>', to: 'support@example.com', subject: 'Kettle missing', body: 'Order 4711 is late.', messageId: `claims-${counter++}@customer.example.org` }));
    let duringRoute: unknown;
    const realSend = deps.routing.send.bind(deps.routing);
    deps.routing.send = async (team, message) => {
      duringRoute = await ingestMail(envelope, deps).catch((error: Error) => error.name);
      return realSend(team, message);
    };
    const first = await ingestMail(envelope, deps);
    expect(first).toMatchObject({ outcome: 'recorded', effectsDone: ['acknowledge', 'route', 'announce'] });
    expect(duringRoute).toBe('EffectBusyError');

    const again = await ingestMail(envelope, deps);
    expect(again).toMatchObject({ outcome: 'duplicate', effectsDone: [] });
    expect(deps.mailer.sent).toHaveLength(1);
    expect((await store.getProcessing(first.dedupeKey))!.pending).toEqual(['deliver', 'announce-routed']);
    // A reply quoting the acknowledgement finds the thread, in the same read as the rest.
    const ackId = deps.mailer.wireMessageIdOf(deps.mailer.sent[0]!);
    const lookup = await store.lookupInbound(first.dedupeKey, 'jane@customer.example.org', [ackId, 'unknown@nowhere.example']);
    expect(lookup).toMatchObject({ suppressed: false, processing: { dedupeKey: first.dedupeKey, threadRef: first.threadRef } });
    expect([...lookup.knownMessageIds]).toEqual([[ackId, first.threadRef]]);
  });

  it('writes the acknowledgement into the thread history once, however often its completion is repeated', async () => {
    const memory = memoryDependencies();
    const deps = { ...memory, threads: store };
    const result = await ingestMail(receive(memory, rawMail({ from: 'ann@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'Where is it?', messageId: `history-${counter++}@customer.example.org` })), deps);
    const processing = (await store.getProcessing(result.dedupeKey))!;
    const sent = { effect: 'acknowledge' as const, sentMessageIds: [deps.mailer.sent[0]!.messageId], threadRef: result.threadRef!, at: new Date(), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
    await store.completeEffects(result.dedupeKey, ['acknowledge'], sent);
    await store.completeEffects(result.dedupeKey, ['acknowledge'], { ...sent, at: new Date(Date.now() + 60_000) });
    const history = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.thread(result.threadRef!).PK } }));
    expect((history.Items ?? []).filter((item) => item.direction === 'ack')).toHaveLength(1);
  });

  it('answers a second record of the same mail with the first one, as the failed condition saw it', async () => {
    const memory = memoryDependencies();
    const deps = { ...memory, threads: store };
    const envelope = receive(memory, rawMail({ from: 'bo@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'Where is it?', messageId: `twice-${counter++}@customer.example.org` }));
    const [a, b] = await Promise.all([ingestMail(envelope, deps).catch((error: Error) => error.name), ingestMail(envelope, deps).catch((error: Error) => error.name)]);
    const outcomes = [a, b].map((result) => (typeof result === 'string' ? result : result.outcome)).sort();
    // The loser either saw the record before writing (busy while the winner works) or lost the write and read the winner's record from it.
    expect(outcomes[1]).toBe('recorded');
    expect(['EffectBusyError', 'duplicate']).toContain(outcomes[0]);
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('keeps a late reply\'s owed SLA Recovered on the thread until it is settled, and stores a relay\'s recovered clock with its record', async () => {
    const memory = memoryDependencies();
    const deps = { ...memory, threads: store, alerts: memory.config.alerts };
    const result = await ingestMail(receive(memory, rawMail({ from: 'cy@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'Where is it?', messageId: `late-${counter++}@customer.example.org` })), deps);
    const thread = (await store.getThread(result.threadRef!))!;
    const breached = { ...thread, slaClock: { ...thread.slaClock!, breachedAt: thread.slaClock!.dueAt }, version: thread.version + 1 };
    expect(await store.updateThread(breached, thread.version)).toBe(true);
    const repliedAt = new Date(thread.slaClock!.dueAt.getTime() + 5 * 60_000);
    const owing = { ...breached, owedRecovery: { clock: breached.slaClock, repliedAt }, version: breached.version + 1 };
    expect(await store.updateThread(owing, breached.version)).toBe(true);
    expect((await store.getThread(thread.ref))!.owedRecovery).toEqual({ clock: breached.slaClock, repliedAt });

    await store.settleOwedRecovery(thread.ref, new Date(repliedAt.getTime() + 1));
    expect((await store.getThread(thread.ref))!.owedRecovery).toBeDefined();
    await store.settleOwedRecovery(thread.ref, repliedAt);
    await store.settleOwedRecovery(thread.ref, repliedAt);
    const settled = (await store.getThread(thread.ref))!;
    expect(settled.owedRecovery).toBeUndefined();
    expect(settled.version).toBe(owing.version + 1);

    const threadAddress = memory.routing.sent.at(-1)!.message.threadAddress;
    const reply = await ingestMail(
      receive(memory, rawMail({ from: 'Mei Chen <mei.chen@mail.example.com>', to: threadAddress, subject: 'Re: Hi', body: 'Sorry for the wait.', messageId: `late-reply-${counter++}@mail.example.com` }), { recipients: [threadAddress] }),
      deps,
    );
    expect((await store.getProcessing(reply.dedupeKey))!.recovered).toEqual(breached.slaClock);
  });
});

describe('the per-sender acknowledgement allowance on DynamoDB Local', () => {
  it('counts each mail once: a retried mail keeps its acknowledgement, a new one past the limit gets none', async () => {
    const allowance = { sender: 'jane@customer.example.org', windowStart: new Date('2096-12-03T00:00:00Z'), max: 2, expiresAt: new Date('2096-12-05T00:00:00Z') };
    const counted = [];
    for (const mail of ['a@x', 'a@x', 'b@x', 'c@x', 'b@x', 'a@x']) counted.push(await store.consumeAckAllowance(allowance, mail));
    expect(counted).toEqual([true, true, true, false, true, true]);
    // Concurrent new mails in a fresh window: exactly the allowance gets through.
    const fresh = { ...allowance, windowStart: new Date('2096-12-04T00:00:00Z') };
    const racing = await Promise.all(Array.from({ length: 6 }, (_, index) => store.consumeAckAllowance(fresh, `race-${index}@x`)));
    expect(racing.filter(Boolean)).toHaveLength(2);
  });
});
