import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SweepHeartbeat, SweepHeartbeatStore } from '../ports/sla-sweep.js';
import type { Clock } from '../ports/index.js';
import { TABLE_KEYS } from '../schemas/env.js';
import { systemClock } from './system-clock.js';
import { keys } from './table-layout.js';

/**
 * The SLA sweeper's heartbeat: one item, overwritten after every sweep, that `replyline doctor`
 * (and a console's "the sweeper's last run") reads. Its partition key has no `#`, so it cannot
 * collide with the other keys of table-layout.ts, and it has no index
 * keys, so no index and no operator query by customer or thread ever returns it.
 */
const SWEEPER_STATUS_KIND = 'sweeper-status';

/** Kept a week after the last sweep: long enough to see when a stopped sweeper last ran. */
const SWEEPER_STATUS_TTL_DAYS = 7;

interface SweeperStatus extends SweepHeartbeat {
  /**
   * Real time of the write. Equal to lastRunAt on AWS; locally, with `npm start -- --time-scale N`,
   * lastRunAt is the sweeper's sped-up clock, so staleness is judged by this one.
   */
  recordedAt: Date;
}

export class DynamoSweeperStatus implements SweepHeartbeatStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly wallClock: Clock = systemClock,
  ) {}

  /** A plain put: the newest sweep wins, and writing the same heartbeat twice changes nothing. */
  async record(heartbeat: SweepHeartbeat): Promise<void> {
    const recordedAt = this.wallClock.now();
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.sweeperStatus,
          kind: SWEEPER_STATUS_KIND,
          lastRunAt: heartbeat.lastRunAt.toISOString(),
          startedAt: heartbeat.startedAt.toISOString(),
          durationMs: heartbeat.durationMs,
          found: heartbeat.found,
          emitted: heartbeat.emitted,
          failures: heartbeat.failures,
          deferred: heartbeat.deferred,
          recordedAt: recordedAt.toISOString(),
          [TABLE_KEYS.ttlAttribute]: Math.floor(recordedAt.getTime() / 1000) + SWEEPER_STATUS_TTL_DAYS * 86_400,
        },
      }),
    );
  }
}

/** The last heartbeat, or undefined if no sweep has recorded one (or it expired). */
export async function readSweeperStatus(db: DynamoDBDocumentClient, tableName: string): Promise<SweeperStatus | undefined> {
  const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.sweeperStatus, ConsistentRead: true }));
  const item = result.Item;
  if (!item || item.kind !== SWEEPER_STATUS_KIND) return undefined;
  const date = (value: unknown) => new Date(String(value));
  const count = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
  const lastRunAt = date(item.lastRunAt);
  return {
    lastRunAt,
    startedAt: item.startedAt ? date(item.startedAt) : lastRunAt,
    durationMs: count(item.durationMs),
    found: count(item.found),
    emitted: count(item.emitted),
    failures: count(item.failures),
    deferred: count(item.deferred),
    recordedAt: item.recordedAt ? date(item.recordedAt) : lastRunAt,
  };
}
