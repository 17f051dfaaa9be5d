import type { ScreeningSignalCode } from '../../schemas/screening-config.js';
import type { Reason } from '../../schemas/reasons.js';
import { firstHeader, headerValues, type InboundMail, type ReceiptEnvelope } from '../mail.js';

/** One piece of evidence that a machine (or, with a negative weight, a person) sent the mail. */
interface Signal {
  code: ScreeningSignalCode;
  /** What fired, short and free of the mail's personal data (header names, matched kinds, counts). */
  detail: string;
}


/** A signal with the weight it counted for. */
export interface WeighedSignal extends Signal {
  weight: number;
}

/**
 * Built-in weights, chosen on the corpus. At 8 a signal alone makes a mail machine
 * mail; 5–7 holds the acknowledgement back but still routes it; at 4 or less a
 * signal never decides alone, because people's mail carries it too.
 */
export const DEFAULT_SIGNAL_WEIGHTS: Readonly<Record<ScreeningSignalCode, number>> = {
  'list-header': 8,
  precedence: 4,
  'autoreply-header': 8,
  'auto-response-suppress': 6,
  'amazon-notification': 8,
  'failed-recipients': 10,
  'null-return-path': 8,
  'mailer-daemon': 8,
  'postmaster-sender': 3,
  'bounce-subject': 5,
  'challenge-response': 8,
  'out-of-office-prefix': 8,
  'out-of-office-subject': 3,
  'out-of-office-text': 4,
  'out-of-office-return': 2,
  'campaign-header': 6,
  'esp-header': 3,
  'bulk-mailer': 6,
  'bulk-antispam-mark': 4,
  'view-in-browser': 4,
  'unsubscribe-footer': 4,
  'group-greeting': 2,
  'newsletter-footer-line': 3,
  'campaign-links': 3,
  'many-links': 2,
  'noreply-to-noreply': 8,
  'undisclosed-recipients': 3,
  'not-addressed-to-us': 2,
  'many-recipients': 2,
  'list-recipient': 4,
  'list-subject-tag': 2,
  'list-thread-reply': 3,
  'headerless-submission': 3,
  'patch-subject-tag': 3,
  'list-footer': 6,
  'list-manager-header': 2,
  'bounce-return-path': 2,
  'bulk-sender-address': 4,
  'system-headers': 8,
  'system-mailer': 6,
  'system-sender': 4,
  'system-submission': 4,
  'notification-subject': 4,
  'transactional-subject': 3,
  'promotional-subject': 2,
  'transactional-text': 4,
  'automated-text': 5,
  'complaint-sender': 3,
  'complaint-subject': 4,
  'attached-message': 2,
  'personal-mail-client': -2,
};

/** What every signal check reads. */
export interface SignalInput {
  mail: InboundMail;
  envelope: ReceiptEnvelope;
  /** The sender's own part of the body: quoted and forwarded earlier mail removed. */
  ownText: string;
  /** Whether one of our addresses is in To or Cc. */
  addressedToUs: boolean;
  noReplyPattern: RegExp;
  /** Whether a Message-ID is one Replyline generated (an acknowledgement, a relay, a forward). */
  isOurMessageId: (messageId: string) => boolean;
}

/** One check reads one kind of evidence; a few report two signals of it (an absence note and its return date). */
export type SignalCheck = (input: SignalInput) => Signal | readonly Signal[] | undefined;

export function signal(code: ScreeningSignalCode, detail: string): Signal {
  return { code, detail };
}

/** The names of the headers present that match, lowercased, in order. */
export function headersMatching(mail: InboundMail, pattern: RegExp): string[] {
  return [...mail.headers.keys()].filter((name) => pattern.test(name));
}

/** The first value of a header, or of any of several. */
export function anyHeader(mail: InboundMail, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = firstHeader(mail, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

export function hasHeader(mail: InboundMail, name: string): boolean {
  return headerValues(mail, name).length > 0;
}

/** Header values in details are short and single-line; they are the sender's text. */
export function clip(value: string): string {
  const line = value.replace(/[\r\n\t]+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** What screening decided about one mail, with every reason. */
export interface Screening {
  quarantine: boolean;
  acknowledge: boolean;
  /** Machine-generated (a hard rule, or a score at `machineAt`): threaded, but never answered, not routed, and never re-arming a promise. */
  automated: boolean;
  /** The machine-mail score: the sum of the weights of `signals`. */
  score: number;
  signals: WeighedSignal[];
  /** Why no acknowledgement goes out although the mail reaches the team (a score at `holdBackAt`, or a sender we may not answer). */
  heldBack: string | undefined;
  reasons: Reason[];
}

export interface ScreeningFacts {
  /** The sender is on the suppression list (bounced or complained before, or opted out). */
  suppressed: boolean;
  /** Why the parser refused the mail, when it did. */
  unparseable?: Reason | undefined;
  /** Its Message-ID is that of a mail we sent: our own mail came back. */
  sentByUs?: boolean | undefined;
}
