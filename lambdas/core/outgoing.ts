import type { MailAddress } from './mail.js';

/** A mail we send, as values; the MIME composer adapter turns it into bytes. */
export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress[];
  replyTo: MailAddress | undefined;
  subject: string;
  text: string;
  /** Our Message-ID, without brackets. */
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  /** Extra headers (auto-reply markers, loop header). Values are single-line. */
  headers: Record<string, string>;
}
