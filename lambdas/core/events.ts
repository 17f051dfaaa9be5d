import { createHash } from 'node:crypto';
import type { Disposition } from './records.js';

/**
 * Events Replyline puts on its bus (source `replyline`). Every detail carries a
 * `version`; addresses are always masked (`j***@example.org`); reasons are codes, never mail text.
 */
export interface MessageReceivedDetail {
  version: 1;
  threadRef: string;
  messageKey: string;
  disposition: Exclude<Disposition, 'quarantine'>;
  team: string;
  priority: string;
  category: string;
  acknowledge: boolean;
  customer: string;
  reasons: string[];
}

export interface AcknowledgementSentDetail {
  version: 1;
  threadRef: string;
  messageKey: string;
  language: string;
  firstReplyDue: string | undefined;
}

export interface MessageQuarantinedDetail {
  version: 1;
  receiptId: string;
  messageKey: string;
  sender: string;
  reasons: string[];
}

/** Common to `SLA Warning`, `SLA Breached` and `SLA Recovered`. */
export interface SlaEventDetail {
  version: 1;
  threadRef: string;
  team: string;
  priority: string;
  category: string;
  /** At most 80 characters of the subject, single line. */
  subject: string;
  /** Masked (`c***@example.com`) unless `alerts.includeCustomerAddress` is set. */
  customer: string;
  target: 'firstResponse' | 'nextReply';
  dueAt: string;
  /** Minutes past the due time when the event was raised (negative: minutes left, for warnings). */
  minutesOverdue: number;
  /** `alerts.linkTemplate` with {ref} filled in, when configured. */
  link: string | undefined;
}

export interface AgentRepliedDetail {
  version: 1;
  threadRef: string;
  /** Agent id from the config, or a name/address as the help desk reports it. */
  agent?: string | undefined;
  repliedAt: string;
  /** Where the reply came from: our relay of an agent's mail, or an outside help desk. */
  via: 'mail-relay' | 'helpdesk';
}

export type DomainEvent =
  | { detailType: 'Message Received'; detail: MessageReceivedDetail }
  | { detailType: 'Acknowledgement Sent'; detail: AcknowledgementSentDetail }
  | { detailType: 'Message Quarantined'; detail: MessageQuarantinedDetail }
  | { detailType: 'Thread Routed'; detail: ThreadRoutedDetail }
  | { detailType: 'Agent Replied'; detail: AgentRepliedDetail }
  | { detailType: 'SLA Warning'; detail: SlaEventDetail }
  | { detailType: 'SLA Breached'; detail: SlaEventDetail }
  | { detailType: 'SLA Recovered'; detail: SlaEventDetail };

export interface ThreadRoutedDetail {
  version: 1;
  threadRef: string;
  messageKey: string;
  team: string;
  destination: 'mailbox' | 'webhook';
}

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
    case 'SLA Warning':
    case 'SLA Breached':
    case 'SLA Recovered':
      return `${event.detail.threadRef}\n${event.detail.target}\n${event.detail.dueAt}`;
  }
}
