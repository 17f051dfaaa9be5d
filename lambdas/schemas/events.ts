import { z } from 'zod';
import type { DomainEvent } from '../core/events.js';

const isoTime = z.iso.datetime();
const maskedAddress = z.string().regex(/^(.\*\*\*@.+|\(none\)|\*\*\*)$/, 'customer address must be masked');

export const messageReceivedDetail = z.strictObject({
  version: z.literal(1),
  threadRef: z.string().regex(/^RL-[0-9A-Z]{6}$/),
  messageKey: z.string().min(1),
  team: z.string().min(1),
  newThread: z.boolean(),
  acknowledge: z.boolean(),
  customer: maskedAddress,
  receivedAt: isoTime,
});

const eventSchemas = {
  'Message Received': messageReceivedDetail,
} as const;

/** Checks an event against its published schema before it leaves the process. */
export function validateEvent(event: DomainEvent): DomainEvent {
  eventSchemas[event.detailType].parse(event.detail);
  return event;
}
