import type { Reason } from '../schemas/reasons.js';
import type { AttachmentInfo, MailAddress, RawMailLocation } from './mail.js';
import type { Priority, SlaTarget } from '../schemas/vocabulary.js';
import type { Disposition } from '../schemas/vocabulary.js';

/**
 * Side effects owed for an inbound mail, in the order they run: `acknowledge` and
 * `route` (to the team's queue) by ingest for customer mail, `relay` (to the
 * customer) for an agent's reply, `deliver` (to the team's mailbox or webhook) and
 * `announce-routed` (its Thread Routed event) by the deliver function, `announce`
 * (ingest's events) last.
 */
export const EFFECT_ORDER = ['acknowledge', 'relay', 'route', 'deliver', 'announce-routed', 'announce'] as const;
export type SideEffect = (typeof EFFECT_ORDER)[number];

/** Whose move it is on a thread. Only `awaiting-agent` owes a reply (and runs an SLA clock). */
export const THREAD_STATUSES = ['awaiting-agent', 'awaiting-customer', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/**
 * The running reply-time promise of a thread. Present only while a reply is owed
 * (status `awaiting-agent`, not machine-opened); absent while the thread awaits the
 * customer (paused) or is closed (stopped).
 */
export interface SlaClock {
  /** First response, or the reply to a customer's follow-up after we answered. */
  target: SlaTarget;
  startedAt: Date;
  dueAt: Date;
  /** When the `SLA Warning` is due (warning threshold of the target's business time). */
  warnAt: Date;
  /** Set once `SLA Warning` was emitted for this clock (emitted at most once). */
  warnedAt: Date | undefined;
  /** Set once `SLA Breached` was emitted for this clock (emitted at most once). */
  breachedAt: Date | undefined;
}

/** The sweeper's next instant of interest for a clock, or undefined when nothing is left to emit. */
export function nextSlaCheck(clock: SlaClock | undefined): Date | undefined {
  if (!clock) return undefined;
  if (!clock.warnedAt) return clock.warnAt;
  if (!clock.breachedAt) return clock.dueAt;
  return undefined;
}

export interface ThreadRecord {
  ref: string;
  /** Incremented on every write; writes are conditional on it (no lost updates). */
  version: number;
  status: ThreadStatus;
  customer: MailAddress;
  /** Other people on the customer's side (Cc'd), who may follow up too. */
  participants: string[];
  subject: string;
  /** The address the customer wrote to; acknowledgements and relays are sent from it. */
  serviceAddress: string;
  team: string;
  agent: string | undefined;
  /** ISO 639-1 of the customer's first mail (any language), or the address's default. */
  language: string;
  /** The language our mail to the customer is written in: a template language (`de`, `zh-Hant`, a configured `sv`). */
  replyLanguage: string;
  priority: Priority;
  category: string;
  /** Opened by machine-generated mail (list, bounce, auto-reply): kept, never answered automatically. */
  automated: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastInboundAt: Date;
  inboundCount: number;
  /** The customer's Message-ID of the mail that opened the thread. */
  rootMessageId: string | undefined;
  /** When the first reply is promised (the acknowledgement states it); undefined for automated threads. */
  firstReplyDue: Date | undefined;
  /** When an agent first answered (mail relay or `Agent Replied` event). */
  firstRespondedAt: Date | undefined;
  lastAgentReplyAt: Date | undefined;
  slaClock: SlaClock | undefined;
  /**
   * A help desk's late reply whose `SLA Recovered` is recorded with it but not yet published:
   * a redelivered `Agent Replied` publishes it while it is here.
   */
  owedRecovery?: OwedRecovery | undefined;
  /** While the thread is closed: when, and by whom if known. A customer writing again reopens it. */
  closed?: { at: Date; by: string | undefined } | undefined;
  expiresAt: Date;
}

interface OwedRecovery {
  clock: SlaClock;
  repliedAt: Date;
}

export type MessageDirection = 'in' | 'ack' | 'out' | 'agent' | 'note';

export interface MessageRecord {
  threadRef: string;
  dedupeKey: string;
  direction: MessageDirection;
  messageId: string | undefined;
  /** Sender address (kept in the table; never logged). */
  from: string;
  subject: string;
  at: Date;
  rawMail: RawMailLocation | undefined;
  sizeBytes: number;
  attachments: AttachmentInfo[];
  automated: boolean;
  reasons: Reason[];
  expiresAt: Date;
}


/** The processing record of one inbound mail: what was decided, and which side effects are still owed. */
export interface InboundProcessing {
  dedupeKey: string;
  disposition: Disposition;
  /** Who wrote it: a customer (acknowledged, routed to the team) or an agent answering (relayed to the customer). */
  role: 'customer' | 'agent';
  /** Undefined for quarantined mail, which joins no thread. */
  threadRef: string | undefined;
  receiptId: string;
  sender: string;
  acknowledge: boolean;
  /** Why a customer's new thread got no acknowledgement while still reaching the team: told in the team's copy. */
  unacknowledgedBecause?: string | undefined;
  reasons: Reason[];
  pending: SideEffect[];
  /** An agent's reply that met a promise already reported broken: `announce` owes its `SLA Recovered`. */
  recovered?: SlaClock | undefined;
  createdAt: Date;
  expiresAt: Date;
}

export interface QuarantineRecord {
  receiptId: string;
  dedupeKey: string;
  receivedAt: Date;
  sender: string | undefined;
  subject: string;
  rawMail: RawMailLocation;
  sizeBytes: number;
  reasons: Reason[];
  expiresAt: Date;
}

/** Caps acknowledgements per sender and window; each acknowledged mail is counted once, before it is recorded. */
export interface AckAllowance {
  sender: string;
  windowStart: Date;
  max: number;
  expiresAt: Date;
}

export interface InboundRecord {
  thread: { kind: 'new'; record: ThreadRecord } | { kind: 'update'; record: ThreadRecord; expectedVersion: number };
  message: MessageRecord;
  processing: InboundProcessing;
  /** The allowance the acknowledgement needs, counted (`consumeAckAllowance`) before the mail is recorded. */
  ackAllowance: AckAllowance | undefined;
  /**
   * Claims the recorder takes in the same write, on the effects it performs next: a redelivery
   * meanwhile finds them busy, and since nobody can have sent them before, the first attempt needs
   * neither claim requests nor a sent-log read.
   */
  claims?: { effects: SideEffect[]; until: Date } | undefined;
}

export type RecordOutcome =
  | { kind: 'recorded' }
  | { kind: 'duplicate'; processing: InboundProcessing }
  /** The generated thread ref belongs to another thread already: try the next candidate. */
  | { kind: 'ref-taken' }
  /** The thread changed since it was read: read again and recompute. */
  | { kind: 'thread-changed' };
