import { nextSlaCheck, type ThreadRecord } from '../records.js';
import type { EventPublisher } from '../../ports/index.js';
import type { PendingSlaEmission, SlaIndex, SlaIndexEntry, SweepClock, SweepHeartbeatStore, SweepLog, SweepObserver } from '../../ports/sla-sweep.js';
import { validateEvent } from '../../schemas/events.js';
import { TaskPool } from '../task-pool.js';
import { groupEntries, type EntryGroup } from './agenda.js';
import { decideSlaEmissions, emissionKey, type SlaDetailOptions, type SlaEmission } from './sla-events.js';

/**
 * The SLA sweep: raises the events that the clocks in the open-SLA index owe, each deadline at
 * most once. It talks only to ports (the index, the event publisher, a clock that can also wait).
 */

export interface SlaSweepDependencies {
  index: SlaIndex;
  events: EventPublisher;
  clock: SweepClock;
  alerts: SlaDetailOptions;
  log?: SweepLog | undefined;
  observer?: SweepObserver | undefined;
  heartbeat?: SweepHeartbeatStore | undefined;
}

interface SweepOptions {
  /** Also wait for instants up to this far ahead of the sweep's start (sweepLookaheadSeconds). */
  lookaheadMs: number;
  /**
   * Start nothing after this instant (clock time): the function's end minus a margin, so an
   * invocation is never cut off between publishing an event and recording that it did.
   */
  stopBy?: Date | undefined;
  /**
   * How long a recorded emission belongs to the sweep that recorded it. Longer than a sweep can
   * run (the function timeout), so a live sweep's emission is never taken over; a crashed
   * sweep's emission is published by the first sweep after it.
   */
  leaseMs?: number | undefined;
  /** Threads handled at once. */
  concurrency?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface SweepSummary {
  /** Index entries read (threads and pending emissions). */
  entries: number;
  warnings: number;
  breaches: number;
  /** Pending emissions of an earlier, interrupted sweep published by this one. */
  recovered: number;
  /** Conditional writes lost to a concurrent writer (ingest, or another sweep), then decided again. */
  conflicts: number;
  /** Entries that failed (left in the index for the next sweep). */
  failures: number;
  /** Entries not reached before `stopBy` or the abort (the next sweep takes them). */
  deferred: number;
  /** Worst delay from a deadline to its event being accepted by the bus, ms. */
  maxDelayMs: number | undefined;
}

export const DEFAULT_LEASE_MS = 120_000;
const DEFAULT_CONCURRENCY = 8;
const MAX_DECIDE_ATTEMPTS = 5;

/**
 * One sweep: every thread whose warning or due time has passed (or passes within the
 * lookahead; the sweep waits for it) gets its events, each deadline at most once.
 *
 * Emission order, and why. For each thread:
 *   1. decide (pure) → 2. RECORD, in one DynamoDB transaction conditional on the thread's
 *   version: the clock's warnedAt/breachedAt (the thread leaves the index or moves to its next
 *   instant) plus a pending record per event, holding the exact event and a lease →
 *   3. PUBLISH → 4. mark the records published (they leave the index).
 * - Step 2 is the single decision point. Concurrent sweeps (or a re-run) race on the version
 *   condition; exactly one wins, the others re-read and find nothing owed. Ingest writes the
 *   thread with the same version condition, so it can neither lose nor be lost to our write.
 * - Crash between 2 and 3: nothing was published, and the pending record stays in the open-SLA
 *   index under its lease; the first sweep after the lease publishes the recorded event — once,
 *   because it must first claim the record (conditional on the lease it read). Not lost, not doubled.
 * - Crash between 3 and 4 (or PutEvents failing with an unknown outcome): the event may be out.
 *   EventBridge has no idempotent PutEvents, so here we choose at-least-once: after the lease the
 *   same record is published again, byte-identical (same detail, same minutesOverdue), so a
 *   consumer can tell it is a repeat. The opposite order (record-as-published before publishing)
 *   would lose the alert instead, and an unannounced broken promise is the failure this feature
 *   exists to prevent. `stopBy` keeps the one predictable cause of this crash — the function
 *   timeout — from hitting between 3 and 4.
 * The lease is longer than any invocation, so a live sweep's emission is never taken over.
 */
export async function runSlaSweep(deps: SlaSweepDependencies, options: SweepOptions): Promise<SweepSummary> {
  const startedAt = deps.clock.now();
  const until = new Date(startedAt.getTime() + Math.max(0, options.lookaheadMs));
  const entries = await deps.index.dueBy(until);
  const sweep = new Sweep(deps, options, until, entries);
  await sweep.work();
  await recordHeartbeat(deps, startedAt, sweep.summary);
  return sweep.summary;
}

/** One run of the sweep: its agenda of index entries by instant, the tasks working on them, and what they did. */
class Sweep {
  readonly summary: SweepSummary;
  private readonly leaseMs: number;
  private readonly pool: TaskPool;
  /**
   * Index entries by instant, plus the next instant of each thread handled in this sweep when it
   * falls within the lookahead (a breach soon after its warning).
   */
  private readonly agenda: EntryGroup[];
  /** Cuts the wait for the first agenda item short whenever the agenda changes or a task finishes. */
  private wake: AbortController | undefined;

  constructor(
    private readonly deps: SlaSweepDependencies,
    private readonly options: SweepOptions,
    private readonly until: Date,
    entries: SlaIndexEntry[],
  ) {
    this.summary = { entries: entries.length, warnings: 0, breaches: 0, recovered: 0, conflicts: 0, failures: 0, deferred: 0, maxDelayMs: undefined };
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.pool = new TaskPool(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.agenda = groupEntries(entries);
  }

  /** Works through the agenda as each instant comes, until it is empty, `stopBy` passes or the signal aborts. */
  async work(): Promise<void> {
    const { signal, stopBy } = this.options;
    const { clock } = this.deps;
    for (;;) {
      if (signal?.aborted) break;
      const group = this.agenda[0];
      if (!group) {
        if (!this.pool.size) break;
        await this.pool.next(signal);
        continue;
      }
      if (isPast(stopBy, group.at)) break;
      if (clock.now().getTime() < group.at.getTime()) {
        await this.sleepUntil(group.at);
        continue;
      }
      if (isPast(stopBy, clock.now())) break;
      this.agenda.shift();
      await this.pool.run(() => this.settle(group));
    }
    await this.pool.drain();
    this.summary.deferred = this.agenda.length;
  }

  private async sleepUntil(at: Date): Promise<void> {
    const { signal } = this.options;
    this.wake = new AbortController();
    await this.deps.clock.sleepUntil(at, signal ? AbortSignal.any([signal, this.wake.signal]) : this.wake.signal);
    this.wake = undefined;
  }

  private async settle(group: EntryGroup): Promise<void> {
    try {
      if (group.thread) {
        const next = await this.settleThread(group.thread);
        if (next && next.at.getTime() <= this.until.getTime()) this.later(next);
      } else await this.settlePending(group.pending);
    } catch (error) {
      this.summary.failures++;
      this.deps.log?.error('SLA entry failed; the next sweep retries it', { threadRef: group.ref, reason: describe(error) });
    } finally {
      this.wake?.abort();
    }
  }

  private later(group: EntryGroup): void {
    let at = this.agenda.length;
    while (at > 0 && this.agenda[at - 1]!.at.getTime() > group.at.getTime()) at--;
    this.agenda.splice(at, 0, group);
    this.wake?.abort();
  }

  /** Decides, records and publishes what the thread owes; returns it as recorded, at its next SLA instant, if it has one. */
  private async settleThread(initial: ThreadRecord): Promise<EntryGroup | undefined> {
    let thread: ThreadRecord | undefined = initial;
    for (let attempt = 1; thread; attempt++) {
      const now = this.deps.clock.now();
      const decision = decideSlaEmissions(thread, now, this.deps.alerts);
      if (!decision) return undefined;
      const pending = decision.emissions.map((emission) => pendingEmission(thread!, emission, now, this.leaseMs));
      const recorded: ThreadRecord = { ...thread, version: thread.version + 1, slaClock: decision.clock };
      if ((await this.deps.index.recordEmissions(recorded, thread.version, pending)) === 'recorded') {
        await this.publish(pending, false);
        const next = nextSlaCheck(decision.clock);
        return next ? { ref: recorded.ref, at: next, thread: recorded, pending: [] } : undefined;
      }
      this.summary.conflicts++;
      if (attempt >= MAX_DECIDE_ATTEMPTS) throw new Error(`thread ${thread.ref} kept changing; left for the next sweep`);
      thread = await this.deps.index.getThread(thread.ref);
    }
    return undefined;
  }

  /** Publishes what an interrupted sweep recorded, once this sweep holds it. */
  private async settlePending(emissions: PendingSlaEmission[]): Promise<void> {
    const now = this.deps.clock.now();
    const claimed: PendingSlaEmission[] = [];
    for (const emission of emissions) {
      const mine = await this.deps.index.claimPending(emission, new Date(now.getTime() + this.leaseMs));
      if (mine) claimed.push(mine);
      else this.summary.conflicts++;
    }
    if (!claimed.length) return;
    this.deps.log?.warn('publishing SLA events an interrupted sweep recorded but may not have published', {
      threadRef: claimed[0]!.ref,
      events: claimed.map((emission) => emission.event.detailType),
      attempt: claimed[0]!.attempts,
    });
    await this.publish(claimed, true);
  }

  private async publish(emissions: PendingSlaEmission[], recovered: boolean): Promise<void> {
    await this.deps.events.publish(emissions.map((emission) => emission.event));
    const publishedAt = this.deps.clock.now();
    for (const emission of emissions) this.count(emission, publishedAt, recovered);
    await Promise.all(emissions.map((emission) => this.deps.index.markPublished(emission, publishedAt)));
  }

  private count(emission: PendingSlaEmission, publishedAt: Date, recovered: boolean): void {
    const { summary } = this;
    if (emission.kind === 'warning') summary.warnings++;
    else summary.breaches++;
    if (recovered) summary.recovered++;
    const delay = publishedAt.getTime() - emission.deadline.getTime();
    summary.maxDelayMs = Math.max(summary.maxDelayMs ?? delay, delay);
    this.deps.observer?.published(emission, publishedAt, recovered);
    this.deps.log?.info(`${emission.event.detailType} published`, {
      threadRef: emission.ref,
      deadline: emission.deadline.toISOString(),
      delayMs: delay,
      attempt: emission.attempts,
      recovered,
    });
  }
}

function isPast(limit: Date | undefined, at: Date): boolean {
  return Boolean(limit && at.getTime() > limit.getTime());
}

/** A heartbeat that cannot be written is logged: the sweep itself is done and must not be repeated for it. */
async function recordHeartbeat(deps: SlaSweepDependencies, startedAt: Date, summary: SweepSummary): Promise<void> {
  if (!deps.heartbeat) return;
  const lastRunAt = deps.clock.now();
  try {
    await deps.heartbeat.record({
      lastRunAt,
      startedAt,
      durationMs: Math.max(0, lastRunAt.getTime() - startedAt.getTime()),
      found: summary.entries,
      emitted: summary.warnings + summary.breaches,
      failures: summary.failures,
      deferred: summary.deferred,
    });
  } catch (error) {
    deps.log?.warn('sweeper heartbeat not recorded; the sweep itself finished', { reason: describe(error) });
  }
}

/** Error class and message only (SDK messages never carry mail content). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return String(error);
}

/** The record of an event a thread's clock owes, decided at `now` and leased to this sweep for `leaseMs`. */
export function pendingEmission(thread: ThreadRecord, emission: SlaEmission, now: Date, leaseMs: number): PendingSlaEmission {
  // Checked before it is recorded: a record that can never be published would be retried forever.
  validateEvent(emission.event);
  return {
    ref: thread.ref,
    key: emissionKey(thread.slaClock!, emission.kind),
    kind: emission.kind,
    deadline: emission.deadline,
    event: emission.event,
    decidedAt: now,
    leaseUntil: new Date(now.getTime() + leaseMs),
    attempts: 1,
  };
}
