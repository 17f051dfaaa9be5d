/**
 * What the core needs from the outside world. Adapters implement these with the
 * AWS SDK (or local stand-ins); unit tests implement them in memory.
 */
import type { InboundMail, RawMailLocation } from '../core/mail.js';
import type { OutgoingMail } from '../core/outgoing.js';
import type { DomainEvent } from '../core/events.js';
import type { AckAllowance, InboundProcessing, InboundRecord, QuarantineRecord, RecordOutcome, SideEffect, ThreadRecord } from '../core/records.js';
import type { RoutingMessage } from '../schemas/routing.js';

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

/** `processing` is the mail's processing record as the claim found it (the claim reads nothing else). */
export type EffectClaim =
  | { status: 'claimed'; reclaimed: boolean; leaseUntil: Date; processing: InboundProcessing }
  | { status: 'done'; processing: InboundProcessing | undefined }
  | { status: 'busy'; leaseUntil: Date };

/** What ingest needs to know about a mail before deciding anything, read in one request. */
export interface InboundLookup {
  /** The processing record under the dedupe key: the mail was recorded before. */
  processing: InboundProcessing | undefined;
  /** The key holds the link of a mail we sent instead: our own mail came back with its Message-ID. */
  sentByUs: boolean;
  /** The sender bounced or complained: never acknowledged. */
  suppressed: boolean;
  /** Thread refs of the asked Message-IDs that are stored (ours and customers'). */
  knownMessageIds: Map<string, string>;
}

export interface ThreadStore {
  /**
   * Records an inbound mail atomically: its processing record (keyed by the dedupe
   * key), its message item and its thread (created, or updated if still at the
   * expected version). A second call for the same dedupe key changes nothing and
   * returns `duplicate` with the first call's processing record.
   */
  recordInbound(record: InboundRecord): Promise<RecordOutcome>;
  /**
   * Counts the mail with `dedupeKey` against its sender's acknowledgements in the window; false
   * if the window is full. Counting the same mail again changes nothing and answers true, so a
   * retried or redelivered mail keeps the acknowledgement it was allowed.
   */
  consumeAckAllowance(allowance: AckAllowance, dedupeKey: string): Promise<boolean>;
  /** The processing record, the sender's suppression and the referenced Message-IDs, in one read. */
  lookupInbound(dedupeKey: string, sender: string | undefined, messageIds: readonly string[]): Promise<InboundLookup>;
  /** Records a quarantined mail (no thread) with the same dedupe guarantee. */
  recordQuarantine(record: QuarantineRecord, processing: InboundProcessing): Promise<RecordOutcome>;
  getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined>;
  getThread(ref: string): Promise<ThreadRecord | undefined>;
  /** Thread refs of stored Message-IDs (ours and customers'); unknown ids are absent from the map. */
  threadsOfMessageIds(messageIds: string[]): Promise<Map<string, string>>;
  isSuppressed(address: string): Promise<boolean>;
  /** The customer's most recent threads, newest first (GSI1). */
  customerHistory(address: string, limit: number): Promise<ThreadRecord[]>;
  /** Writes a thread if it is still at `expectedVersion`; false if it changed meanwhile. */
  updateThread(thread: ThreadRecord, expectedVersion: number): Promise<boolean>;
  /**
   * Forgets the thread's owed `SLA Recovered` for the reply at `repliedAt`, once it is published
   * (and bumps the version); nothing if it is gone already.
   */
  settleOwedRecovery(threadRef: string, repliedAt: Date): Promise<void>;
  /**
   * Claims a pending side effect for `leaseMs` before performing it, so two
   * concurrent deliveries of one mail never both perform it. `busy` means another
   * worker holds a live lease (retry later); `done` means it is no longer pending.
   * `reclaimed` is set when an earlier lease expired: that worker may have crashed mid-effect
   * (sends are still safe: they consult the sent-log on every attempt).
   */
  claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim>;
  /**
   * Gives a claimed effect back after a clean failure, so the retry need not wait for the lease to
   * expire. Only the claim that ends at `leaseUntil` is given back: a holder whose lease ran out
   * never frees the claim of the worker that took over.
   */
  releaseEffect(dedupeKey: string, effect: SideEffect, leaseUntil: Date): Promise<void>;
  /**
   * Marks side effects of an inbound mail as done (idempotent; one already done is left alone),
   * after linking the Message-IDs of a mail they sent to its thread. Reads nothing.
   */
  completeEffects(dedupeKey: string, effects: readonly SideEffect[], sent?: SentRecord): Promise<void>;
}

/** A mail an effect sent (acknowledgement, relay, forward), so later replies quoting it find its thread. */
export interface SentRecord {
  effect: SideEffect;
  /** Every Message-ID the recipient may quote back. */
  sentMessageIds: string[];
  threadRef: string;
  at: Date;
  /** When the inbound mail was recorded: orders the acknowledgement in the thread's history, the same on every retry. */
  mailRecordedAt: Date;
  /** When the links expire: with the mail's processing record. */
  expiresAt: Date;
}

/**
 * Thrown by a Mailer when the provider refused the mail (throttled, rejected): it was certainly
 * not sent, so a retry may send it at once. Any other failure leaves open whether it went out.
 */
export class MailNotSentError extends Error {
  override name = 'MailNotSentError';
}

export interface Mailer {
  /** Sends one composed mail. */
  send(mail: OutgoingMail): Promise<SentMail>;
  /** What `send` would have returned, for a mail the provider reported sent under `providerMessageId` (sent-log). */
  sentAs(mail: OutgoingMail, providerMessageId: string): Promise<SentMail>;
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
  /** A named secret's value (webhook signing keys). */
  value(name: string): Promise<string>;
}

export interface RoutingQueue {
  /** Puts a routing message on the team's queue. */
  send(team: string, message: RoutingMessage): Promise<void>;
}

export interface HttpResponse {
  status: number;
  /** Seconds from a Retry-After header, when the receiver sent one. */
  retryAfterSeconds: number | undefined;
}

export interface HttpClient {
  /** POSTs a body; resolves with the status, rejects on network errors and timeouts. */
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpResponse>;
}

export interface Sleeper {
  sleep(ms: number): Promise<void>;
}

/**
 * A chat alert's delivery, by the alert's identity (see `chatAlertKey`): who is posting it
 * (a lease) and whether it was posted. `claimed` carries the lease taken, which `release` needs,
 * so a worker whose lease ran out can never free the claim of the worker that took over.
 */
export type AlertClaim = { status: 'claimed'; reclaimed: boolean; leaseUntil: Date } | { status: 'done'; at: Date } | { status: 'busy'; leaseUntil: Date };

export interface AlertDeliveryLedger {
  /** Claims the alert for `leaseMs` unless it was posted (`done`) or another worker holds a live lease (`busy`). */
  claim(alertKey: string, now: Date, leaseMs: number): Promise<AlertClaim>;
  /** Marks the alert posted (idempotent); later claims answer `done`. */
  complete(alertKey: string, at: Date): Promise<void>;
  /** Gives a claim back after a failed post, so the retry need not wait for the lease; a no-op if the lease is no longer ours. */
  release(alertKey: string, leaseUntil: Date): Promise<void>;
}

/** The chat webhook's URL, kept outside the code and the bundles (a Secrets Manager secret on AWS). */
export interface ChatWebhookSource {
  /** The current URL, validated (https); rejects with a reason that never contains the URL. */
  url(): Promise<string>;
}
