import type { ReplylineConfig } from '../schemas/config.js';
import type { InboundMail } from './mail.js';
import { ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import type { ThreadRecord } from './records.js';
import { senderNameFor, signatureFor, type ServiceAddress } from './service-address.js';

export const LOOP_HEADER = 'X-Replyline-Loop';

export interface AcknowledgementInput {
  mail: InboundMail;
  thread: ThreadRecord;
  service: ServiceAddress;
  dedupeKey: string;
  config: ReplylineConfig;
  instanceId: string;
}

/** The acknowledgement for a thread-opening mail, as values: same input, same mail (same Message-ID). */
export function composeAcknowledgement({ mail, thread, service, dedupeKey, config, instanceId }: AcknowledgementInput): OutgoingMail {
  const greetingName = singleLine(thread.customer.name) || 'there';
  const text = [
    `Hello ${greetingName},`,
    '',
    `Thank you for writing to ${config.teams[service.team]!.name}. Your message has arrived and a person on our team will answer it.`,
    `Your reference is ${thread.ref}; keep it in the subject if you write again.`,
    '',
    signatureFor(service, config),
  ].join('\n');
  const inReplyTo = mail.messageId;
  return {
    from: { address: service.entry.address, name: senderNameFor(service, config) },
    to: [thread.customer],
    replyTo: undefined,
    subject: `Re: ${truncate(singleLine(mail.subject) || '(no subject)', 150)} [#${thread.ref}]`,
    text,
    messageId: ourMessageId('ack', thread.ref, dedupeKey, config.domain),
    inReplyTo,
    references: inReplyTo ? [...mail.references.filter((id) => id !== inReplyTo), inReplyTo] : [],
    headers: {
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
      [LOOP_HEADER]: instanceId,
    },
  };
}

/** Collapses CR/LF and control characters so a value can never start a new header line. */
export function singleLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
