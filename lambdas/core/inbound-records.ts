import type { Reason } from '../schemas/reasons.js';
import { replyLanguageFor } from './reply-language.js';
import { DELIVER_EFFECTS } from './deliver-effects.js';
import type { ReplylineConfig } from '../schemas/config.js';
import type { Agent } from './agents.js';
import type { MailClassification } from './classification.js';
import type { InboundMail, MailAddress, ReceiptEnvelope } from './mail.js';
import type { Disposition, ThreadedDisposition } from '../schemas/vocabulary.js';
import type { AckAllowance, SideEffect, InboundProcessing, InboundRecord, MessageDirection, MessageRecord, QuarantineRecord, ThreadRecord } from './records.js';
import type { Screening } from './screening/screen.js';
import { isServiceAddress, type ServiceAddress } from './service-address.js';
import { onAgentReply, onCustomerMail, startClock } from './sla-clock.js';
import type { SlaPolicy } from './sla-policy.js';
import { otherParticipants, type ThreadMatch } from './threading.js';
import { relayAttachmentsTooLarge } from './message-size.js';

/** Builders of what ingest records for a mail; pure. */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What became of a threaded mail: machine mail is never answered; a follow-up is never
 * acknowledged again; a person's new thread is acknowledged unless something withholds it.
 */
export function threadedDisposition(mail: { automated: boolean; followUp: boolean; acknowledge: boolean }): ThreadedDisposition {
  if (mail.automated) return 'machine-mail';
  if (mail.followUp) return 'follow-up';
  return mail.acknowledge ? 'new-thread' : 'unacknowledged';
}

/** A threaded mail's disposition, for what only threaded mail has (events, routing): a quarantined mail joins no thread. */
export function threadedOf(disposition: Disposition): ThreadedDisposition {
  if (disposition === 'quarantine') throw new Error('a quarantined mail joins no thread');
  return disposition;
}

/** Why a follow-up is never acknowledged. */
export const FOLLOW_UP_REASON: Reason = { code: 'follow-up', detail: 'acknowledgements only answer the mail that opens a thread' };

export interface RecordContext {
  envelope: ReceiptEnvelope;
  mail: InboundMail;
  screening: Screening;
  dedupeKey: string;
  config: ReplylineConfig;
  slaPolicy: SlaPolicy;
  now: Date;
}

/** A quarantined mail's context: it may not have parsed at all. */
export type QuarantineContext = Omit<RecordContext, 'mail'> & { mail: InboundMail | undefined };

function expiry(from: Date, config: ReplylineConfig): Date {
  return new Date(from.getTime() + config.retention.threadDays * DAY_MS);
}

const isOurs = (config: ReplylineConfig) => (address: string) => isServiceAddress(address, config);

export function newThreadRecord(
  context: RecordContext,
  decided: { service: ServiceAddress; customer: MailAddress; classification: MailClassification },
  match: Extract<ThreadMatch, { kind: 'new' }>,
  ref: string,
  /** Why ingest withholds an acknowledgement that screening allowed (the per-sender limit), if it does. */
  rateLimited: string | undefined,
): InboundRecord {
  const { envelope, mail, screening, config, now } = context;
  const acknowledge = screening.acknowledge && rateLimited === undefined;
  const { service, customer, classification } = decided;
  const expiresAt = expiry(envelope.receivedAt, config);
  const clock = screening.automated ? undefined : startClock('firstResponse', envelope.receivedAt, classification.priority, classification.team, context.slaPolicy);
  const thread: ThreadRecord = {
    ref,
    version: 1,
    status: 'awaiting-agent',
    customer,
    participants: otherParticipants(mail, customer.address, isOurs(config)),
    subject: mail.subject,
    serviceAddress: service.entry.address,
    team: classification.team,
    agent: classification.agent,
    language: classification.language,
    replyLanguage: replyLanguageFor(classification, service.entry.language, config),
    priority: classification.priority,
    category: classification.category,
    automated: screening.automated,
    createdAt: now,
    updatedAt: now,
    lastInboundAt: envelope.receivedAt,
    inboundCount: 1,
    rootMessageId: mail.messageId,
    firstReplyDue: clock?.dueAt,
    firstRespondedAt: undefined,
    lastAgentReplyAt: undefined,
    slaClock: clock,
    expiresAt,
  };
  const reasons: Reason[] = [...screening.reasons, ...match.reasons, ...classification.reasons];
  if (screening.automated) reasons.push({ code: 'not-routed', detail: 'machine-generated mail opening a thread is kept, not sent to the team' });
  const disposition = threadedDisposition({ automated: screening.automated, followUp: false, acknowledge });
  // Machine mail that opens a thread (lists, newsletters, stray bounces) stays with us; everything else reaches the team.
  const routed = !screening.automated;
  return {
    thread: { kind: 'new', record: thread },
    message: messageRecord(context, ref, 'in', customer.address, reasons, expiresAt),
    processing: {
      ...processingRecord(context, { disposition, role: 'customer', threadRef: ref, sender: customer.address, acknowledge, reasons, effects: customerEffects(acknowledge, routed) }),
      ...(routed && !acknowledge ? { unacknowledgedBecause: screening.heldBack ?? rateLimited } : {}),
    },
    ackAllowance: acknowledge ? ackAllowance(customer.address, envelope.receivedAt, config) : undefined,
  };
}

export function followUpRecord(context: RecordContext, customer: MailAddress, match: Extract<ThreadMatch, { kind: 'existing' }>): InboundRecord {
  const { envelope, mail, screening, config, now } = context;
  const before = match.thread;
  const participants = new Set([...before.participants, ...otherParticipants(mail, before.customer.address, isOurs(config))]);
  if (customer.address !== before.customer.address) participants.add(customer.address);
  // Machine mail (an out-of-office reply to our answer) never hands the move back to us.
  const change = screening.automated ? { thread: before, reasons: [] } : onCustomerMail(before, envelope.receivedAt, context.slaPolicy);
  const after: ThreadRecord = {
    ...change.thread,
    version: before.version + 1,
    participants: [...participants].slice(0, 50),
    updatedAt: now,
    lastInboundAt: envelope.receivedAt > before.lastInboundAt ? envelope.receivedAt : before.lastInboundAt,
    inboundCount: before.inboundCount + 1,
  };
  const reasons: Reason[] = [...screening.reasons, ...match.reasons, ...change.reasons, FOLLOW_UP_REASON];
  const expiresAt = expiry(envelope.receivedAt, config);
  return {
    thread: { kind: 'update', record: after, expectedVersion: before.version },
    message: messageRecord(context, before.ref, 'in', customer.address, reasons, expiresAt),
    processing: processingRecord(context, {
      disposition: threadedDisposition({ automated: screening.automated, followUp: true, acknowledge: false }),
      role: 'customer',
      threadRef: before.ref,
      sender: customer.address,
      acknowledge: false,
      reasons,
      effects: customerEffects(false, true),
    }),
    ackAllowance: undefined,
  };
}

/** An agent answered through the thread address: the thread now awaits the customer and the answer is relayed. */
export function agentReplyRecord(context: RecordContext, agent: Agent, sender: string, thread: ThreadRecord): InboundRecord {
  const { envelope, config, now } = context;
  const change = onAgentReply(thread, envelope.receivedAt, agent.id);
  const after: ThreadRecord = { ...change.thread, version: thread.version + 1, updatedAt: now };
  const reasons: Reason[] = [{ code: 'agent-reply', detail: `${agent.id ?? 'staff domain'} answered ${thread.ref}; relayed to the customer` }, ...change.reasons];
  if (change.recoveredFrom) {
    reasons.push({ code: 'sla-recovered', detail: `${change.recoveredFrom.target} due ${change.recoveredFrom.dueAt.toISOString()}, breach reported ${change.recoveredFrom.breachedAt!.toISOString()}` });
  }
  // Recorded with the reply, so the thread shows why the customer got the text without the files.
  const withheld = relayAttachmentsTooLarge(context.mail.text, context.mail.attachments);
  if (withheld) reasons.push(withheld);
  const expiresAt = expiry(envelope.receivedAt, config);
  return {
    thread: { kind: 'update', record: after, expectedVersion: thread.version },
    message: messageRecord(context, thread.ref, 'agent', sender, reasons, expiresAt),
    processing: {
      ...processingRecord(context, { disposition: 'follow-up', role: 'agent', threadRef: thread.ref, sender, acknowledge: false, reasons, effects: ['relay', 'announce'] }),
      // Decided with the reply, so `announce` raises SLA Recovered for a promise already reported broken.
      recovered: change.recoveredFrom,
    },
    ackAllowance: undefined,
  };
}

export function quarantineRecord(context: QuarantineContext, sender: string | undefined): { record: QuarantineRecord; processing: InboundProcessing } {
  const { envelope, mail, screening, config, dedupeKey } = context;
  const expiresAt = expiry(envelope.receivedAt, config);
  return {
    record: {
      receiptId: envelope.receiptId,
      dedupeKey,
      receivedAt: envelope.receivedAt,
      sender,
      subject: mail?.subject ?? '',
      rawMail: envelope.rawMail,
      sizeBytes: mail?.sizeBytes ?? 0,
      reasons: screening.reasons,
      expiresAt,
    },
    processing: {
      dedupeKey,
      disposition: 'quarantine',
      role: 'customer',
      threadRef: undefined,
      receiptId: envelope.receiptId,
      sender: sender ?? '',
      acknowledge: false,
      reasons: screening.reasons,
      pending: ['announce'],
      createdAt: context.now,
      expiresAt,
    },
  };
}

function customerEffects(acknowledge: boolean, routed: boolean): SideEffect[] {
  return [...(acknowledge ? (['acknowledge'] as const) : []), ...(routed ? (['route', ...DELIVER_EFFECTS] as const) : []), 'announce'];
}

function messageRecord(context: RecordContext, ref: string, direction: MessageDirection, from: string, reasons: Reason[], expiresAt: Date): MessageRecord {
  const { mail, envelope, dedupeKey, screening } = context;
  return {
    threadRef: ref,
    dedupeKey,
    direction,
    messageId: mail.messageId,
    from,
    subject: mail.subject,
    at: envelope.receivedAt,
    rawMail: envelope.rawMail,
    sizeBytes: mail.sizeBytes,
    attachments: mail.attachments,
    automated: screening.automated,
    reasons,
    expiresAt,
  };
}

function processingRecord(
  context: RecordContext,
  fields: Pick<InboundProcessing, 'disposition' | 'role' | 'threadRef' | 'sender' | 'acknowledge' | 'reasons'> & { effects: SideEffect[] },
): InboundProcessing {
  const { effects, ...rest } = fields;
  return { ...rest, dedupeKey: context.dedupeKey, receiptId: context.envelope.receiptId, pending: effects, createdAt: context.now, expiresAt: expiry(context.envelope.receivedAt, context.config) };
}

/** Fixed windows of `windowHours`, counted per sender address. */
function ackAllowance(sender: string, receivedAt: Date, config: ReplylineConfig): AckAllowance {
  const windowMs = config.acknowledgement.windowHours * 60 * 60 * 1000;
  const windowStart = new Date(Math.floor(receivedAt.getTime() / windowMs) * windowMs);
  return { sender, windowStart, max: config.acknowledgement.maxPerSender, expiresAt: new Date(windowStart.getTime() + 2 * windowMs) };
}
