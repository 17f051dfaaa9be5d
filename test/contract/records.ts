import type { InboundProcessing, InboundRecord, MessageRecord, QuarantineRecord, SideEffect, SlaClock, ThreadRecord } from '../../lambdas/core/records.js';
import type { SentRecord } from '../../lambdas/ports/index.js';
import { awaitingThread } from '../support/thread-record.js';

/**
 * Records for the contract suites, as ingest writes them. Every time is explicit and on a whole
 * second (the table keeps expiry times in epoch seconds), so both sides read back what was written.
 * T0 lies decades ahead: DynamoDB Local deletes items whose TTL attribute (`expiresAt`, set from
 * these times by the adapters) has passed by the machine's clock, at a moment of its choosing.
 */
export const T0 = new Date('2096-11-20T02:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

/** `minutes` after T0. */
export const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

/** `ms` after `date`. */
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** A first-response clock started at `startedAt`: warning after 3 h, due after 4 h. */
export function firstResponseClock(startedAt: Date, overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    target: 'firstResponse',
    startedAt,
    dueAt: new Date(startedAt.getTime() + 240 * MINUTE),
    warnAt: new Date(startedAt.getTime() + 180 * MINUTE),
    warnedAt: undefined,
    breachedAt: undefined,
    ...overrides,
  };
}

/** A thread opened at `createdAt` by a customer mail, awaiting its first reply. */
export function openedThread(ref: string, overrides: Partial<ThreadRecord> = {}, createdAt = T0): ThreadRecord {
  return awaitingThread(ref, firstResponseClock(createdAt), { rootMessageId: `root-${ref}@customer.example.org`, ...overrides }, createdAt);
}

/** A thread with every optional field set: closed by an agent, owing a late reply's `SLA Recovered`. */
export function closedThread(ref: string): ThreadRecord {
  const breached = firstResponseClock(T0, { warnedAt: at(180), breachedAt: at(240) });
  return openedThread(ref, {
    version: 4,
    status: 'closed',
    customer: { address: 'lee@customer.example.org', name: '' },
    participants: ['sam@customer.example.org', 'kai@customer.example.org'],
    agent: 'mei.chen@mail.example.com',
    language: 'de',
    replyLanguage: 'de',
    priority: 'normal',
    category: 'delivery',
    automated: true,
    updatedAt: at(300),
    lastInboundAt: at(60),
    inboundCount: 3,
    firstReplyDue: breached.dueAt,
    firstRespondedAt: at(250),
    lastAgentReplyAt: at(290),
    slaClock: undefined,
    owedRecovery: { clock: breached, repliedAt: at(250) },
    closed: { at: at(300), by: 'mei.chen@mail.example.com' },
  });
}

export function processingOf(dedupeKey: string, threadRef: string | undefined, overrides: Partial<InboundProcessing> = {}): InboundProcessing {
  return {
    dedupeKey,
    disposition: 'new-thread',
    role: 'customer',
    threadRef,
    receiptId: `receipt-${dedupeKey}`,
    sender: 'kim@customer.example.org',
    acknowledge: true,
    reasons: [{ code: 'screening-score', detail: 'score 0.08: written by a person' }],
    pending: ['acknowledge', 'route', 'deliver', 'announce-routed', 'announce'],
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 30 * DAY),
    ...overrides,
  };
}

function messageOf(dedupeKey: string, thread: ThreadRecord): MessageRecord {
  return {
    threadRef: thread.ref,
    dedupeKey,
    direction: 'in',
    messageId: dedupeKey,
    from: thread.customer.address,
    subject: thread.subject,
    at: thread.lastInboundAt,
    rawMail: { bucket: 'raw-mail', key: `inbound/${dedupeKey}` },
    sizeBytes: 2048,
    attachments: [{ filename: 'receipt.pdf', contentType: 'application/pdf', sizeBytes: 1024, inline: false }],
    automated: false,
    reasons: [{ code: 'language', detail: 'en (0.97)' }],
    expiresAt: thread.expiresAt,
  };
}

interface MailOptions {
  processing?: Partial<InboundProcessing>;
  claims?: InboundRecord['claims'];
}

/** The customer mail `dedupeKey` opening `thread`. */
export function newThreadMail(dedupeKey: string, thread: ThreadRecord, options: MailOptions = {}): InboundRecord {
  return {
    thread: { kind: 'new', record: thread },
    message: messageOf(dedupeKey, thread),
    processing: processingOf(dedupeKey, thread.ref, options.processing),
    ackAllowance: undefined,
    claims: options.claims,
  };
}

/** The customer mail `dedupeKey` following up on a thread read at `expectedVersion`, which it leaves as `thread`. */
export function followUpMail(dedupeKey: string, thread: ThreadRecord, expectedVersion: number, options: MailOptions = {}): InboundRecord {
  return {
    thread: { kind: 'update', record: thread, expectedVersion },
    message: messageOf(dedupeKey, thread),
    processing: processingOf(dedupeKey, thread.ref, { disposition: 'follow-up', acknowledge: false, pending: ['route', 'deliver', 'announce-routed', 'announce'], ...options.processing }),
    ackAllowance: undefined,
    claims: options.claims,
  };
}

/** A quarantined mail and its processing record (no thread, nothing owed). */
export function quarantinedMail(dedupeKey: string): { record: QuarantineRecord; processing: InboundProcessing } {
  return {
    record: {
      receiptId: `receipt-${dedupeKey}`,
      dedupeKey,
      receivedAt: T0,
      sender: 'spam@bulk.example.net',
      subject: 'You won',
      rawMail: { bucket: 'raw-mail', key: `inbound/${dedupeKey}` },
      sizeBytes: 900,
      reasons: [{ code: 'spam-verdict', detail: 'SES spam verdict FAIL' }],
      expiresAt: new Date(T0.getTime() + 30 * DAY),
    },
    processing: processingOf(dedupeKey, undefined, { disposition: 'quarantine', sender: 'spam@bulk.example.net', acknowledge: false, reasons: [{ code: 'spam-verdict', detail: 'SES spam verdict FAIL' }], pending: [] }),
  };
}

/** The acknowledgement of `processing`'s mail, sent under these Message-IDs. */
export function sentAcknowledgement(processing: InboundProcessing, sentMessageIds: string[], effect: SideEffect = 'acknowledge'): SentRecord {
  return { effect, sentMessageIds, threadRef: processing.threadRef!, at: at(1), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
}
