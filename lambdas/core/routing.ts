import { renderReason } from '../schemas/reasons.js';
import type { RoutingMessage } from '../schemas/routing.js';
import type { InboundMail } from './mail.js';
import type { InboundProcessing, ThreadRecord } from './records.js';
import { plainValue } from './templates.js';
import { threadedOf } from './inbound-records.js';

/** The routing message for a recorded mail: what its team needs, with the customer's last five other threads. */
export function buildRoutingMessage(input: {
  processing: InboundProcessing;
  thread: ThreadRecord;
  mail: InboundMail;
  rawMail: RoutingMessage['rawMail'];
  receivedAt: Date;
  threadAddress: string;
  history: ThreadRecord[];
}): RoutingMessage {
  const { processing, thread, mail } = input;
  return {
    version: 1,
    messageKey: processing.dedupeKey,
    threadRef: thread.ref,
    kind: threadedOf(processing.disposition),
    team: thread.team,
    ...(thread.agent ? { agent: thread.agent } : {}),
    category: thread.category,
    priority: thread.priority,
    language: thread.language,
    subject: plainValue(mail.subject, 300),
    customer: { address: thread.customer.address, name: plainValue(thread.customer.name, 200) },
    serviceAddress: thread.serviceAddress,
    threadAddress: input.threadAddress,
    receivedAt: input.receivedAt.toISOString(),
    ...(thread.slaClock ? { replyDue: thread.slaClock.dueAt.toISOString() } : {}),
    rawMail: input.rawMail,
    attachments: mail.attachments.slice(0, 500),
    history: input.history
      .filter((other) => other.ref !== thread.ref)
      .slice(0, 5)
      .map((other) => ({ ref: other.ref, subject: plainValue(other.subject, 200), status: other.status, createdAt: other.createdAt.toISOString() })),
    ...(processing.unacknowledgedBecause ? { unacknowledgedBecause: processing.unacknowledgedBecause.slice(0, 600) } : {}),
    reasons: processing.reasons.slice(0, 40).map((reason) => renderReason(reason).slice(0, 300)),
  };
}
