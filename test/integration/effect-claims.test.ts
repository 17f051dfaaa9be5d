import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoThreadStore, keys } from '../../lambdas/adapters/dynamo-thread-store.js';
import { freshTable } from '../support/local-table.js';

const LEASE_MS = 120_000;

describe('side-effect claims on DynamoDB Local', () => {
  let tableName: string;
  let db: DynamoDBDocumentClient;
  let store: DynamoThreadStore;
  beforeAll(async () => {
    ({ tableName, db } = await freshTable('claims'));
    store = new DynamoThreadStore(db, tableName);
  });
  afterAll(() => db?.destroy());

  let counter = 0;
  /** A recorded mail that still owes an acknowledgement. */
  async function mailOwingAck(): Promise<string> {
    const dedupeKey = `claim-${counter++}@customer.example.org`;
    await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.messageLink(dedupeKey), kind: 'inbound', pending: new Set(['acknowledge']) } }));
    return dedupeKey;
  }
  const now = new Date('2026-12-03T09:00:00Z');
  const afterLease = new Date(now.getTime() + LEASE_MS + 1);

  it('lets one of many concurrent deliveries claim an effect; the others are told it is busy until the lease ends', async () => {
    const dedupeKey = await mailOwingAck();
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimEffect(dedupeKey, 'acknowledge', now, LEASE_MS)));
    expect(claims.filter((claim) => claim.status === 'claimed')).toEqual([{ status: 'claimed', reclaimed: false, leaseUntil: new Date(now.getTime() + LEASE_MS) }]);
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
    await store.completeEffect(dedupeKey, 'acknowledge');
    await store.releaseEffect(dedupeKey, 'acknowledge', claim.leaseUntil);
    expect(await store.claimEffect(dedupeKey, 'acknowledge', afterLease, LEASE_MS)).toEqual({ status: 'done' });
  });
});
