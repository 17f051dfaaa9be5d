import type { Reason } from '../schemas/reasons.js';
import type { SlaConfig } from '../schemas/sla-config.js';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_CALENDAR, TEAM_CALENDAR, type SlaTarget } from '../schemas/vocabulary.js';
import { addBusinessTime, alwaysOpenCalendar, businessTimeBetween, type BusinessCalendar } from './business-time.js';
import { raisePriority } from './priority.js';
import type { Priority } from '../schemas/vocabulary.js';

/**
 * Reply-time promises: when a reply is due, and when to warn, for a priority and team.
 * Pure: every instant is passed in; calendars come from a lookup (see adapters/holidays.ts).
 */

/** Calendars by name: a Map (as `loadCalendars` returns) or a function. */
type CalendarLookup = ReadonlyMap<string, BusinessCalendar> | ((name: string) => BusinessCalendar | undefined);

/** The parts of the `sla` config the policy reads. */
type SlaPolicyConfig = Pick<SlaConfig, 'policies' | 'warningThreshold' | 'teams' | 'escalation'>;

interface RepeatContactOutcome {
  priority: Priority;
  dueAt: Date;
  /** What changed and why (empty when nothing did), for the thread record. */
  reasons: Reason[];
}

export interface SlaPolicy {
  /** Fraction of a target after which a warning is due (config `warningThreshold`). */
  readonly warningThreshold: number;
  /** The target length in ms (business time) of a promise for a priority. */
  targetMs(target: SlaTarget, priority: Priority): number;
  /** The calendar a priority's targets are counted in for a team: policy `businessHours`, else the team's, else `default`. */
  calendarFor(priority: Priority, team?: string): { name: string; calendar: BusinessCalendar };
  /** When the first agent reply is due for a mail received at `receivedAt` (the time the acknowledgement promises). */
  firstReplyDue(receivedAt: Date, priority: Priority, team?: string): Date;
  /** When the next reply is due after a customer writes back at `at`, once we have answered before. */
  nextReplyDue(at: Date, priority: Priority, team?: string): Date;
  /** When to raise the warning for a clock started at `startedAt` and due at `dueAt` (config threshold). */
  warningAt(startedAt: Date, dueAt: Date, priority: Priority, team?: string): Date;
  /**
   * A customer wrote again at `at` while still unanswered: raise the priority one step and, if
   * configured, move the due time earlier to the raised priority's target counted from `at`
   * (never later than the current due time). Follows `escalation` in the config.
   */
  repeatContact(
    thread: { priority: Priority; dueAt: Date; target?: SlaTarget },
    at: Date,
    team?: string,
  ): RepeatContactOutcome;
}

export function createSlaPolicy(config: SlaPolicyConfig, calendars: CalendarLookup): SlaPolicy {
  const lookup = typeof calendars === 'function' ? calendars : (name: string) => calendars.get(name);
  const alwaysOpen = alwaysOpenCalendar();

  const calendarFor: SlaPolicy['calendarFor'] = (priority, team) => {
    const wanted = policyOf(config, priority).businessHours;
    const name = wanted === TEAM_CALENDAR ? (team !== undefined && config.teams[team]) || DEFAULT_CALENDAR : wanted;
    const calendar = lookup(name) ?? (name === ALWAYS_OPEN_CALENDAR ? alwaysOpen : undefined);
    if (!calendar) throw new Error(`SLA policy: no business calendar named "${name}" is loaded (priority ${priority}${team ? `, team ${team}` : ''})`);
    return { name, calendar };
  };

  const targetMs: SlaPolicy['targetMs'] = (target, priority) => policyOf(config, priority)[target];

  const due = (target: SlaTarget, at: Date, priority: Priority, team?: string): Date =>
    addBusinessTime(at, targetMs(target, priority), calendarFor(priority, team).calendar);

  return {
    warningThreshold: config.warningThreshold,
    targetMs,
    calendarFor,
    firstReplyDue: (receivedAt, priority, team) => due('firstResponse', receivedAt, priority, team),
    nextReplyDue: (at, priority, team) => due('nextReply', at, priority, team),
    warningAt: (startedAt, dueAt, priority, team) =>
      warningAt(startedAt, dueAt, calendarFor(priority, team).calendar, config.warningThreshold),
    repeatContact(thread, at, team) {
      const reasons: Reason[] = [];
      let priority = thread.priority;
      let dueAt = thread.dueAt;
      if (config.escalation.repeatContactRaisesPriority) {
        const raised = raisePriority(priority);
        if (raised !== priority) {
          reasons.push({ code: 'repeat-contact', detail: `the customer wrote again while unanswered: priority ${priority} → ${raised}` });
          priority = raised;
        }
      }
      if (config.escalation.shortenDueOnRepeatContact && priority !== thread.priority) {
        const candidate = due(thread.target ?? 'firstResponse', at, priority, team);
        if (candidate.getTime() < dueAt.getTime()) {
          reasons.push({ code: 'due-moved-earlier', detail: `from ${dueAt.toISOString()} to ${candidate.toISOString()} (${priority} target from the repeat contact)` });
          dueAt = candidate;
        }
      }
      return { priority, dueAt, reasons };
    },
  };
}

/**
 * The instant at which `threshold` × (business time from `startedAt` to `dueAt`) has elapsed,
 * counted in the same calendar: 0.8 of a 4-business-hour target started Friday 17:00 (closing
 * 18:00) is Monday 11:12. `threshold` is a fraction in [0, 1].
 */
export function warningAt(startedAt: Date, dueAt: Date, calendar: BusinessCalendar, threshold: number): Date {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new RangeError(`warningAt: threshold must be a fraction between 0 and 1, got ${threshold}`);
  }
  const target = businessTimeBetween(startedAt, dueAt, calendar);
  return addBusinessTime(startedAt, Math.round(target * threshold), calendar);
}

function policyOf(config: SlaPolicyConfig, priority: Priority): SlaConfig['policies'][Priority] {
  const policy = config.policies[priority];
  if (!policy) throw new RangeError(`SLA policy: unknown priority "${String(priority)}"`);
  return policy;
}
