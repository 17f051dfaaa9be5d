import type { ReplylineConfig } from '../schemas/config.js';
import type { FaqSuggestion } from './faq.js';
import type { InboundMail } from './mail.js';
import { LOOP_HEADER, ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import { trackingKeyFor } from './feedback.js';
import type { ThreadRecord } from './records.js';
import { senderNameFor, signatureFor, type ServiceAddress } from './service-address.js';
import { greetableName, plainValue, renderAcknowledgement } from './templates.js';

export interface AcknowledgementInput {
  mail: InboundMail;
  thread: ThreadRecord;
  service: ServiceAddress;
  dedupeKey: string;
  config: ReplylineConfig;
  instanceId: string;
  /** The signed thread address: the customer's reply comes back to this thread. */
  threadAddress: string;
  /** Time zone the promised time is stated in (the team's business hours). */
  timeZone: string;
  faq: FaqSuggestion[];
}

/**
 * The acknowledgement for a thread-opening mail, as values: the same input gives
 * the same mail (same Message-ID), so a retry sends an identical message.
 */
export function composeAcknowledgement(input: AcknowledgementInput): OutgoingMail {
  const { mail, thread, service, config } = input;
  const oversized = oversizedAttachmentBytes(mail, config.acknowledgement.maxAttachmentBytes);
  const text = renderAcknowledgement(
    thread.language,
    {
      customerName: greetableName(thread.customer.name),
      ref: thread.ref,
      teamName: config.teams[service.team]!.name,
      signature: signatureFor(service, config),
      due: thread.firstReplyDue ? { at: thread.firstReplyDue, timeZone: input.timeZone } : undefined,
      faq: input.faq.map(({ title, url }) => ({ title, url })),
      oversizedAttachmentsBytes: oversized,
    },
    config.acknowledgement.templates[thread.language],
  );
  const inReplyTo = mail.messageId;
  return {
    from: { address: service.entry.address, name: senderNameFor(service, config) },
    to: [thread.customer],
    replyTo: { address: input.threadAddress, name: senderNameFor(service, config) },
    subject: `Re: ${echoedSubject(mail.subject)} [#${thread.ref}]`,
    text,
    messageId: ourMessageId('ack', thread.ref, input.dedupeKey, config.domain),
    trackingKey: trackingKeyFor(input.dedupeKey, 'acknowledge'),
    inReplyTo,
    references: inReplyTo ? [...mail.references.filter((id) => id !== inReplyTo), inReplyTo] : [],
    headers: {
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
      [LOOP_HEADER]: input.instanceId,
    },
  };
}

/** Total size of real (non-inline) attachments when it exceeds the limit; undefined when they fit. */
export function oversizedAttachmentBytes(mail: InboundMail, limit: number): number | undefined {
  const total = mail.attachments.filter((attachment) => !attachment.inline).reduce((sum, attachment) => sum + attachment.sizeBytes, 0);
  return total > limit ? total : undefined;
}

/** The customer's subject without reply prefixes or thread refs (a ref in it may name another thread). */
function echoedSubject(subject: string): string {
  const cleaned = plainValue(subject.replace(/\[#?RL-[0-9A-Z]{6}\]/gi, ' '), 150).replace(/^((re|fw|fwd|aw|sv)\s*:\s*)+/i, '').trim();
  return cleaned || '(no subject)';
}
