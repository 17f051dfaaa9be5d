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

export type DomainEvent =
  | { detailType: 'Message Received'; detail: MessageReceivedDetail }
  | { detailType: 'Acknowledgement Sent'; detail: AcknowledgementSentDetail }
  | { detailType: 'Message Quarantined'; detail: MessageQuarantinedDetail };

export const EVENT_SOURCE = 'replyline';
