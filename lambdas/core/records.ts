import type { Language } from '../schemas/config.js';
import type { AttachmentInfo, MailAddress, RawMailLocation } from './mail.js';
import type { SideEffect } from '../ports/index.js';

/** Whose move it is on a thread. Only `awaiting-agent` owes a reply (and runs an SLA clock). */
export type ThreadStatus = 'awaiting-agent' | 'awaiting-customer' | 'closed';

export interface ThreadRecord {
  ref: string;
  status: ThreadStatus;
  customer: MailAddress;
  subject: string;
  /** The address the customer wrote to; acknowledgements and relays are sent from it. */
  serviceAddress: string;
  team: string;
  agent: string | undefined;
  language: Language;
  createdAt: Date;
  updatedAt: Date;
  lastInboundAt: Date;
  inboundCount: number;
  /** The customer's Message-ID of the mail that opened the thread. */
  rootMessageId: string | undefined;
  expiresAt: Date;
}

export type MessageDirection = 'in' | 'ack' | 'out' | 'agent' | 'note';

export interface MessageRecord {
  threadRef: string;
  dedupeKey: string;
  direction: MessageDirection;
  messageId: string | undefined;
  /** Sender address (kept in the table; never logged). */
  from: string;
  subject: string;
  at: Date;
  rawMail: RawMailLocation | undefined;
  sizeBytes: number;
  attachments: AttachmentInfo[];
  reasons: string[];
  expiresAt: Date;
}

/** The processing record of one inbound mail: which side effects are still owed. */
export interface InboundProcessing {
  dedupeKey: string;
  threadRef: string;
  receiptId: string;
  sender: string;
  pending: SideEffect[];
  createdAt: Date;
  expiresAt: Date;
}

export interface InboundRecord {
  thread: { kind: 'new'; record: ThreadRecord } | { kind: 'existing'; ref: string; at: Date };
  message: MessageRecord;
  processing: InboundProcessing;
}

export type RecordOutcome =
  | { kind: 'recorded' }
  | { kind: 'duplicate'; processing: InboundProcessing }
  /** The generated thread ref belongs to another thread already: try the next candidate. */
  | { kind: 'ref-taken' };
