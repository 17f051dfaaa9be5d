/** Events Replyline puts on its bus (source `replyline`). Details carry a `version` and never a full address. */
export interface MessageReceivedDetail {
  version: 1;
  threadRef: string;
  messageKey: string;
  team: string;
  newThread: boolean;
  acknowledge: boolean;
  customer: string;
  receivedAt: string;
}

export type DomainEvent = { detailType: 'Message Received'; detail: MessageReceivedDetail };

export const EVENT_SOURCE = 'replyline';
