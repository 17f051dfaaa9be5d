import type { Reason } from '../schemas/reasons.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundMail } from './mail.js';
import type { ThreadRecord } from './records.js';
import { splitSubaddress } from './service-address.js';
import { normalizeThreadRef } from './thread-ref.js';

/**
 * Thread addresses: `support+rl-7k3f9q.k2j4m9xq3d@example.com`. The label is the
 * thread ref plus an HMAC of ref and base address, so a thread address cannot be
 * guessed or moved to another thread. Lowercase, because MTAs may fold case.
 */
const SIGNATURE_LENGTH = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function threadAddress(ref: string, baseAddress: string, key: string): string {
  const at = baseAddress.lastIndexOf('@');
  return `${baseAddress.slice(0, at)}+${ref.toLowerCase()}.${sign(ref, baseAddress, key)}${baseAddress.slice(at)}`;
}

/** A thread address's label: `rl-<ref>.<signature>`. */
const THREAD_ADDRESS_LABEL = /^(rl-[0-9a-z]{6})\.([a-z2-7]{10})$/i;

/** Whether an address has the form of a thread address (its signature unchecked). */
export function looksLikeThreadAddress(address: string): boolean {
  const { label } = splitSubaddress(address);
  return label !== undefined && THREAD_ADDRESS_LABEL.test(label);
}

/** The thread ref a thread address names, if its signature is valid; undefined otherwise. */
export function verifyThreadAddress(address: string, key: string): string | undefined {
  const { base, label } = splitSubaddress(address);
  const match = label ? THREAD_ADDRESS_LABEL.exec(label) : null;
  if (!match) return undefined;
  const ref = match[1]!.toUpperCase();
  const expected = Buffer.from(sign(ref, base, key));
  const given = Buffer.from(match[2]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? ref : undefined;
}

function sign(ref: string, baseAddress: string, key: string): string {
  const digest = createHmac('sha256', key).update(`${ref.toUpperCase()}|${baseAddress.toLowerCase()}`).digest();
  let out = '';
  for (let index = 0; index < SIGNATURE_LENGTH; index++) out += BASE32[digest[index]! % 32];
  return out;
}

/** What threading needs from the store. */
export interface ThreadLookup {
  /** Thread refs of stored Message-IDs (ours and customers'); unknown ids are absent from the map. */
  threadsOfMessageIds(messageIds: string[]): Promise<Map<string, string>>;
  getThread(ref: string): Promise<ThreadRecord | undefined>;
}

export type ThreadMatch =
  | { kind: 'existing'; thread: ThreadRecord; via: 'thread-address' | 'references' | 'subject-ref'; reasons: Reason[] }
  | { kind: 'new'; reasons: Reason[] };

/** How many References entries are looked up, newest first (long chains are mostly irrelevant history). */
const MAX_REFERENCES = 50;

/**
 * Finds the thread a mail continues, in order: a signed thread address among
 * the recipients; In-Reply-To/References walked from the right (newest) against
 * stored Message-IDs; a `[#RL-…]` subject ref, accepted only from a participant of
 * that thread (anyone can type a ref into a subject). Otherwise a new thread.
 */
export async function matchThread(
  mail: InboundMail,
  recipients: readonly string[],
  sender: string,
  key: string,
  lookup: ThreadLookup,
): Promise<ThreadMatch> {
  const reasons: Reason[] = [];

  for (const recipient of recipients) {
    const ref = verifyThreadAddress(recipient, key);
    if (ref === undefined) {
      if (/\+rl-/i.test(recipient)) reasons.push({ code: 'thread-address', detail: 'signature invalid; ignored' });
      continue;
    }
    const thread = await lookup.getThread(ref);
    if (!thread) {
      reasons.push({ code: 'thread-address', detail: `${ref} no longer exists` });
      continue;
    }
    if (isParticipant(thread, sender)) return { kind: 'existing', thread, via: 'thread-address', reasons: [...reasons, { code: 'thread-address', detail: ref }] };
    reasons.push({ code: 'thread-address', detail: `${ref} used by a non-participant; opening a new thread` });
    return { kind: 'new', reasons };
  }

  const newestFirst = referencedMessageIds(mail);
  if (newestFirst.length) {
    const known = await lookup.threadsOfMessageIds(newestFirst);
    for (const messageId of newestFirst) {
      const ref = known.get(messageId);
      if (!ref) continue;
      const thread = await lookup.getThread(ref);
      if (thread) return { kind: 'existing', thread, via: 'references', reasons: [...reasons, { code: 'references', detail: `replies to a message of ${ref}` }] };
    }
  }

  const subjectRef = normalizeThreadRef(mail.subject);
  if (subjectRef) {
    const thread = await lookup.getThread(subjectRef);
    if (thread && isParticipant(thread, sender)) return { kind: 'existing', thread, via: 'subject-ref', reasons: [...reasons, { code: 'subject-ref', detail: `${subjectRef} from a participant` }] };
    reasons.push(thread ? { code: 'subject-ref', detail: `${subjectRef} from a non-participant; ignored` } : { code: 'subject-ref', detail: `${subjectRef} unknown; ignored` });
  }
  return { kind: 'new', reasons };
}

/** The Message-IDs a mail replies to that threading looks up, newest first. */
export function referencedMessageIds(mail: InboundMail): string[] {
  return [...new Set([...mail.references, ...mail.inReplyTo].reverse())].slice(0, MAX_REFERENCES);
}

function isParticipant(thread: ThreadRecord, address: string): boolean {
  const lower = address.toLowerCase();
  return thread.customer.address === lower || thread.participants.includes(lower);
}

/** Recipients of a customer mail that are neither ours nor the customer: kept so they may follow up too. */
export function otherParticipants(mail: InboundMail, customer: string, isOurs: (address: string) => boolean): string[] {
  return [...mail.to, ...mail.cc]
    .map((recipient) => recipient.address)
    .filter((address) => address !== customer && !isOurs(address));
}
