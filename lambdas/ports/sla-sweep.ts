import type { SlaAlertEvent, SlaEmissionKind } from '../core/sla/sla-events.js';
import type { ThreadRecord } from '../core/records.js';
import type { Clock } from './index.js';

/**
 * What the SLA sweep needs from the outside world: the open-SLA index (DynamoDB GSI2 on AWS and
 * locally), a clock that can also wait, and where it reports.
 */

/** A clock that can also wait: the system clock on AWS, a sped-up one locally, a manual one in tests. */
export interface SweepClock extends Clock {
  /** Resolves at (or after) `at` by this clock; early when `signal` aborts. */
  sleepUntil(at: Date, signal?: AbortSignal): Promise<void>;
}

/**
 * An emission that was decided and recorded (with the thread's clock, atomically) and is being
 * published. Until it is marked published it stays in the open-SLA index under `leaseUntil`,
 * so a sweep after the lease publishes it if its publisher died.
 */
export interface PendingSlaEmission {
  ref: string;
  key: string;
  kind: SlaEmissionKind;
  deadline: Date;
  event: SlaAlertEvent;
  /** Sweep time when the emission was decided. */
  decidedAt: Date;
  leaseUntil: Date;
  attempts: number;
}

export type SlaIndexEntry =
  | { kind: 'thread'; at: Date; thread: ThreadRecord }
  | { kind: 'pending'; at: Date; emission: PendingSlaEmission };

export type RecordEmissionsOutcome = 'recorded' | 'thread-changed';

/** The open-SLA index and the writes of an emission. */
export interface SlaIndex {
  /** Threads whose next SLA instant, and pending emissions whose lease, is at or before `until`. Eventually consistent. */
  dueBy(until: Date): Promise<SlaIndexEntry[]>;
  /** The thread as stored now (consistent read). */
  getThread(ref: string): Promise<ThreadRecord | undefined>;
  /**
   * Atomically: the thread's new clock (only if the thread is still at `expectedVersion`; the
   * version goes up by one, the index entry moves to the next instant or leaves) and one
   * pending record per emission. `thread-changed`: someone wrote the thread since it was read.
   */
  recordEmissions(thread: ThreadRecord, expectedVersion: number, emissions: PendingSlaEmission[]): Promise<RecordEmissionsOutcome>;
  /** Takes over a pending emission whose lease ran out; undefined if another sweep took it or it was published. */
  claimPending(emission: PendingSlaEmission, leaseUntil: Date): Promise<PendingSlaEmission | undefined>;
  /** The emission was published: it leaves the index (the record stays, with `publishedAt`). */
  markPublished(emission: PendingSlaEmission, at: Date): Promise<void>;
}

export interface SweepLog {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

/** Told about every published SLA event (metrics, local console). */
export interface SweepObserver {
  published(emission: PendingSlaEmission, publishedAt: Date, recovered: boolean): void;
}

/** What the sweeper records after each sweep: its last run, for `replyline doctor` and the console. */
export interface SweepHeartbeat {
  lastRunAt: Date;
  startedAt: Date;
  durationMs: number;
  /** Index entries read. */
  found: number;
  /** SLA events published. */
  emitted: number;
  failures: number;
  deferred: number;
}

/** Where the heartbeat goes (one item in the table, overwritten by every sweep). */
export interface SweepHeartbeatStore {
  record(heartbeat: SweepHeartbeat): Promise<void>;
}
