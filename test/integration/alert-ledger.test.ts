import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ALERT_LEDGER_DAYS, DynamoAlertLedger } from '../../lambdas/adapters/dynamo-alert-ledger.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { freshTable } from '../support/local-table.js';

const LEASE_MS = 60_000;

describe('chat alert ledger on DynamoDB Local', () => {
  let tableName: string;
  let db: DynamoDBDocumentClient;
  let ledger: DynamoAlertLedger;
  beforeAll(async () => {
    ({ tableName, db } = await freshTable('ledger'));
    ledger = new DynamoAlertLedger(db, tableName);
  });
  afterAll(() => db?.destroy());

  let counter = 0;
  const newAlert = () => `SLA Breached|RL-7K3F9Q|firstResponse|2096-11-24T06:00:${String(counter++).padStart(2, '0')}.000Z`;
  const item = async (alertKey: string) => (await db.send(new GetCommand({ TableName: tableName, Key: keys.alert(alertKey), ConsistentRead: true }))).Item;
  // Far ahead: DynamoDB Local deletes items whose TTL has passed on the wall clock.
  const now = new Date('2096-11-24T06:00:05Z');

  it('lets exactly one of many concurrent claims through, and none after the alert is done', async () => {
    const alert = newAlert();
    const claims = await Promise.all(Array.from({ length: 6 }, () => ledger.claim(alert, now, LEASE_MS)));
    expect(claims.filter((claim) => claim.status === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.status === 'busy')).toEqual(Array(5).fill({ status: 'busy', leaseUntil: new Date(now.getTime() + LEASE_MS) }));

    await ledger.complete(alert, new Date('2096-11-24T06:00:06Z'));
    await ledger.complete(alert, new Date('2096-11-24T06:00:09Z'));
    expect(await ledger.claim(alert, new Date(now.getTime() + 10 * LEASE_MS), LEASE_MS)).toEqual({ status: 'done', at: new Date('2096-11-24T06:00:06Z') });
  });

  it('keeps items under their own key prefix, with a TTL', async () => {
    const alert = newAlert();
    await ledger.claim(alert, now, LEASE_MS);
    const stored = await item(alert);
    expect(stored).toMatchObject({ SK: 'CHAT', kind: 'chat-alert', leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() });
    expect(String(stored!.PK)).toMatch(/^ALERT#[0-9a-f]{32}$/);
    expect(stored!.expiresAt).toBe(Math.floor(now.getTime() / 1000) + ALERT_LEDGER_DAYS * 86_400);
    // The key holds no thread ref or time: it is a hash of the identity.
    expect(String(stored!.PK)).not.toContain('RL-');
  });

  it('frees a released claim at once, but only for the holder of the lease', async () => {
    const alert = newAlert();
    const first = await ledger.claim(alert, now, LEASE_MS);
    if (first.status !== 'claimed') throw new Error('not claimed');
    await ledger.release(alert, first.leaseUntil);
    expect(await item(alert)).toBeUndefined();
    const second = await ledger.claim(alert, now, LEASE_MS);
    expect(second).toMatchObject({ status: 'claimed', reclaimed: false });

    // A worker whose lease ran out (another took over) cannot release the new holder's claim.
    const later = new Date(now.getTime() + LEASE_MS + 1000);
    const takeover = await ledger.claim(alert, later, LEASE_MS);
    expect(takeover).toMatchObject({ status: 'claimed', reclaimed: true });
    await ledger.release(alert, (second as { leaseUntil: Date }).leaseUntil);
    expect(await ledger.claim(alert, later, LEASE_MS)).toEqual({ status: 'busy', leaseUntil: new Date(later.getTime() + LEASE_MS) });

    // Nor can anyone release an alert that was posted.
    await ledger.complete(alert, later);
    await ledger.release(alert, (takeover as { leaseUntil: Date }).leaseUntil);
    expect(await ledger.claim(alert, later, LEASE_MS)).toMatchObject({ status: 'done' });
  });
});
