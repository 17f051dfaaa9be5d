/**
 * The words Replyline's contracts share: config, events and records all speak them, and each is
 * spelt here once, as a tuple the zod schemas and the core's types are both derived from.
 */

/** Priority of a thread, highest first. Drives the SLA targets and the order agents see. */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The built-in intents (the `category` of a classification). */
export const INTENT_NAMES = ['refund', 'shipping', 'billing', 'technical', 'account', 'sales', 'complaint', 'feedback', 'other'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export function isIntentName(value: string): value is IntentName {
  return (INTENT_NAMES as readonly string[]).includes(value);
}

/** Which promise an SLA clock runs for: the first agent reply, or the reply to a customer's follow-up. */
export const SLA_TARGETS = ['firstResponse', 'nextReply'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Calendar name meaning "every minute counts" (built in). */
export const ALWAYS_OPEN_CALENDAR = '24x7';
/** Policy `businessHours` value meaning "the thread team's calendar, else `default`". */
export const TEAM_CALENDAR = 'team';
/** The calendar used when nothing more specific applies. */
export const DEFAULT_CALENDAR = 'default';

/**
 * What became of a received mail. `unacknowledged`: a person's new thread, routed to the team
 * but not answered automatically (held back, suppressed or rate-limited sender, acknowledgements
 * off); `machine-mail`: machine-generated mail, threaded and kept, never answered (routed only
 * when it follows up an existing thread).
 */
/** Dispositions of threaded mail: what events and routing messages carry. */
export const THREADED_DISPOSITIONS = ['new-thread', 'follow-up', 'unacknowledged', 'machine-mail'] as const;
export type ThreadedDisposition = (typeof THREADED_DISPOSITIONS)[number];
export const DISPOSITIONS = [...THREADED_DISPOSITIONS, 'quarantine'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** A stored or queued disposition as read: `ignore`, which earlier versions wrote for both, reads as `unacknowledged`. */
export function dispositionFromStored(value: unknown): unknown {
  return value === 'ignore' ? 'unacknowledged' : value;
}

/** SES scan results; `undefined` means "not scanned" (always the case locally). */
export const VERDICT_STATUSES = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** A local open interval in minutes since local midnight: 0 <= start < end <= 1440 (24:00). */
export interface Interval {
  readonly start: number;
  readonly end: number;
}
