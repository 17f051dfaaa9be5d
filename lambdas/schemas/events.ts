import { z } from 'zod';
import type { DomainEvent } from '../core/events.js';
import { LANGUAGE_TAG } from './languages.js';

/** Published event schemas (documented in README "Events"); every event is checked before it leaves the process. */
const isoTime = z.iso.datetime();
const threadRef = z.string().regex(/^RL-[0-9A-Z]{6}$/);
const maskedAddress = z.string().regex(/^(.\*\*\*@.+|\(none\)|\*\*\*)$/, 'addresses in events must be masked');
const reasonCode = z.string().regex(/^[a-z][a-z-]*$/, 'reasons in events are codes, never text from the mail');
/** Added by the publisher (`eventIdOf`): one id for every copy of an event. Optional for events others put on the bus. */
const eventId = z.string().regex(/^[0-9a-f]{32}$/).optional();

export const messageReceivedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  messageKey: z.string().min(1),
  disposition: z.enum(['new-thread', 'follow-up', 'ignore']),
  team: z.string().min(1),
  priority: z.enum(['urgent', 'high', 'normal', 'low']),
  category: z.string().min(1),
  acknowledge: z.boolean(),
  customer: maskedAddress,
  reasons: z.array(reasonCode),
});

export const acknowledgementSentDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  messageKey: z.string().min(1),
  language: z.string().regex(LANGUAGE_TAG),
  firstReplyDue: isoTime.optional(),
});

export const messageQuarantinedDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  receiptId: z.string().min(1),
  messageKey: z.string().min(1),
  sender: maskedAddress,
  reasons: z.array(reasonCode),
});

export const threadRoutedDetail = z.strictObject({
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
  agent: z.string().min(1).max(200).optional(),
  repliedAt: isoTime,
  via: z.enum(['mail-relay', 'helpdesk']),
});

export const slaEventDetail = z.strictObject({
  version: z.literal(1),
  eventId,
  threadRef,
  team: z.string().min(1),
  priority: z.enum(['urgent', 'high', 'normal', 'low']),
  category: z.string().min(1),
  subject: z.string().max(80).regex(/^[^\r\n]*$/, 'single line'),
  customer: z.string().min(1),
  target: z.enum(['firstResponse', 'nextReply']),
  dueAt: isoTime,
  minutesOverdue: z.number().int(),
  link: z.string().url().optional(),
});

const eventSchemas: Record<DomainEvent['detailType'], z.ZodType> = {
  'Message Received': messageReceivedDetail,
  'Acknowledgement Sent': acknowledgementSentDetail,
  'Message Quarantined': messageQuarantinedDetail,
  'Thread Routed': threadRoutedDetail,
  'Agent Replied': agentRepliedDetail,
  'SLA Warning': slaEventDetail,
  'SLA Breached': slaEventDetail,
  'SLA Recovered': slaEventDetail,
};

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
