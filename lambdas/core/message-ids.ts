import { createHash } from 'node:crypto';

/** Header on everything we send; seeing it on inbound mail means a Replyline install sent it (ours or another). */
export const LOOP_HEADER = 'X-Replyline-Loop';

/** Prefix of every Message-ID Replyline generates; lets us recognise our own mail coming back. */
const OUR_PREFIX = 'rl.';

/** Deterministic Message-ID for something we send about `seed`, so a retry reuses the same id. */
export function ourMessageId(kind: 'ack' | 'relay' | 'fwd', threadRef: string, seed: string, domain: string): string {
  const digest = createHash('sha256').update(seed).digest('hex').slice(0, 16);
  return `${OUR_PREFIX}${kind}.${threadRef.toLowerCase()}.${digest}@${domain}`;
}

export function isOurMessageId(messageId: string | undefined, domain: string): boolean {
  return Boolean(messageId?.startsWith(OUR_PREFIX) && messageId.toLowerCase().endsWith(`@${domain}`));
}

/** Dedupe key of an inbound mail: its Message-ID, or the SES receipt id when it has none. */
export function dedupeKeyFor(messageId: string | undefined, receiptId: string): string {
  if (messageId && messageId.length <= 512) return messageId;
  if (messageId) return `sha256:${createHash('sha256').update(messageId).digest('hex')}`;
  return `ses:${receiptId}`;
}

export function receiptDedupeKey(receiptId: string): string {
  return `ses:${receiptId}`;
}

/**
 * What holds an inbound mail's Message-ID key already: an earlier mail's processing record, the
 * link of a mail we sent (our own mail came back, e.g. redirected with SES's Message-ID), or nothing.
 */
type MessageIdKeyHolder = { receiptId: string; sender: string } | 'sent-by-us' | undefined;

/**
 * The key an inbound mail is recorded under. The Message-ID identifies a mail across SES
 * re-deliveries; but two senders reusing one Message-ID are two mails, so the second (another
 * receipt, another sender) falls back to its receipt key, as does our own mail coming back, whose
 * key holds the link to its thread. Ingest records by it; `replyline replay` finds that record by it.
 */
export function chooseDedupeKey(byMessageId: string, holder: MessageIdKeyHolder, receiptId: string, sender: string | undefined): string {
  if (holder === 'sent-by-us') return receiptDedupeKey(receiptId);
  if (!holder || holder.receiptId === receiptId || holder.sender === (sender ?? '')) return byMessageId;
  return receiptDedupeKey(receiptId);
}
