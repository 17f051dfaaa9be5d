/**
 * What the core needs from the outside world. Adapters implement these with the
 * AWS SDK (or local stand-ins); unit tests implement them in memory.
 */
import type { InboundMail, RawMailLocation } from '../core/mail.js';
import type { OutgoingMail } from '../core/outgoing.js';
import type { DomainEvent } from '../core/events.js';
import type { InboundProcessing, InboundRecord, QuarantineRecord, RecordOutcome, ThreadRecord } from '../core/records.js';

export interface Clock {
  now(): Date;
}

export interface RawMailStore {
  /** Streams the stored raw mail. Throws if it does not exist (the record is retried, then dead-lettered). */
  open(location: RawMailLocation): Promise<AsyncIterable<Uint8Array>>;
}

export interface MailParser {
  parse(raw: AsyncIterable<Uint8Array> | Uint8Array): Promise<InboundMail>;
}

export type SideEffect = 'acknowledge' | 'announce';

export type EffectClaim = { status: 'claimed'; reclaimed: boolean } | { status: 'done' } | { status: 'busy'; leaseUntil: Date };

export interface ThreadStore {
  /**
   * Records an inbound mail atomically: its processing record (keyed by the dedupe
   * key), its message item, its thread (created, or updated if still at the
   * expected version) and, if an acknowledgement is owed, one unit of the sender's
   * allowance. A second call for the same dedupe key changes nothing and returns
   * `duplicate` with the first call's processing record.
   */
  recordInbound(record: InboundRecord): Promise<RecordOutcome>;
  /** Records a quarantined mail (no thread) with the same dedupe guarantee. */
  recordQuarantine(record: QuarantineRecord, processing: InboundProcessing): Promise<RecordOutcome>;
  getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined>;
  getThread(ref: string): Promise<ThreadRecord | undefined>;
  /** Thread refs of stored Message-IDs (ours and customers'); unknown ids are absent from the map. */
  threadsOfMessageIds(messageIds: string[]): Promise<Map<string, string>>;
  isSuppressed(address: string): Promise<boolean>;
  /**
   * Claims a pending side effect for `leaseMs` before performing it, so two
   * concurrent deliveries of one mail never both perform it. `busy` means another
   * worker holds a live lease (retry later); `done` means it is no longer pending.
   * `reclaimed` is set when an earlier lease expired: that worker may have crashed mid-effect.
   */
  claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim>;
  /** Gives a claimed effect back after a clean failure, so the retry need not wait for the lease to expire. */
  releaseEffect(dedupeKey: string, effect: SideEffect): Promise<void>;
  /** Marks one pending side effect of an inbound mail as done (idempotent). */
  completeEffect(dedupeKey: string, effect: SideEffect, details?: EffectDetails): Promise<void>;
}

export interface EffectDetails {
  /** Message-IDs of the mail we sent (acknowledgement), each linked to the thread for later replies. */
  sentMessageIds?: string[];
  threadRef?: string;
  at?: Date;
}

export interface Mailer {
  /** Sends one composed mail. */
  send(mail: OutgoingMail): Promise<SentMail>;
}

export interface SentMail {
  providerMessageId: string;
  /** Every Message-ID the recipient may see and quote back (the provider may replace ours). */
  wireMessageIds: string[];
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

/** Secrets held outside the code and the environment (Secrets Manager on AWS). */
export interface Secrets {
  /** Key of the HMAC that signs thread addresses. */
  threadAddressKey(): Promise<string>;
}
