import { renderReason, type Reason } from '../schemas/reasons.js';

/** Values describing one received mail. Produced by the parser adapter; the core only reads them. */

export interface MailAddress {
  /** Lowercased address, e.g. `jane@example.org`. */
  address: string;
  /** Display name as written by the sender, possibly empty. */
  name: string;
}

export interface AttachmentInfo {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Content-Disposition said inline (e.g. images in HTML mail). */
  inline: boolean;
}

export interface InboundMail {
  /** Message-ID without angle brackets; undefined when the mail has none. */
  messageId: string | undefined;
  from: MailAddress | undefined;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Decoded subject, empty string when missing. */
  subject: string;
  date: Date | undefined;
  /** The sender's UTC offset in minutes, from the Date header's zone; undefined when it does not say. */
  dateUtcOffsetMinutes?: number;
  inReplyTo: string[];
  /** Message-IDs from References, oldest first as written. */
  references: string[];
  /** Header values by lowercased name, unfolded, in order of appearance. */
  headers: ReadonlyMap<string, readonly string[]>;
  /** Top-level MIME type, lowercased (e.g. `multipart/report`). */
  contentType: string;
  /** Parameters of the top-level Content-Type, lowercased names (e.g. `report-type`). */
  contentTypeParams: Readonly<Record<string, string>>;
  /** Plain text of the body (the text part, or the HTML part converted to text). */
  text: string;
  hasHtml: boolean;
  attachments: AttachmentInfo[];
  sizeBytes: number;
  /** What the parser had to cut or clean, recorded with the mail's reasons. */
  defects: Reason[];
}

/** Raised by the parser for a mail it refuses to parse at all; the mail is quarantined with this reason. */
export class UnparseableMailError extends Error {
  constructor(readonly reason: Reason) {
    super(renderReason(reason));
    this.name = 'UnparseableMailError';
  }
}

export type { RawMailLocation, ReceiptEnvelope, ReceiptVerdicts, VerdictStatus } from '../schemas/ses-notification.js';

export function headerValues(mail: Pick<InboundMail, 'headers'>, name: string): readonly string[] {
  return mail.headers.get(name.toLowerCase()) ?? [];
}

export function firstHeader(mail: Pick<InboundMail, 'headers'>, name: string): string | undefined {
  return headerValues(mail, name)[0];
}

/** The envelope sender as the receiving server recorded it in Return-Path (`<>` gives ''); undefined without one. */
export function returnPathAddress(mail: InboundMail): string | undefined {
  return firstHeader(mail, 'return-path')?.replace(/[<>\s]/g, '');
}

/** `<a@b>` → `a@b`; trims whitespace. Returns undefined for empty input. */
export function normalizeMessageId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Splits a References/In-Reply-To header into Message-IDs (without brackets). */
export function parseMessageIdList(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed.map((id) => id.slice(1, -1));
  return value
    .split(/\s+/)
    .map((part) => normalizeMessageId(part))
    .filter((id): id is string => Boolean(id));
}

/** Masks an address for logs and alerts: `jane.doe@example.org` → `j***@example.org`. */
export function maskAddress(address: string | undefined): string {
  if (!address) return '(none)';
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
