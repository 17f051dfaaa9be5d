import type { Language, ReplylineConfig } from '../schemas/config.js';
import type { Clock, EventPublisher, Mailer, MailParser, RawMailStore, Secrets, SideEffect, ThreadStore } from '../ports/index.js';
import { composeAcknowledgement } from './acknowledgement.js';
import type { DomainEvent } from './events.js';
import { suggestFaq } from './faq.js';
import { maskAddress, type InboundMail, type MailAddress, type ReceiptEnvelope } from './mail.js';
import { dedupeKeyFor, receiptDedupeKey } from './message-ids.js';
import type { Priority } from './priority.js';
import type { AckAllowance, Disposition, InboundProcessing, InboundRecord, MessageRecord, QuarantineRecord, ThreadRecord } from './records.js';
import { screenMail, type Screening } from './screening.js';
import { classifyMail, type MailClassification } from './classification.js';
import { resolveServiceAddress, splitSubaddress, type ServiceAddress } from './service-address.js';
import { matchThread, otherParticipants, threadAddress, type ThreadMatch } from './threading.js';
import { threadRefFor } from './thread-ref.js';
import type { SlaPolicy } from './sla-policy.js';
import { onCustomerMail, startClock } from './sla-clock.js';

export interface IngestDependencies {
  rawMail: RawMailStore;
  parser: MailParser;
  threads: ThreadStore;
  mailer: Mailer;
  events: EventPublisher;
  secrets: Secrets;
  clock: Clock;
  config: ReplylineConfig;
  sla: SlaPolicy;
  instanceId: string;
}

export interface IngestResult {
  outcome: 'recorded' | 'duplicate';
  disposition: Disposition;
  threadRef: string | undefined;
  dedupeKey: string;
  acknowledge: boolean;
  reasons: string[];
  effectsDone: SideEffect[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 5;
/** Longer than any single send takes; an expired lease means its holder died. */
export const EFFECT_LEASE_MS = 2 * 60 * 1000;

/** Another delivery of the same mail is performing a side effect right now; retrying later finds it done. */
export class EffectBusyError extends Error {
  constructor(
    readonly effect: SideEffect,
    readonly leaseUntil: Date,
  ) {
    super(`another delivery of this mail is performing "${effect}" (lease until ${leaseUntil.toISOString()})`);
    this.name = 'EffectBusyError';
  }
}

/** Everything decided about a mail before anything is stored: shared by ingest and `replyline explain`. */
export interface MailAnalysis {
  mail: InboundMail | undefined;
  service: ServiceAddress | undefined;
  customer: MailAddress | undefined;
  screening: Screening;
  classification: MailClassification | undefined;
}

/** Pure: screening and classification of a parsed (or unparseable) mail. */
export function analyzeMail(mail: InboundMail | undefined, envelope: ReceiptEnvelope, deps: Pick<IngestDependencies, 'config'>, suppressed: boolean): MailAnalysis {
  const { config } = deps;
  const candidates = [...envelope.recipients, ...(mail ? [...mail.to, ...mail.cc].map((address) => address.address) : [])];
  const service = resolveServiceAddress(candidates, config);
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;
  const screening = screenMail(mail, envelope, config, { suppressed });
  if (!service) {
    screening.quarantine = true;
    screening.acknowledge = false;
    screening.reasons.push('not-for-us: none of the recipients is a configured Replyline address');
  }
  const classification = mail && service && !screening.quarantine ? classifyMail(mail, service, config) : undefined;
  return { mail, service, customer, screening, classification };
}

/**
 * One received mail, start to finish: parse, screen, match its thread, record it
 * (idempotently), then the side effects still owed for it. Safe to call again for
 * the same receipt: nothing is recorded twice and only unfinished effects run.
 */
export async function ingestMail(envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<IngestResult> {
  const mail = await readMail(envelope, deps);
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;
  const dedupeKey = await chooseDedupeKey(mail?.messageId, envelope, customer?.address, deps.threads);
  const prior = await deps.threads.getProcessing(dedupeKey);
  if (prior) return finishEffects(prior, 'duplicate', mail, deps);

  const suppressed = customer ? await deps.threads.isSuppressed(customer.address) : false;
  const analysis = analyzeMail(mail, envelope, deps, suppressed);
  if (analysis.screening.quarantine || !analysis.mail || !analysis.service || !analysis.customer || !analysis.classification) {
    return quarantine(envelope, analysis, dedupeKey, deps);
  }
  const known = { mail: analysis.mail, service: analysis.service, customer: analysis.customer, classification: analysis.classification };

  let ackOwed = analysis.screening.acknowledge;
  const limitReasons: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const key = await deps.secrets.threadAddressKey();
    const match = await matchThread(known.mail, envelope.recipients, known.customer.address, key, deps.threads);
    const record =
      match.kind === 'existing'
        ? followUpRecord(envelope, analysis.screening, match, known, dedupeKey, deps)
        : newThreadRecord(envelope, analysis.screening, match, known, dedupeKey, threadRefFor(dedupeKey, attempt), ackOwed, deps);
    record.processing.reasons.push(...limitReasons);
    const outcome = await deps.threads.recordInbound(record);
    switch (outcome.kind) {
      case 'recorded':
        return finishEffects(record.processing, 'recorded', known.mail, deps);
      case 'duplicate':
        return finishEffects(outcome.processing, 'duplicate', known.mail, deps);
      case 'ack-limit-reached':
        ackOwed = false;
        limitReasons.push(`rate-limited: ${deps.config.acknowledgement.maxPerSender} acknowledgements per ${deps.config.acknowledgement.windowHours} h already sent to this sender`);
        attempt--; // not a collision: the same ref is still free
        continue;
      case 'ref-taken':
      case 'thread-changed':
        continue;
    }
  }
  throw new Error(`could not record the mail after ${MAX_ATTEMPTS} attempts (thread ref collisions or concurrent updates)`);
}

/**
 * Streams and parses the stored mail. If parsing fails, the whole object is read
 * again into memory and parsed once more, so a broken download (retried) is told
 * apart from a mail that cannot be parsed (quarantined).
 */
async function readMail(envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<InboundMail | undefined> {
  try {
    return await deps.parser.parse(await deps.rawMail.open(envelope.rawMail));
  } catch {
    const chunks: Uint8Array[] = [];
    for await (const chunk of await deps.rawMail.open(envelope.rawMail)) chunks.push(chunk);
    try {
      return await deps.parser.parse(Buffer.concat(chunks));
    } catch {
      return undefined;
    }
  }
}

/**
 * The Message-ID identifies a mail across SES re-deliveries; but two different
 * senders reusing one Message-ID are two mails, so the second falls back to its receipt id.
 */
async function chooseDedupeKey(messageId: string | undefined, envelope: ReceiptEnvelope, sender: string | undefined, threads: ThreadStore): Promise<string> {
  const byMessageId = dedupeKeyFor(messageId, envelope.receiptId);
  const prior = await threads.getProcessing(byMessageId);
  if (!prior || prior.receiptId === envelope.receiptId || prior.sender === (sender ?? '')) return byMessageId;
  return receiptDedupeKey(envelope.receiptId);
}

function expiry(from: Date, config: ReplylineConfig): Date {
  return new Date(from.getTime() + config.retention.threadDays * DAY_MS);
}

interface KnownMail {
  mail: InboundMail;
  service: ServiceAddress;
  customer: MailAddress;
  classification: MailClassification;
}

function newThreadRecord(
  envelope: ReceiptEnvelope,
  screening: Screening,
  match: Extract<ThreadMatch, { kind: 'new' }>,
  known: KnownMail,
  dedupeKey: string,
  ref: string,
  acknowledge: boolean,
  deps: IngestDependencies,
): InboundRecord {
  const { mail, service, customer, classification } = known;
  const now = deps.clock.now();
  const expiresAt = expiry(envelope.receivedAt, deps.config);
  const clock = screening.automated ? undefined : startClock('firstResponse', envelope.receivedAt, classification.priority, classification.team, deps.sla);
  const thread: ThreadRecord = {
    ref,
    version: 1,
    status: 'awaiting-agent',
    customer,
    participants: otherParticipants(mail, customer.address, (address) => Boolean(resolveServiceAddress([address], deps.config))),
    subject: mail.subject,
    serviceAddress: service.entry.address,
    team: classification.team,
    agent: classification.agent,
    language: classification.language,
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
    sla: clock,
    expiresAt,
  };
  const reasons = [...screening.reasons, ...match.reasons, ...classification.reasons];
  const disposition: Disposition = acknowledge ? 'new-thread' : 'ignore';
  return {
    thread: { kind: 'new', record: thread },
    message: messageRecord(mail, envelope, ref, dedupeKey, customer, screening, reasons, expiresAt),
    processing: processingRecord(envelope, dedupeKey, disposition, ref, customer.address, acknowledge, reasons, now, expiresAt),
    ackAllowance: acknowledge ? ackAllowance(customer.address, envelope.receivedAt, deps.config) : undefined,
  };
}

function followUpRecord(
  envelope: ReceiptEnvelope,
  screening: Screening,
  match: Extract<ThreadMatch, { kind: 'existing' }>,
  known: KnownMail,
  dedupeKey: string,
  deps: IngestDependencies,
): InboundRecord {
  const { mail, customer } = known;
  const now = deps.clock.now();
  const before = match.thread;
  const participants = new Set([...before.participants, ...otherParticipants(mail, before.customer.address, (address) => Boolean(resolveServiceAddress([address], deps.config)))]);
  if (customer.address !== before.customer.address) participants.add(customer.address);
  // Machine mail (an out-of-office reply to our answer) never hands the move back to us.
  const change = screening.automated ? { thread: before, reasons: [] } : onCustomerMail(before, envelope.receivedAt, deps.sla);
  const after: ThreadRecord = {
    ...change.thread,
    version: before.version + 1,
    participants: [...participants].slice(0, 50),
    updatedAt: now,
    lastInboundAt: envelope.receivedAt > before.lastInboundAt ? envelope.receivedAt : before.lastInboundAt,
    inboundCount: before.inboundCount + 1,
  };
  const reasons = [...screening.reasons, ...match.reasons, ...change.reasons, 'follow-up: acknowledgements only answer the mail that opens a thread'];
  const disposition: Disposition = screening.automated ? 'ignore' : 'follow-up';
  const expiresAt = expiry(envelope.receivedAt, deps.config);
  return {
    thread: { kind: 'update', record: after, expectedVersion: before.version },
    message: messageRecord(mail, envelope, before.ref, dedupeKey, customer, screening, reasons, expiresAt),
    processing: processingRecord(envelope, dedupeKey, disposition, before.ref, customer.address, false, reasons, now, expiresAt),
    ackAllowance: undefined,
  };
}

function messageRecord(
  mail: InboundMail,
  envelope: ReceiptEnvelope,
  ref: string,
  dedupeKey: string,
  customer: MailAddress,
  screening: Screening,
  reasons: string[],
  expiresAt: Date,
): MessageRecord {
  return {
    threadRef: ref,
    dedupeKey,
    direction: 'in',
    messageId: mail.messageId,
    from: customer.address,
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
  envelope: ReceiptEnvelope,
  dedupeKey: string,
  disposition: Disposition,
  threadRef: string | undefined,
  sender: string,
  acknowledge: boolean,
  reasons: string[],
  now: Date,
  expiresAt: Date,
): InboundProcessing {
  return {
    dedupeKey,
    disposition,
    threadRef,
    receiptId: envelope.receiptId,
    sender,
    acknowledge,
    reasons,
    pending: acknowledge ? ['acknowledge', 'announce'] : ['announce'],
    createdAt: now,
    expiresAt,
  };
}

/** Fixed windows of `windowHours`, counted per sender address. */
function ackAllowance(sender: string, receivedAt: Date, config: ReplylineConfig): AckAllowance {
  const windowMs = config.acknowledgement.windowHours * 60 * 60 * 1000;
  const windowStart = new Date(Math.floor(receivedAt.getTime() / windowMs) * windowMs);
  return { sender, windowStart, max: config.acknowledgement.maxPerSender, expiresAt: new Date(windowStart.getTime() + 2 * windowMs) };
}

async function quarantine(envelope: ReceiptEnvelope, analysis: MailAnalysis, dedupeKey: string, deps: IngestDependencies): Promise<IngestResult> {
  const now = deps.clock.now();
  const expiresAt = expiry(envelope.receivedAt, deps.config);
  const sender = analysis.customer?.address;
  const reasons = analysis.screening.reasons;
  const processing = processingRecord(envelope, dedupeKey, 'quarantine', undefined, sender ?? '', false, reasons, now, expiresAt);
  const record: QuarantineRecord = {
    receiptId: envelope.receiptId,
    dedupeKey,
    receivedAt: envelope.receivedAt,
    sender,
    subject: analysis.mail?.subject ?? '',
    rawMail: envelope.rawMail,
    sizeBytes: analysis.mail?.sizeBytes ?? 0,
    reasons,
    expiresAt,
  };
  const outcome = await deps.threads.recordQuarantine(record, processing);
  if (outcome.kind === 'duplicate') return finishEffects(outcome.processing, 'duplicate', analysis.mail, deps);
  return finishEffects(processing, 'recorded', analysis.mail, deps);
}

async function finishEffects(
  processing: InboundProcessing,
  outcome: IngestResult['outcome'],
  mail: InboundMail | undefined,
  deps: IngestDependencies,
): Promise<IngestResult> {
  const done: SideEffect[] = [];
  const thread = processing.threadRef ? await deps.threads.getThread(processing.threadRef) : undefined;
  if (processing.threadRef && !thread) throw new Error(`thread ${processing.threadRef} is missing although its mail was recorded`);

  for (const effect of processing.pending) {
    const claim = await deps.threads.claimEffect(processing.dedupeKey, effect, deps.clock.now(), EFFECT_LEASE_MS);
    if (claim.status === 'done') continue;
    if (claim.status === 'busy') throw new EffectBusyError(effect, claim.leaseUntil);
    try {
      await performEffect(effect, processing, thread, mail, deps);
    } catch (error) {
      await deps.threads.releaseEffect(processing.dedupeKey, effect).catch(() => undefined);
      throw error;
    }
    done.push(effect);
  }
  return {
    outcome,
    disposition: processing.disposition,
    threadRef: processing.threadRef,
    dedupeKey: processing.dedupeKey,
    acknowledge: processing.acknowledge,
    reasons: processing.reasons,
    effectsDone: done,
  };
}

async function performEffect(
  effect: SideEffect,
  processing: InboundProcessing,
  thread: ThreadRecord | undefined,
  mail: InboundMail | undefined,
  deps: IngestDependencies,
): Promise<void> {
  if (effect === 'acknowledge') {
    if (!thread || !mail) throw new Error('an acknowledgement is owed but its thread or mail is missing');
    const service = resolveServiceAddress([thread.serviceAddress], deps.config);
    if (!service) throw new Error(`the address ${maskAddress(thread.serviceAddress)} is no longer configured`);
    const key = await deps.secrets.threadAddressKey();
    const ack = composeAcknowledgement({
      mail,
      thread,
      service,
      dedupeKey: processing.dedupeKey,
      config: deps.config,
      instanceId: deps.instanceId,
      threadAddress: threadAddress(thread.ref, splitSubaddress(thread.serviceAddress).base, key),
      timeZone: deps.sla.calendarFor(thread.priority, thread.team).calendar.timeZone,
      faq: suggestFaq(`${mail.subject}\n${mail.text}`, thread.language, deps.config),
    });
    const sent = await deps.mailer.send(ack);
    await deps.threads.completeEffect(processing.dedupeKey, effect, { sentMessageIds: sent.wireMessageIds, threadRef: thread.ref, at: deps.clock.now() });
    return;
  }
  await deps.events.publish(announcements(processing, thread));
  await deps.threads.completeEffect(processing.dedupeKey, effect);
}

function announcements(processing: InboundProcessing, thread: ThreadRecord | undefined): DomainEvent[] {
  const reasonCodes = reasonCodesOf(processing.reasons);
  if (!thread) {
    return [
      {
        detailType: 'Message Quarantined',
        detail: { version: 1, receiptId: processing.receiptId, messageKey: processing.dedupeKey, sender: maskAddress(processing.sender || undefined), reasons: reasonCodes },
      },
    ];
  }
  const events: DomainEvent[] = [
    {
      detailType: 'Message Received',
      detail: {
        version: 1,
        threadRef: thread.ref,
        messageKey: processing.dedupeKey,
        disposition: processing.disposition === 'quarantine' ? 'ignore' : processing.disposition,
        team: thread.team,
        priority: thread.priority,
        category: thread.category,
        acknowledge: processing.acknowledge,
        customer: maskAddress(thread.customer.address),
        reasons: reasonCodes,
      },
    },
  ];
  if (processing.acknowledge) {
    events.push({
      detailType: 'Acknowledgement Sent',
      detail: { version: 1, threadRef: thread.ref, messageKey: processing.dedupeKey, language: thread.language, firstReplyDue: thread.firstReplyDue?.toISOString() },
    });
  }
  return events;
}

/** The code before the colon of each `code: detail` reason (screening, threading), once each; free-text reasons are left out. */
export function reasonCodesOf(reasons: readonly string[]): string[] {
  const codes = reasons.map((reason) => reason.split(':')[0]!.trim()).filter((code) => /^[a-z][a-z-]*$/.test(code));
  return [...new Set(codes)];
}
