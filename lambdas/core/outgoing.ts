import type { Reason } from '../schemas/reasons.js';
import type { MailAddress, RawMailLocation } from './mail.js';

/** Attachments are referenced, not loaded: the composer streams them from the raw-mail store. */
export type OutgoingAttachment =
  /** The whole stored mail, attached as message/rfc822 (every part and attachment, as the customer sent it). */
  | { kind: 'original-message'; location: RawMailLocation; filename: string }
  /** The attachments of a stored mail (an agent's reply), re-attached as they were. */
  | { kind: 'attachments-of'; location: RawMailLocation };

/** A mail we send, as values; the MIME composer adapter turns it into bytes. */
export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  replyTo: MailAddress | undefined;
  subject: string;
  text: string;
  /** Our Message-ID, without brackets. */
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  /** Extra headers (auto-reply markers, loop header). Values are single-line. */
  headers: Record<string, string>;
  attachments?: OutgoingAttachment[];
  /** Identifies the side effect that sends this mail; SES reports it back in its Send event (the sent-log). */
  trackingKey: string;
  /**
   * What this mail leaves out and why (e.g. an original linked instead of attached), for the
   * records and logs of the effect that sends it.
   */
  reasons?: Reason[];
  /**
   * The same mail without its attachments (the same Message-ID and tracking key, with a line
   * saying why), sent instead if the provider refuses this one as too large: an oversized mail
   * then still goes out once instead of failing on every retry.
   */
  ifTooLarge?: OutgoingMail;
}
