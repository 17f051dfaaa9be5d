import type { DomainEvent, SlaEventDetail } from './events.js';
import { maskAddress } from './mail.js';
import { nextSlaCheck, type SlaClock, type ThreadRecord } from './records.js';
import type { Clock, EventPublisher } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { LINK_REF_PLACEHOLDER } from '../schemas/alerts-config.js';
import { validateEvent } from '../schemas/events.js';

/**
 * The SLA sweeper: which `SLA Warning` / `SLA Breached` events a thread's clock owes, what they
 * say, and (below) the sweep that raises them over the open-SLA index.
 *
 * The first half is pure. The second half (`runSlaSweep`) only talks to ports: the index
 * (DynamoDB GSI2 on AWS and locally), the event publisher and a clock that can also wait.
 */

// ---- Pure decisions ---------------------------------------------------------------------------

export type SlaAlertType = 'SLA Warning' | 'SLA Breached';
export type SlaAlertEvent = Extract<DomainEvent, { detailType: SlaAlertType }>;
export type SlaRecoveredEvent = Extract<DomainEvent, { detailType: 'SLA Recovered' }>;
export const SLA_EMISSION_KINDS = ['warning', 'breach'] as const;
export type SlaEmissionKind = (typeof SLA_EMISSION_KINDS)[number];

/** One event a clock owes, with the deadline it is about. */
export interface SlaEmission {
  kind: SlaEmissionKind;
  /** The instant the event is about: warnAt for a warning, dueAt for a breach. */
  deadline: Date;
  event: SlaAlertEvent;
}

export interface SlaDecision {
  /** The clock after emitting: `warnedAt` / `breachedAt` set to the sweep time. */
  clock: SlaClock;
  /** In emission order (a warning before a breach when both are due). */
  emissions: SlaEmission[];
}

/** What the alert settings of the configuration change in an SLA event. */
export type SlaDetailOptions = Pick<AlertsConfig, 'includeCustomerAddress' | 'linkTemplate'>;

const MINUTE_MS = 60_000;
/** `SlaEventDetail.subject` is at most this long (code units, as zod counts). */
export const SLA_SUBJECT_MAX = 80;

/**
 * What a thread's clock owes at `now`: `SLA Warning` once its warning time has passed and no
 * warning was raised for this clock, `SLA Breached` once its due time has passed and no breach
 * was raised. Both at once when the sweeper was away past both (warning first). Undefined when
 * nothing is owed (no clock: the thread awaits the customer, is closed, or was opened by a machine).
 */
export function decideSlaEmissions(thread: ThreadRecord, now: Date, options: SlaDetailOptions): SlaDecision | undefined {
  const clock = thread.sla;
  if (!clock) return undefined;
  const emissions: SlaEmission[] = [];
  let next: SlaClock = clock;
  // A warning time after the due time (never produced by the policy) counts as the due time:
  // a breach is never raised without the warning that should have preceded it.
  const warnAt = clock.warnAt.getTime() <= clock.dueAt.getTime() ? clock.warnAt : clock.dueAt;
  if (!clock.warnedAt && now.getTime() >= warnAt.getTime()) {
    next = { ...next, warnedAt: now };
    emissions.push({ kind: 'warning', deadline: warnAt, event: { detailType: 'SLA Warning', detail: buildSlaDetail(thread, clock, now, options) } });
  }
  if (!clock.breachedAt && now.getTime() >= clock.dueAt.getTime()) {
    next = { ...next, breachedAt: now };
    emissions.push({ kind: 'breach', deadline: clock.dueAt, event: { detailType: 'SLA Breached', detail: buildSlaDetail(thread, clock, now, options) } });
  }
  return emissions.length ? { clock: next, emissions } : undefined;
}

/**
 * `SLA Recovered`, for an agent reply at `at` that meets a clock whose breach was already raised
 * (`onAgentReply(...).recoveredFrom`). minutesOverdue says how late the reply came.
 */
export function slaRecovered(thread: ThreadRecord, clock: SlaClock, at: Date, options: SlaDetailOptions): SlaRecoveredEvent {
  return { detailType: 'SLA Recovered', detail: buildSlaDetail(thread, clock, at, options) };
}

/** The detail of an SLA event about `clock` of `thread`, raised at `at`. */
export function buildSlaDetail(thread: ThreadRecord, clock: SlaClock, at: Date, options: SlaDetailOptions): SlaEventDetail {
  return {
    version: 1,
    threadRef: thread.ref,
    team: thread.team || 'unknown',
    priority: thread.priority,
    category: thread.category || 'other',
    subject: alertSubject(thread.subject),
    customer: options.includeCustomerAddress && thread.customer.address ? thread.customer.address : maskAddress(thread.customer.address),
    target: clock.target,
    dueAt: clock.dueAt.toISOString(),
    minutesOverdue: minutesOverdue(clock.dueAt, at),
    link: threadLink(options.linkTemplate, thread.ref),
  };
}

/** Whole minutes from `dueAt` to `at`, rounded down: 90 s late → 1; 30 s early → -1. */
export function minutesOverdue(dueAt: Date, at: Date): number {
  return Math.floor((at.getTime() - dueAt.getTime()) / MINUTE_MS);
}

// Line breaks, other control characters and bidirectional overrides (which could make an alert
// line read differently from what it says).
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** The subject as one plain line of at most 80 characters (an ellipsis marks a cut; no split surrogate pairs). */
export function alertSubject(subject: string): string {
  const line = subject.replace(UNSAFE_IN_LINE, ' ').replace(/\s+/g, ' ').trim();
  if (!line) return '(no subject)';
  if (line.length <= SLA_SUBJECT_MAX) return line;
  let cut = '';
  for (const char of line) {
    if (cut.length + char.length > SLA_SUBJECT_MAX - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

/** `linkTemplate` with the ref filled in, normalised (so it never carries a quote or a space); undefined without a template. */
export function threadLink(template: string | undefined, ref: string): string | undefined {
  if (!template) return undefined;
  try {
    return new URL(template.replaceAll(LINK_REF_PLACEHOLDER, encodeURIComponent(ref))).href;
  } catch {
    return undefined;
  }
}

/**
 * A deadline's identity: one warning and one breach per clock (a clock is identified by its
 * target and start; re-arming starts a new clock). Keys the emission record, so the same
 * deadline can never be recorded twice.
 */
export function emissionKey(clock: Pick<SlaClock, 'startedAt' | 'target'>, kind: SlaEmissionKind): string {
  return `${clock.startedAt.toISOString()}#${clock.target}#${kind}`;
}

// ---- The alert line (chat and e-mail) ------------------------------------------------------------

/** Detail fields the alert line names; the CDK input transformer reads exactly these paths. */
export type SlaAlertField = 'threadRef' | 'team' | 'priority' | 'dueAt' | 'minutesOverdue' | 'link';

/**
 * The one-line alert text, built from field placeholders: the CDK input transformer passes
 * `<threadRef>`-style placeholders (EventBridge fills them in), local mode passes the values.
 * Only fields whose values are plain tokens are used (ref, team id, priority, ISO time, an
 * integer, a normalised URL): EventBridge inserts values into the JSON template unescaped, so a
 * subject or a name with a quote in it would break the message.
 */
export function slaAlertText(type: SlaAlertType, withLink: boolean, field: (name: SlaAlertField) => string): string {
  const who = `${field('threadRef')} (team ${field('team')}, priority ${field('priority')})`;
  const text =
    type === 'SLA Breached'
      ? `🚨 SLA breached: ${who} was due ${field('dueAt')}; ${field('minutesOverdue')} min overdue.`
      : `⚠️ SLA warning: ${who} is due ${field('dueAt')}; minutes overdue: ${field('minutesOverdue')} (negative: time left).`;
  return withLink ? `${text} ${field('link')}` : text;
}

/** The Slack-compatible body (`{"text": …}`) the chat webhook receives, identical to the CDK input transformer's output. */
export function slaChatBody(type: SlaAlertType, detail: SlaEventDetail, options: Pick<AlertsConfig, 'linkTemplate'>): { text: string } {
  return { text: slaAlertText(type, Boolean(options.linkTemplate), (name) => String(detail[name] ?? '')) };
}

/** Which SLA events the alert channels forward (all of them are on the bus regardless). */
export function forwardedAlertTypes(options: Pick<AlertsConfig, 'includeWarnings'>): SlaAlertType[] {
  return options.includeWarnings ? ['SLA Warning', 'SLA Breached'] : ['SLA Breached'];
}

// ---- The sweep ---------------------------------------------------------------------------------

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

export interface SlaSweepDependencies {
  index: SlaIndex;
  events: EventPublisher;
  clock: SweepClock;
  alerts: SlaDetailOptions;
  log?: SweepLog | undefined;
  observer?: SweepObserver | undefined;
  heartbeat?: SweepHeartbeatStore | undefined;
}

export interface SweepOptions {
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
  const { clock } = deps;
  const { signal } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const summary: SweepSummary = { entries: 0, warnings: 0, breaches: 0, recovered: 0, conflicts: 0, failures: 0, deferred: 0, maxDelayMs: undefined };
  const startedAt = clock.now();
  const until = new Date(startedAt.getTime() + Math.max(0, options.lookaheadMs));
  const entries = await deps.index.dueBy(until);
  summary.entries = entries.length;
  const groups = groupEntries(entries);
  const pool = new TaskPool(options.concurrency ?? DEFAULT_CONCURRENCY);

  const publish = async (emissions: PendingSlaEmission[], recovered: boolean) => {
    await deps.events.publish(emissions.map((emission) => emission.event));
    const publishedAt = clock.now();
    for (const emission of emissions) {
      if (emission.kind === 'warning') summary.warnings++;
      else summary.breaches++;
      if (recovered) summary.recovered++;
      const delay = publishedAt.getTime() - emission.deadline.getTime();
      summary.maxDelayMs = Math.max(summary.maxDelayMs ?? delay, delay);
      deps.observer?.published(emission, publishedAt, recovered);
      deps.log?.info(`${emission.event.detailType} published`, {
        threadRef: emission.ref,
        deadline: emission.deadline.toISOString(),
        delayMs: delay,
        attempt: emission.attempts,
        recovered,
      });
    }
    await Promise.all(emissions.map((emission) => deps.index.markPublished(emission, publishedAt)));
  };

  /** Returns the thread as recorded, at its next SLA instant, if it has one. */
  const settleThread = async (initial: ThreadRecord): Promise<EntryGroup | undefined> => {
    let thread: ThreadRecord | undefined = initial;
    for (let attempt = 1; thread; attempt++) {
      const now = clock.now();
      const decision = decideSlaEmissions(thread, now, deps.alerts);
      if (!decision) return undefined;
      const pending = decision.emissions.map((emission): PendingSlaEmission => {
        // Checked before it is recorded: a record that can never be published would be retried forever.
        validateEvent(emission.event);
        return {
          ref: thread!.ref,
          key: emissionKey(thread!.sla!, emission.kind),
          kind: emission.kind,
          deadline: emission.deadline,
          event: emission.event,
          decidedAt: now,
          leaseUntil: new Date(now.getTime() + leaseMs),
          attempts: 1,
        };
      });
      const recorded: ThreadRecord = { ...thread, version: thread.version + 1, sla: decision.clock };
      const outcome = await deps.index.recordEmissions(recorded, thread.version, pending);
      if (outcome === 'recorded') {
        await publish(pending, false);
        const next = nextSlaCheck(decision.clock);
        return next ? { ref: recorded.ref, at: next, thread: recorded, pending: [] } : undefined;
      }
      summary.conflicts++;
      if (attempt >= MAX_DECIDE_ATTEMPTS) throw new Error(`thread ${thread.ref} kept changing; left for the next sweep`);
      thread = await deps.index.getThread(thread.ref);
    }
    return undefined;
  };

  const settlePending = async (emissions: PendingSlaEmission[]) => {
    const now = clock.now();
    const claimed: PendingSlaEmission[] = [];
    for (const emission of emissions) {
      const mine = await deps.index.claimPending(emission, new Date(now.getTime() + leaseMs));
      if (mine) claimed.push(mine);
      else summary.conflicts++;
    }
    if (!claimed.length) return;
    deps.log?.warn('publishing SLA events an interrupted sweep recorded but may not have published', {
      threadRef: claimed[0]!.ref,
      events: claimed.map((emission) => emission.event.detailType),
      attempt: claimed[0]!.attempts,
    });
    await publish(claimed, true);
  };

  // The agenda: index entries by instant, plus the next instant of each thread handled in this
  // sweep when it falls within the lookahead (a breach soon after its warning). Waiting for the
  // first item is cut short whenever the agenda changes or a task finishes.
  const agenda = groups;
  let wake: AbortController | undefined;
  const nudge = () => wake?.abort();
  const later = (group: EntryGroup) => {
    let at = agenda.length;
    while (at > 0 && agenda[at - 1]!.at.getTime() > group.at.getTime()) at--;
    agenda.splice(at, 0, group);
    nudge();
  };
  const past = (limit: Date | undefined, at: Date) => Boolean(limit && at.getTime() > limit.getTime());

  for (;;) {
    if (signal?.aborted) break;
    const group = agenda[0];
    if (!group) {
      if (!pool.size) break;
      await waitFor(pool.next(), signal);
      continue;
    }
    if (past(options.stopBy, group.at)) break;
    if (clock.now().getTime() < group.at.getTime()) {
      wake = new AbortController();
      await clock.sleepUntil(group.at, signal ? AbortSignal.any([signal, wake.signal]) : wake.signal);
      wake = undefined;
      continue;
    }
    if (past(options.stopBy, clock.now())) break;
    agenda.shift();
    await pool.run(async () => {
      try {
        if (group.thread) {
          const next = await settleThread(group.thread);
          if (next && next.at.getTime() <= until.getTime()) later(next);
        } else await settlePending(group.pending);
      } catch (error) {
        summary.failures++;
        deps.log?.error('SLA entry failed; the next sweep retries it', { threadRef: group.ref, reason: describe(error) });
      } finally {
        nudge();
      }
    });
  }
  await pool.drain();
  summary.deferred = agenda.length;
  await recordHeartbeat(deps, startedAt, summary);
  return summary;
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

/** Resolves when `promise` settles or `signal` aborts. */
function waitFor(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise.then(() => undefined);
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done, done);
  });
}

interface EntryGroup {
  ref: string;
  at: Date;
  thread: ThreadRecord | undefined;
  pending: PendingSlaEmission[];
}

/** By instant; a thread's pending emissions due together are published together, warning first. */
function groupEntries(entries: SlaIndexEntry[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  const pendingGroups = new Map<string, EntryGroup>();
  const seenThreads = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'thread') {
      // A thread appears once per index; guard against a page boundary repeating it anyway.
      if (seenThreads.has(entry.thread.ref)) continue;
      seenThreads.add(entry.thread.ref);
      groups.push({ ref: entry.thread.ref, at: entry.at, thread: entry.thread, pending: [] });
      continue;
    }
    const id = `${entry.emission.ref}@${entry.at.toISOString()}`;
    const existing = pendingGroups.get(id);
    if (existing) existing.pending.push(entry.emission);
    else {
      const group: EntryGroup = { ref: entry.emission.ref, at: entry.at, thread: undefined, pending: [entry.emission] };
      pendingGroups.set(id, group);
      groups.push(group);
    }
  }
  for (const group of pendingGroups.values()) group.pending.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'warning' ? -1 : 1));
  return groups.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Runs at most `limit` tasks at once; `run` waits only for a free slot, not for the task. */
class TaskPool {
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly limit: number) {}

  async run(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= Math.max(1, this.limit)) await Promise.race(this.running);
    const promise: Promise<void> = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when any running task finishes. */
  next(): Promise<void> {
    return Promise.race(this.running);
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
  }
}

/** Error class and message only (SDK messages never carry mail content). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return String(error);
}
