import { createHash } from 'node:crypto';

/**
 * Events Replyline puts on its bus (source `replyline`). Their types come from the published
 * schemas (documented in the README's "Events"): every detail carries a `version`; addresses are
 * always masked (`j***@example.org`); reasons are codes, never mail text.
 */
export type {
  AcknowledgementSentDetail,
  AgentRepliedDetail,
  DomainEvent,
  MessageQuarantinedDetail,
  MessageReceivedDetail,
  SlaEventDetail,
  ThreadClosedDetail,
  ThreadRoutedDetail,
} from '../schemas/events.js';
import type { DomainEvent } from '../schemas/events.js';

export const EVENT_SOURCE = 'replyline';

/**
 * The same for every copy of one event, whenever and however often it is published: consumers
 * drop a copy by it (EventBridge has no idempotent put, and a retry after a failed record
 * publishes again). Derived from what the event is about, never from when it was sent.
 */
export function eventIdOf(event: DomainEvent): string {
  return createHash('sha256').update(`${event.detailType}\n${naturalKeyOf(event)}`).digest('hex').slice(0, 32);
}

function naturalKeyOf(event: DomainEvent): string {
  switch (event.detailType) {
    case 'Message Received':
    case 'Acknowledgement Sent':
    case 'Message Quarantined':
    case 'Thread Routed':
      return event.detail.messageKey;
    case 'Agent Replied':
      return `${event.detail.threadRef}\n${event.detail.repliedAt}`;
    case 'Thread Closed':
      return `${event.detail.threadRef}\n${event.detail.closedAt}`;
    case 'SLA Warning':
    case 'SLA Breached':
    case 'SLA Recovered':
      return `${event.detail.threadRef}\n${event.detail.target}\n${event.detail.dueAt}`;
  }
}
