import { storedReasonsSchema } from '../schemas/reasons.js';
import { z } from 'zod';
import { PRIORITIES, SLA_TARGETS } from '../schemas/vocabulary.js';
import { nextSlaCheck, EFFECT_ORDER, THREAD_STATUSES } from '../core/records.js';
import { DISPOSITIONS, dispositionFromStored } from '../schemas/vocabulary.js';
import type { InboundProcessing, MessageRecord, QuarantineRecord, SlaClock, ThreadRecord } from '../core/records.js';
import { SLA_ALERT_TYPES, SLA_EMISSION_KINDS } from '../core/sla/sla-events.js';
import type { PendingSlaEmission } from '../ports/sla-sweep.js';
import type { SentRecord } from '../ports/index.js';
import { slaEventDetail } from '../schemas/events.js';
import { issueList } from '../schemas/validators.js';
import { keys, linkedIdOf, openByTeamKeys, slaIndexKeys } from './table-layout.js';

/**
 * The codecs of the table's items: each item kind is written by one function here and read back
 * by one zod schema, so a stored item that is not what the code expects fails with the attribute
 * it is about instead of turning into a half-filled record.
 */
export type Item = Record<string, unknown>;

/**
 * A stored item that does not decode: names its kind, key prefix and the attributes at fault,
 * never their values or the full key (a Message-ID key can hold an address).
 */
export class UnreadableItemError extends Error {
  constructor(kind: string, item: Item, error: z.ZodError) {
    const issues = issueList(error, '(item)').join('; ');
    const prefix = String(item.PK).split('#')[0];
    super(`stored ${kind} item (key ${prefix}#…) is not readable: ${issues}`);
    this.name = 'UnreadableItemError';
  }
}

function decoder<T>(kind: string, schema: z.ZodType<T>): (item: Item) => T {
  return (item) => {
    const result = schema.safeParse(item);
    if (!result.success) throw new UnreadableItemError(kind, item, result.error);
    return result.data;
  };
}

const iso = (date: Date | undefined) => date?.toISOString();
export const epochSeconds = (value: Date) => Math.floor(value.getTime() / 1000);

/** Absent and null attributes both read as undefined (the document client drops undefined on write). */
const absent = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);
const time = z.iso.datetime().transform((value) => new Date(value));
const epoch = z.number().transform((seconds) => new Date(seconds * 1000));
const strings = z.array(z.string()).default([]);
const stringSet = z.set(z.string()).default(new Set());

const clockSchema = z.object({
  target: z.enum(SLA_TARGETS),
  startedAt: time,
  dueAt: time,
  warnAt: time,
  warnedAt: absent(time),
  breachedAt: absent(time),
})
  // Every key present, absent ones as undefined, so a clock reads the same however it was stored.
  .transform((clock): SlaClock => ({ target: clock.target, startedAt: clock.startedAt, dueAt: clock.dueAt, warnAt: clock.warnAt, warnedAt: clock.warnedAt, breachedAt: clock.breachedAt }));

function clockItem(clock: SlaClock | undefined): Item | undefined {
  return clock && { target: clock.target, startedAt: iso(clock.startedAt), dueAt: iso(clock.dueAt), warnAt: iso(clock.warnAt), warnedAt: iso(clock.warnedAt), breachedAt: iso(clock.breachedAt) };
}

// ---- Thread -------------------------------------------------------------------------------------

export function threadItem(thread: ThreadRecord): Item {
  return {
    ...keys.thread(thread.ref),
    kind: 'thread',
    ref: thread.ref,
    version: thread.version,
    status: thread.status,
    customerAddress: thread.customer.address,
    customerName: thread.customer.name,
    participants: thread.participants,
    subject: thread.subject,
    serviceAddress: thread.serviceAddress,
    team: thread.team,
    agent: thread.agent,
    language: thread.language,
    replyLanguage: thread.replyLanguage,
    priority: thread.priority,
    category: thread.category,
    automated: thread.automated,
    createdAt: iso(thread.createdAt),
    updatedAt: iso(thread.updatedAt),
    lastInboundAt: iso(thread.lastInboundAt),
    inboundCount: thread.inboundCount,
    rootMessageId: thread.rootMessageId,
    firstReplyDue: iso(thread.firstReplyDue),
    firstRespondedAt: iso(thread.firstRespondedAt),
    lastAgentReplyAt: iso(thread.lastAgentReplyAt),
    sla: clockItem(thread.slaClock),
    owedRecovery: thread.owedRecovery && { clock: clockItem(thread.owedRecovery.clock), repliedAt: iso(thread.owedRecovery.repliedAt) },
    closed: thread.closed && { at: iso(thread.closed.at), by: thread.closed.by },
    expiresAt: epochSeconds(thread.expiresAt),
    GSI1PK: keys.customer(thread.customer.address),
    GSI1SK: iso(thread.createdAt),
    ...slaIndexKeys(thread.ref, nextSlaCheck(thread.slaClock)),
    ...(thread.status === 'awaiting-agent' && !thread.automated ? openByTeamKeys(thread.ref, thread.team, thread.createdAt) : {}),
  };
}

const threadSchema = z
  .object({
    kind: z.literal('thread'),
    ref: z.string().min(1),
    version: z.number().int().default(1),
    status: z.enum(THREAD_STATUSES),
    customerAddress: z.string(),
    customerName: absent(z.string()),
    participants: strings,
    subject: absent(z.string()),
    serviceAddress: z.string(),
    team: z.string(),
    agent: absent(z.string()),
    language: absent(z.string()),
    replyLanguage: absent(z.string()),
    priority: z.enum(PRIORITIES).default('normal'),
    category: z.string().default('other'),
    automated: z.boolean().default(false),
    createdAt: time,
    updatedAt: time,
    lastInboundAt: time,
    inboundCount: z.number().int(),
    rootMessageId: absent(z.string()),
    firstReplyDue: absent(time),
    firstRespondedAt: absent(time),
    lastAgentReplyAt: absent(time),
    sla: absent(clockSchema),
    owedRecovery: absent(z.object({ clock: clockSchema, repliedAt: time })),
    closed: absent(z.object({ at: time, by: absent(z.string()) })),
    expiresAt: epoch,
  })
  .transform(
    (item): ThreadRecord => ({
      ref: item.ref,
      version: item.version,
      status: item.status,
      customer: { address: item.customerAddress, name: item.customerName ?? '' },
      participants: item.participants,
      subject: item.subject ?? '',
      serviceAddress: item.serviceAddress,
      team: item.team,
      agent: item.agent,
      language: item.language ?? 'en',
      // Threads recorded before acknowledgements had their own language field were answered in `language`.
      replyLanguage: item.replyLanguage ?? item.language ?? 'en',
      priority: item.priority,
      category: item.category,
      automated: item.automated,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      lastInboundAt: item.lastInboundAt,
      inboundCount: item.inboundCount,
      rootMessageId: item.rootMessageId,
      firstReplyDue: item.firstReplyDue,
      firstRespondedAt: item.firstRespondedAt,
      lastAgentReplyAt: item.lastAgentReplyAt,
      slaClock: item.sla,
      owedRecovery: item.owedRecovery,
      closed: item.closed && { at: item.closed.at, by: item.closed.by },
      expiresAt: item.expiresAt,
    }),
  );

export const toThread = decoder('thread', threadSchema);

// ---- A thread's history, and quarantined mail ---------------------------------------------------

export function messageItem(message: MessageRecord): Item {
  return {
    ...keys.message(message.threadRef, message.at, message.dedupeKey),
    kind: 'message',
    direction: message.direction,
    dedupeKey: message.dedupeKey,
    messageId: message.messageId,
    from: message.from,
    subject: message.subject,
    at: iso(message.at),
    rawMail: message.rawMail,
    sizeBytes: message.sizeBytes,
    attachments: message.attachments,
    automated: message.automated,
    reasons: message.reasons,
    expiresAt: epochSeconds(message.expiresAt),
  };
}

export function quarantineItem(record: QuarantineRecord): Item {
  return {
    ...keys.quarantine(record.receivedAt, record.receiptId),
    kind: 'quarantine',
    receiptId: record.receiptId,
    dedupeKey: record.dedupeKey,
    receivedAt: record.receivedAt.toISOString(),
    sender: record.sender,
    subject: record.subject,
    rawMail: record.rawMail,
    sizeBytes: record.sizeBytes,
    reasons: record.reasons,
    expiresAt: epochSeconds(record.expiresAt),
  };
}

/** The links of a sent mail's Message-IDs to its thread, and (for an acknowledgement) its entry in the thread's history. */
export function sentMailItems(dedupeKey: string, sent: SentRecord): Item[] {
  const expiresAt = epochSeconds(sent.expiresAt);
  const items: Item[] = sent.sentMessageIds.map((id) => ({ ...keys.messageLink(id), kind: 'outbound', threadRef: sent.threadRef, createdAt: sent.at.toISOString(), expiresAt }));
  if (sent.effect === 'acknowledge' && sent.sentMessageIds.length) {
    items.push({
      // Keyed by when the mail was recorded, not sent: a retried completion rewrites the same entry.
      ...keys.message(sent.threadRef, sent.mailRecordedAt, `ack:${dedupeKey}`),
      kind: 'message',
      direction: 'ack',
      messageId: sent.sentMessageIds[0],
      wireMessageIds: sent.sentMessageIds,
      inReplyToKey: dedupeKey,
      at: sent.at.toISOString(),
      expiresAt,
    });
  }
  return items;
}

// ---- Processing record --------------------------------------------------------------------------

export function processingItem(processing: InboundProcessing): Item {
  return {
    ...keys.processing(processing.dedupeKey),
    kind: 'inbound',
    disposition: processing.disposition,
    role: processing.role,
    threadRef: processing.threadRef,
    receiptId: processing.receiptId,
    sender: processing.sender,
    acknowledge: processing.acknowledge,
    unacknowledgedBecause: processing.unacknowledgedBecause,
    reasons: processing.reasons,
    // A string set, so finishing an effect is an idempotent DELETE; an empty set is not storable.
    pending: processing.pending.length ? new Set(processing.pending) : undefined,
    recovered: clockItem(processing.recovered),
    createdAt: iso(processing.createdAt),
    expiresAt: epochSeconds(processing.expiresAt),
  };
}

const processingSchema = z
  .object({
    PK: z.string(),
    kind: z.literal('inbound'),
    disposition: z.preprocess(dispositionFromStored, z.enum(DISPOSITIONS)),
    role: z.enum(['customer', 'agent']).default('customer'),
    threadRef: absent(z.string()),
    receiptId: z.string(),
    sender: absent(z.string()),
    acknowledge: z.boolean().default(false),
    unacknowledgedBecause: absent(z.string()),
    reasons: storedReasonsSchema.default([]),
    pending: stringSet,
    recovered: absent(clockSchema),
    createdAt: time,
    expiresAt: epoch,
  })
  .transform(
    (item): InboundProcessing => ({
      dedupeKey: linkedIdOf(item),
      disposition: item.disposition,
      role: item.role,
      threadRef: item.threadRef,
      receiptId: item.receiptId,
      sender: item.sender ?? '',
      acknowledge: item.acknowledge,
      unacknowledgedBecause: item.unacknowledgedBecause,
      reasons: item.reasons,
      // Effects run in a fixed order whatever order the set returns them in; unknown names are dropped.
      pending: EFFECT_ORDER.filter((effect) => item.pending.has(effect)),
      recovered: item.recovered,
      createdAt: item.createdAt,
      expiresAt: item.expiresAt,
    }),
  );

export const toProcessing = decoder('processing', processingSchema);

// ---- SLA emission record ------------------------------------------------------------------------

export function emissionItem(emission: PendingSlaEmission, expiresAt: Date): Item {
  return {
    ...keys.emission(emission.ref, emission.key),
    kind: 'sla-emission',
    ref: emission.ref,
    emission: emission.kind,
    detailType: emission.event.detailType,
    // Stored as the exact JSON published, so a re-publish after a crash is byte-identical.
    detail: JSON.stringify(emission.event.detail),
    deadline: emission.deadline.toISOString(),
    decidedAt: emission.decidedAt.toISOString(),
    leaseUntil: emission.leaseUntil.toISOString(),
    attempts: emission.attempts,
    expiresAt: epochSeconds(expiresAt),
    ...slaIndexKeys(emission.ref, emission.leaseUntil),
  };
}

const emissionSchema = z
  .object({
    SK: z.string(),
    kind: z.literal('sla-emission'),
    ref: z.string(),
    emission: z.enum(SLA_EMISSION_KINDS),
    detailType: z.enum(SLA_ALERT_TYPES),
    detail: z.string().transform((json, context) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    }).pipe(slaEventDetail),
    deadline: time,
    decidedAt: time,
    leaseUntil: time,
    attempts: z.number().int().default(1),
  })
  .transform(
    (item): PendingSlaEmission => ({
      ref: item.ref,
      key: item.SK.slice(keys.emission(item.ref, '').SK.length),
      kind: item.emission,
      deadline: item.deadline,
      event: { detailType: item.detailType, detail: { ...item.detail, link: item.detail.link } },
      decidedAt: item.decidedAt,
      leaseUntil: item.leaseUntil,
      attempts: item.attempts,
    }),
  );

export const toEmission = decoder('SLA emission', emissionSchema);
