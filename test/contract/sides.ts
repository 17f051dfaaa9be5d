import type { AlertDeliveryLedger } from '../../lambdas/ports/index.js';
import { DynamoAlertLedger } from '../../lambdas/adapters/dynamo-alert-ledger.js';
import { DynamoSendingLog } from '../../lambdas/adapters/dynamo-sending-log.js';
import { DynamoSweeperStatus, readSweeperStatus } from '../../lambdas/adapters/dynamo-sweeper-status.js';
import { DynamoSlaIndex } from '../../lambdas/adapters/dynamo-sla-index.js';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import { threadItem } from '../../lambdas/adapters/table-items.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock, MemoryAlertLedger, MemorySendingLog, MemorySlaIndex, MemorySweepHeartbeat, MemoryThreadStore } from '../support/memory-ports.js';
import { freshTable } from '../support/local-table.js';
import type { Opened } from './harness.js';
import type { SendingLogSide } from './sending-log.contract.js';
import type { SlaIndexSide } from './sla-index.contract.js';
import type { SweepHeartbeatSide } from './sweep-heartbeat.contract.js';
import type { ThreadStoreSide } from './thread-store.contract.js';
import { T0 } from './records.js';

/**
 * Both sides of every contract: the fakes of test/support/memory-ports.ts, and the DynamoDB
 * adapters, each on a table of its own (the stack's layout) on the test DynamoDB Local.
 */

/** A table of its own on the test DynamoDB Local, with its document client destroyed on close. */
async function onTable<Subject>(prefix: string, make: (db: Awaited<ReturnType<typeof freshTable>>['db'], tableName: string) => Subject): Promise<Opened<Subject>> {
  const { db, tableName } = await freshTable(`contract-${prefix}`);
  return { subject: make(db, tableName), close: () => db.destroy() };
}

export const memoryThreadStore = async (): Promise<Opened<ThreadStoreSide>> => {
  const store = new MemoryThreadStore();
  return { subject: { store, suppress: async (address) => void store.suppressed.add(address.toLowerCase()) } };
};

export const dynamoThreadStore = (): Promise<Opened<ThreadStoreSide>> =>
  onTable('threads', (db, tableName) => ({
    store: new DynamoThreadStore(db, tableName),
    // As the feedback function suppresses: through the sending log, into the same table.
    suppress: (address) => new DynamoSendingLog(db, tableName).suppress(address, 'bounce: General', T0),
  }));

export const memorySendingLog = async (): Promise<Opened<SendingLogSide>> => {
  const log = new MemorySendingLog();
  return { subject: { log, isSuppressed: async (address) => log.suppressed.has(address.toLowerCase()) } };
};

export const dynamoSendingLog = (): Promise<Opened<SendingLogSide>> =>
  onTable('sent', (db, tableName) => {
    const threads = new DynamoThreadStore(db, tableName);
    return { log: new DynamoSendingLog(db, tableName), isSuppressed: (address: string) => threads.isSuppressed(address) };
  });

export const memoryAlertLedger = async (): Promise<Opened<AlertDeliveryLedger>> => ({ subject: new MemoryAlertLedger() });

export const dynamoAlertLedger = (): Promise<Opened<AlertDeliveryLedger>> => onTable('alerts', (db, tableName) => new DynamoAlertLedger(db, tableName));

export const memorySweepHeartbeat = async (): Promise<Opened<SweepHeartbeatSide>> => {
  const store = new MemorySweepHeartbeat();
  return { subject: { store, last: async () => store.last } };
};

export const dynamoSweepHeartbeat = (): Promise<Opened<SweepHeartbeatSide>> =>
  onTable('sweeper', (db, tableName) => ({
    store: new DynamoSweeperStatus(db, tableName, fixedClock(T0.toISOString())),
    last: async () => {
      const status = await readSweeperStatus(db, tableName);
      if (!status) return undefined;
      // `recordedAt` is the adapter's own wall-clock stamp, not part of the port's heartbeat.
      const { recordedAt: _recordedAt, ...heartbeat } = status;
      return heartbeat;
    },
  }));

export const memorySlaIndex = async (): Promise<Opened<SlaIndexSide>> => {
  const index = new MemorySlaIndex();
  return { subject: { index, seed: async (thread) => index.put(thread) } };
};

export const dynamoSlaIndex = (): Promise<Opened<SlaIndexSide>> =>
  onTable('sla', (db, tableName) => ({
    index: new DynamoSlaIndex(db, tableName),
    seed: async (thread) => void (await db.send(new PutCommand({ TableName: tableName, Item: threadItem(thread) }))),
  }));
