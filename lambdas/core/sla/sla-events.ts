import type { DomainEvent, SlaEventDetail } from '../events.js';
import { maskAddress } from '../mail.js';
import type { SlaClock, ThreadRecord } from '../records.js';
import { LINK_REF_PLACEHOLDER, type AlertsConfig } from '../../schemas/alerts-config.js';

/**
 * Which `SLA Warning` / `SLA Breached` events a thread's clock owes, and what every SLA event
 * (`SLA Recovered` too) says. Pure: the sweep time is passed in.
 */

/** The SLA events the sweep raises (`SLA Recovered` comes from an agent's reply). */
export const SLA_ALERT_TYPES = ['SLA Warning', 'SLA Breached'] as const;
export type SlaAlertType = (typeof SLA_ALERT_TYPES)[number];
export type SlaAlertEvent = Extract<DomainEvent, { detailType: SlaAlertType }>;
type SlaRecoveredEvent = Extract<DomainEvent, { detailType: 'SLA Recovered' }>;
export const SLA_EMISSION_KINDS = ['warning', 'breach'] as const;
export type SlaEmissionKind = (typeof SLA_EMISSION_KINDS)[number];

/** One event a clock owes, with the deadline it is about. */
export interface SlaEmission {
  kind: SlaEmissionKind;
  /** The instant the event is about: warnAt for a warning, dueAt for a breach. */
  deadline: Date;
  event: SlaAlertEvent;
}

interface SlaDecision {
  /** The clock after emitting: `warnedAt` / `breachedAt` set to the sweep time. */
  clock: SlaClock;
  /** In emission order (a warning before a breach when both are due). */
  emissions: SlaEmission[];
}

/** What the alert settings of the configuration change in an SLA event. */
export type SlaDetailOptions = Pick<AlertsConfig, 'includeCustomerAddress' | 'linkTemplate'>;

const MINUTE_MS = 60_000;
/** `SlaEventDetail.subject` is at most this long (code units, as zod counts). */
const SLA_SUBJECT_MAX = 80;

/**
 * What a thread's clock owes at `now`: `SLA Warning` once its warning time has passed and no
 * warning was raised for this clock, `SLA Breached` once its due time has passed and no breach
 * was raised. Both at once when the sweeper was away past both (warning first). Undefined when
 * nothing is owed (no clock: the thread awaits the customer, is closed, or was opened by a machine).
 */
export function decideSlaEmissions(thread: ThreadRecord, now: Date, options: SlaDetailOptions): SlaDecision | undefined {
  const clock = thread.slaClock;
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
function buildSlaDetail(thread: ThreadRecord, clock: SlaClock, at: Date, options: SlaDetailOptions): SlaEventDetail {
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
