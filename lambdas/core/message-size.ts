import type { Reason } from '../schemas/reasons.js';
import { MailNotSentError } from '../ports/index.js';
import type { AttachmentInfo } from './mail.js';
import { formatBytes } from './templates.js';

/**
 * The largest message SES v2 SendEmail accepts: 40 MB per message, counted on the whole
 * MIME message after encoding (attachments in base64 included). MB as SES counts them
 * (its v1 refusal names its 10 MB limit as 10485760 bytes).
 */
export const SES_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/**
 * Room for what a composed mail holds besides its parts' content: the headers (with
 * encoded names and long References), MIME boundaries and each part's own headers.
 */
const MIME_HEADROOM_BYTES = 64 * 1024;

/** The same headroom for each attachment: its part headers and an encoded filename. */
const PART_HEADROOM_BYTES = 2 * 1024;

/** Bytes of `bytes` in MIME base64: 4 characters for every 3 bytes, CRLF after every 76. */
function base64MimeBytes(bytes: number): number {
  const characters = 4 * Math.ceil(bytes / 3);
  return characters + 2 * Math.ceil(characters / 76);
}

/**
 * The most `bytes` can take as quoted-printable, the composer's other choice for text:
 * every byte written as three (`=E6`), and a soft line break (`=` CRLF) after every 73.
 */
function quotedPrintableBytesAtMost(bytes: number): number {
  const characters = 3 * bytes;
  return characters + 3 * Math.ceil(characters / 73);
}

/** A body text in UTF-8, in the worse of the two encodings the composer may pick. */
function encodedTextBytesAtMost(text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  return Math.max(base64MimeBytes(bytes), quotedPrintableBytesAtMost(bytes));
}

/**
 * An attachment of `sizeBytes` decoded bytes once composed: text parts may be written as
 * quoted-printable, everything else as base64 (a message/rfc822 part goes as it is, which
 * base64 covers from above).
 */
function encodedAttachmentBytesAtMost(attachment: Pick<AttachmentInfo, 'sizeBytes' | 'contentType'>): number {
  const content = /^text\//i.test(attachment.contentType) ? quotedPrintableBytesAtMost(attachment.sizeBytes) : base64MimeBytes(attachment.sizeBytes);
  return PART_HEADROOM_BYTES + content;
}

/** The most a mail of this text and these attachments can take as composed MIME. */
export function messageBytesAtMost(text: string, attachments: readonly Pick<AttachmentInfo, 'sizeBytes' | 'contentType'>[]): number {
  return MIME_HEADROOM_BYTES + encodedTextBytesAtMost(text) + attachments.reduce((sum, attachment) => sum + encodedAttachmentBytesAtMost(attachment), 0);
}

type OriginalPlacement = { attach: true } | { attach: false; reason: Reason };

/**
 * Whether the team's copy can carry the customer's original mail attached: only if the
 * original fits `acknowledgement.maxAttachmentBytes` and the forward, original included,
 * fits what SES sends. Otherwise the forward links the stored original, with this reason.
 */
export function placeOriginal(originalBytes: number, forwardText: string, maxAttachmentBytes: number): OriginalPlacement {
  if (originalBytes > maxAttachmentBytes) {
    return { attach: false, reason: { code: 'original-linked', detail: `${formatBytes(originalBytes)} is over acknowledgement.maxAttachmentBytes (${formatBytes(maxAttachmentBytes)})` } };
  }
  const forwardBytes = messageBytesAtMost(forwardText, [{ sizeBytes: originalBytes, contentType: 'message/rfc822' }]);
  if (forwardBytes > SES_MAX_MESSAGE_BYTES) {
    return { attach: false, reason: { code: 'original-linked', detail: `attached, the forward could reach ${formatBytes(forwardBytes)}; SES sends at most ${formatBytes(SES_MAX_MESSAGE_BYTES)} per message` } };
  }
  return { attach: true };
}

/** Why a forward whose attached original SES refused as too large went out with the original linked. */
export const ORIGINAL_REFUSED_REASON: Reason = { code: 'original-linked', detail: 'SES refused the forward with the original attached as too large' };

/**
 * Whether an agent's reply can be relayed with its attachments (those not inline) within what
 * SES sends; the reason when it cannot. `text` is the relay's text as it would go out.
 */
export function relayAttachmentsTooLarge(text: string, attachments: readonly AttachmentInfo[]): Reason | undefined {
  const kept = attachments.filter((attachment) => !attachment.inline);
  if (kept.length === 0) return undefined;
  const relayBytes = messageBytesAtMost(text, kept);
  if (relayBytes <= SES_MAX_MESSAGE_BYTES) return undefined;
  const decoded = kept.reduce((sum, attachment) => sum + attachment.sizeBytes, 0);
  return {
    code: 'relay-attachments-withheld',
    detail: `${kept.length} attachment${kept.length === 1 ? '' : 's'} (${formatBytes(decoded)}) would make the relay up to ${formatBytes(relayBytes)}; SES sends at most ${formatBytes(SES_MAX_MESSAGE_BYTES)} per message`,
  };
}

/** Why a relay whose attachments SES refused as too large went out without them. */
export const RELAY_REFUSED_REASON: Reason = { code: 'relay-attachments-withheld', detail: "SES refused the relay with the agent's attachments as too large" };

/**
 * Thrown by a Mailer when the message is larger than the provider sends (it said so, or the
 * composed message was over its limit and was not offered): certainly not sent, and sending
 * it again cannot help; the same mail without its attachments can go instead.
 */
export class MailTooLargeError extends MailNotSentError {
  override name = 'MailTooLargeError';
}
