import { z } from 'zod';
import { SCREENING_SIGNALS } from './screening-config.js';

/**
 * Every decision about a mail carries its reasons: a code from the lists below and a short
 * detail for people. Codes go to events and logs (never mail text); the detail is kept with
 * the mail's records and shown by `replyline explain`. Text (`code: detail`) is made only where
 * a person reads it.
 */

/** The mail may not enter a thread: stored and recorded for operators, never answered or routed. */
const QUARANTINE_REASONS = [
  'unreadable',
  'unparseable',
  'mime-too-deep',
  'empty',
  'spam-verdict',
  'virus-verdict',
  'dmarc-fail',
  'spam-flag',
  'no-sender',
  'not-for-us',
] as const;

/** Machine mail beyond doubt, whatever the score. */
const HARD_RULE_REASONS = ['auto-submitted', 'feedback-report', 'delivery-report', 'own-address', 'loop-header', 'own-message-id'] as const;

/** Whether an acknowledgement goes out, and whether the team is sent the mail. */
const ACKNOWLEDGEMENT_REASONS = [
  'screening-score',
  'held-back',
  'unauthenticated-sender',
  'noreply-sender',
  'suppressed',
  'acknowledgements-disabled',
  'rate-limited',
  'follow-up',
  'not-routed',
  'agent-mail',
] as const;

/** What the parser had to cut or clean; the mail is still handled. */
const PARSER_REASONS = [
  'html-truncated',
  'text-truncated',
  'header-too-long',
  'attachment-name-sanitized',
  'header-control-characters',
  'html-active-content',
  'attachments-capped',
  'recipients-capped',
] as const;

/** How the mail's thread was found, or why a hint was not followed. */
const THREADING_REASONS = ['thread-address', 'references', 'subject-ref', 'agent-reply'] as const;

/** The text read, the rules that matched, the owner, the language, the category and the priority. */
const CLASSIFICATION_REASONS = [
  'classified-prefix',
  'new-text',
  'rule',
  'owner',
  'agent-team',
  'agent-not-kept',
  'language',
  'language-default',
  'intent',
  'calm',
  'minor',
  'praise',
  'tone-negative',
  'tone-positive',
  'urgency',
  'public-threat',
  'critical',
  'legal-threat',
] as const;

/** What happened to the reply-time promise. */
const SLA_REASONS = ['sla-restarted', 'sla-met', 'sla-missed', 'sla-recovered', 'repeat-contact', 'due-moved-earlier'] as const;

/** What a mail we sent left out. */
const SENDING_REASONS = ['original-linked', 'relay-attachments-withheld'] as const;

/** A reason stored as text by an earlier version whose code is not one of today's. */
const EARLIER_TEXT_REASON = 'earlier-text';

export const REASON_GROUPS = {
  quarantine: QUARANTINE_REASONS,
  'hard rule': HARD_RULE_REASONS,
  'screening signal': SCREENING_SIGNALS,
  acknowledgement: ACKNOWLEDGEMENT_REASONS,
  parser: PARSER_REASONS,
  threading: THREADING_REASONS,
  classification: CLASSIFICATION_REASONS,
  sla: SLA_REASONS,
  sending: SENDING_REASONS,
} as const;

export type ReasonCode = (typeof REASON_GROUPS)[keyof typeof REASON_GROUPS][number] | typeof EARLIER_TEXT_REASON;

/** Every code: `earlier-text`, then stage by stage as REASON_GROUPS lists them. */
export const REASON_CODES: readonly [ReasonCode, ...ReasonCode[]] = [EARLIER_TEXT_REASON, ...Object.values(REASON_GROUPS).flat()];

export interface Reason {
  code: ReasonCode;
  /** For people: what fired and why, short; may quote the mail, so it never reaches a log or an event. */
  detail: string;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(REASON_CODES);

function isReasonCode(value: string): value is ReasonCode {
  return KNOWN_CODES.has(value);
}

const reasonSchema = z.strictObject({ code: z.enum(REASON_CODES), detail: z.string().max(2000) });

/** A reason as people read it: `code: detail`. */
export function renderReason({ code, detail }: Reason): string {
  return detail ? `${code}: ${detail}` : code;
}

/** The codes of some reasons, each once, in order: what events and logs carry. */
export function reasonCodes(reasons: readonly Reason[]): ReasonCode[] {
  return [...new Set(reasons.map(({ code }) => code))];
}

/** Each reason once (same code and detail), in order. */
export function uniqueReasons(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = renderReason(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A reason stored as `code: detail` text before reasons were typed. Its code is kept when it is
 * one of today's; otherwise the whole text is the detail of an `earlier-text` reason.
 */
function reasonFromStoredText(text: string): Reason {
  const colon = text.indexOf(':');
  const code = colon > 0 ? text.slice(0, colon).trim() : '';
  if (isReasonCode(code) && code !== EARLIER_TEXT_REASON) return { code, detail: text.slice(colon + 1).trim() };
  return { code: EARLIER_TEXT_REASON, detail: text };
}

/** Stored reasons, either form: typed (a code no longer known reads as `earlier-text`), or text from an earlier version. */
export const storedReasonsSchema = z.array(
  z.union([
    reasonSchema,
    z.object({ code: z.string(), detail: z.string() }).transform(({ code, detail }): Reason => ({ code: EARLIER_TEXT_REASON, detail: `${code}: ${detail}` })),
    z.string().transform(reasonFromStoredText),
  ]),
);
