import type { ReplylineConfig } from '../schemas/config.js';
import type { Clock, EventPublisher, Mailer, MailParser, RawMailStore, SideEffect, ThreadStore } from '../ports/index.js';
import { composeAcknowledgement } from './acknowledgement.js';
import type { DomainEvent } from './events.js';
import { maskAddress, type InboundMail, type MailAddress, type ReceiptEnvelope } from './mail.js';
import { dedupeKeyFor, receiptDedupeKey } from './message-ids.js';
import type { InboundProcessing, InboundRecord, ThreadRecord } from './records.js';
import { resolveServiceAddress, type ServiceAddress } from './service-address.js';
import { threadRefFor } from './thread-ref.js';

export interface IngestDependencies {
  rawMail: RawMailStore;
  parser: MailParser;
  threads: ThreadStore;
  mailer: Mailer;
  events: EventPublisher;
  clock: Clock;
  config: ReplylineConfig;
  instanceId: string;
}

export type IngestResult =
  | { outcome: 'recorded'; threadRef: string; dedupeKey: string; effectsDone: SideEffect[] }
  | { outcome: 'duplicate'; threadRef: string; dedupeKey: string; effectsDone: SideEffect[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_REF_ATTEMPTS = 5;
/** Longer than any single send takes; an expired lease means its holder died. */
export const EFFECT_LEASE_MS = 2 * 60 * 1000;

/**
 * One received mail, start to finish: parse, record (idempotently), then the
 * side effects still owed for it. Safe to call again for the same receipt:
 * nothing is recorded twice and only unfinished side effects run.
 */
export async function ingestMail(envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<IngestResult> {
  const mail = await deps.parser.parse(await deps.rawMail.open(envelope.rawMail));
  const service = resolveServiceAddress([...envelope.recipients, ...mail.to.map((to) => to.address), ...mail.cc.map((cc) => cc.address)], deps.config);
  if (!service) throw new IngestError('not-for-us', 'none of the recipients is a configured Replyline address');
  const customer = mail.replyTo[0] ?? mail.from;
  if (!customer) throw new IngestError('no-sender', 'the mail has no From or Reply-To address');

  const dedupeKey = await chooseDedupeKey(mail, envelope, customer, deps.threads);
  const prior = await deps.threads.getProcessing(dedupeKey);
  if (prior) return { outcome: 'duplicate', ...(await finishEffects(prior, mail, service, deps)) };

  for (let attempt = 0; attempt < MAX_REF_ATTEMPTS; attempt++) {
    const record = newThreadRecord(mail, envelope, service, customer, dedupeKey, threadRefFor(dedupeKey, attempt), deps);
    const outcome = await deps.threads.recordInbound(record);
    if (outcome.kind === 'ref-taken') continue;
    if (outcome.kind === 'duplicate') return { outcome: 'duplicate', ...(await finishEffects(outcome.processing, mail, service, deps)) };
    return { outcome: 'recorded', ...(await finishEffects(record.processing, mail, service, deps)) };
  }
  throw new IngestError('ref-exhausted', `no free thread ref after ${MAX_REF_ATTEMPTS} attempts`);
}

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

/** A failure that retrying will not fix; the handler logs its code and lets the record go to the DLQ. */
export class IngestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/**
 * The Message-ID identifies a mail across SES re-deliveries; but two different
 * senders reusing one Message-ID are two mails, so the second falls back to its receipt id.
 */
async function chooseDedupeKey(mail: InboundMail, envelope: ReceiptEnvelope, customer: MailAddress, threads: ThreadStore): Promise<string> {
  const byMessageId = dedupeKeyFor(mail.messageId, envelope.receiptId);
  const prior = await threads.getProcessing(byMessageId);
  if (!prior || prior.receiptId === envelope.receiptId || prior.sender === customer.address) return byMessageId;
  return receiptDedupeKey(envelope.receiptId);
}

function newThreadRecord(
  mail: InboundMail,
  envelope: ReceiptEnvelope,
  service: ServiceAddress,
  customer: MailAddress,
  dedupeKey: string,
  ref: string,
  deps: IngestDependencies,
): InboundRecord {
  const now = deps.clock.now();
  const expiresAt = new Date(envelope.receivedAt.getTime() + deps.config.retention.threadDays * DAY_MS);
  const thread: ThreadRecord = {
    ref,
    status: 'awaiting-agent',
    customer,
    subject: mail.subject,
    serviceAddress: service.entry.address,
    team: service.team,
    agent: service.agent,
    language: service.entry.language ?? deps.config.defaultLanguage,
    createdAt: now,
    updatedAt: now,
    lastInboundAt: envelope.receivedAt,
    inboundCount: 1,
    rootMessageId: mail.messageId,
    expiresAt,
  };
  const pending: SideEffect[] = deps.config.acknowledgement.enabled ? ['acknowledge', 'announce'] : ['announce'];
  return {
    thread: { kind: 'new', record: thread },
    message: {
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
      reasons: [],
      expiresAt,
    },
    processing: { dedupeKey, threadRef: ref, receiptId: envelope.receiptId, sender: customer.address, pending, createdAt: now, expiresAt },
  };
}

async function finishEffects(
  processing: InboundProcessing,
  mail: InboundMail,
  service: ServiceAddress,
  deps: IngestDependencies,
): Promise<{ threadRef: string; dedupeKey: string; effectsDone: SideEffect[] }> {
  const done: SideEffect[] = [];
  if (processing.pending.length === 0) return { threadRef: processing.threadRef, dedupeKey: processing.dedupeKey, effectsDone: done };
  const thread = await deps.threads.getThread(processing.threadRef);
  if (!thread) throw new Error(`thread ${processing.threadRef} is missing although its mail was recorded`);

  for (const effect of processing.pending) {
    const claim = await deps.threads.claimEffect(processing.dedupeKey, effect, deps.clock.now(), EFFECT_LEASE_MS);
    if (claim.status === 'done') continue;
    if (claim.status === 'busy') throw new EffectBusyError(effect, claim.leaseUntil);
    try {
      await performEffect(effect, processing, thread, mail, service, deps);
    } catch (error) {
      await deps.threads.releaseEffect(processing.dedupeKey, effect).catch(() => undefined);
      throw error;
    }
    done.push(effect);
  }
  return { threadRef: processing.threadRef, dedupeKey: processing.dedupeKey, effectsDone: done };
}

async function performEffect(
  effect: SideEffect,
  processing: InboundProcessing,
  thread: ThreadRecord,
  mail: InboundMail,
  service: ServiceAddress,
  deps: IngestDependencies,
): Promise<void> {
  if (effect === 'acknowledge') {
    const ack = composeAcknowledgement({ mail, thread, service, dedupeKey: processing.dedupeKey, config: deps.config, instanceId: deps.instanceId });
    const sent = await deps.mailer.send(ack);
    await deps.threads.completeEffect(processing.dedupeKey, effect, { sentMessageIds: sent.wireMessageIds, threadRef: thread.ref, at: deps.clock.now() });
    return;
  }
  await deps.events.publish([messageReceived(processing, thread)]);
  await deps.threads.completeEffect(processing.dedupeKey, effect);
}

function messageReceived(processing: InboundProcessing, thread: ThreadRecord): DomainEvent {
  return {
    detailType: 'Message Received',
    detail: {
      version: 1,
      threadRef: thread.ref,
      messageKey: processing.dedupeKey,
      team: thread.team,
      newThread: thread.inboundCount === 1,
      acknowledge: processing.pending.includes('acknowledge'),
      customer: maskAddress(thread.customer.address),
      receivedAt: thread.lastInboundAt.toISOString(),
    },
  };
}
