import { z } from 'zod';
import { LANGUAGE_TAG } from './languages.js';
import { PRIORITIES, SLA_TARGETS, THREADED_DISPOSITIONS } from './vocabulary.js';

/** Published event schemas (documented in README "Events"); every event is checked before it leaves the process. */
const isoTime = z.iso.datetime();
const threadRef = z.string().regex(/^RL-[0-9A-Z]{6}$/);
const maskedAddress = z.string().regex(/^(.\*\*\*@.+|\(none\)|\*\*\*)$/, 'addresses in events must be masked');
const reasonCode = z.string().regex(/^[a-z][a-z-]*$/, 'reasons in events are codes, never text from the mail');
/** Added by the publisher (`eventIdOf`): one id for every copy of an event. Optional for events others put on the bus. */
const eventId = z.string().regex(/^[0-9a-f]{32}$/).optional();

const messageReceivedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  messageKey: z.string().min(1),
  disposition: z.enum(THREADED_DISPOSITIONS),
  team: z.string().min(1),
  priority: z.enum(PRIORITIES),
  category: z.string().min(1),
  acknowledge: z.boolean(),
  customer: maskedAddress,
  reasons: z.array(reasonCode),
});

const acknowledgementSentDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  messageKey: z.string().min(1),
  language: z.string().regex(LANGUAGE_TAG),
  firstReplyDue: isoTime.optional(),
});

const messageQuarantinedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  receiptId: z.string().min(1),
  messageKey: z.string().min(1),
  sender: maskedAddress,
  reasons: z.array(reasonCode),
});

const threadRoutedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  messageKey: z.string().min(1),
  team: z.string().min(1),
  destination: z.enum(['mailbox', 'webhook']),
});

/** Also the schema an outside help desk must follow to put `Agent Replied` on the bus (any source but `replyline`). */
export const agentRepliedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  /** Agent id from the config, or a name/address as the help desk reports it. */
  agent: z.string().min(1).max(200).optional(),
  repliedAt: isoTime,
  /** Where the reply came from: our relay of an agent's mail, or an outside help desk. */
  via: z.enum(['mail-relay', 'helpdesk']),
});

/** The schema an outside help desk follows to put `Thread Closed` on the bus when an agent closes a thread there. */
export const threadClosedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  /** Who closed it: an agent id from the config, or a name as the help desk reports it. */
  agent: z.string().min(1).max(200).optional(),
  closedAt: isoTime,
});

/** What outside help desks put on the bus for Replyline to record (from the sources in `helpdesk.eventSources`). */
export const HELPDESK_EVENT_TYPES = ['Agent Replied', 'Thread Closed'] as const;

export const slaEventDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  team: z.string().min(1),
  priority: z.enum(PRIORITIES),
  category: z.string().min(1),
  /** At most 80 characters of the subject, single line. */
  subject: z.string().max(80).regex(/^[^\r\n]*$/, 'single line'),
  /** Masked (`c***@example.com`) unless `alerts.includeCustomerAddress` is set. */
  customer: z.string().min(1),
  target: z.enum(SLA_TARGETS),
  dueAt: isoTime,
  /** Minutes past the due time when the event was raised (negative: minutes left, for warnings). */
  minutesOverdue: z.number().int(),
  /** `alerts.linkTemplate` with {ref} filled in, when configured. */
  link: z.string().url().optional(),
});

/** Every event Replyline publishes, by detail-type: the one source of the events' types below. */
const eventSchemas = {
  'Message Received': messageReceivedDetail,
  'Acknowledgement Sent': acknowledgementSentDetail,
  'Message Quarantined': messageQuarantinedDetail,
  'Thread Routed': threadRoutedDetail,
  'Agent Replied': agentRepliedDetail,
  'Thread Closed': threadClosedDetail,
  'SLA Warning': slaEventDetail,
  'SLA Breached': slaEventDetail,
  'SLA Recovered': slaEventDetail,
} as const satisfies Record<string, z.ZodType>;

/** A detail as the core builds it; the publisher adds `eventId`. */
type DetailOf<Schema extends z.ZodType> = Omit<z.infer<Schema>, 'eventId'>;

type EventDetailType = keyof typeof eventSchemas;
export type DomainEvent = { [Type in EventDetailType]: { detailType: Type; detail: DetailOf<(typeof eventSchemas)[Type]> } }[EventDetailType];

export type MessageReceivedDetail = DetailOf<typeof messageReceivedDetail>;
export type AcknowledgementSentDetail = DetailOf<typeof acknowledgementSentDetail>;
export type MessageQuarantinedDetail = DetailOf<typeof messageQuarantinedDetail>;
export type ThreadRoutedDetail = DetailOf<typeof threadRoutedDetail>;
export type AgentRepliedDetail = DetailOf<typeof agentRepliedDetail>;
export type ThreadClosedDetail = DetailOf<typeof threadClosedDetail>;
/** Common to `SLA Warning`, `SLA Breached` and `SLA Recovered`. */
export type SlaEventDetail = DetailOf<typeof slaEventDetail>;

/** Checks an event against its published schema before it leaves the process. */
export function validateEvent(event: DomainEvent): DomainEvent {
  eventSchemas[event.detailType].parse(event.detail);
  return event;
}

/** The detail as published: checked against its schema, with the id every copy of the event shares. */
export function publishedDetail(event: DomainEvent, eventId: string): Record<string, unknown> {
  const detail = { ...event.detail, eventId };
  eventSchemas[event.detailType].parse(detail);
  return detail;
}
