import type { ReplylineConfig } from '../schemas/config.js';
import type { FaqSuggestion } from './faq.js';
import type { InboundMail } from './mail.js';
import { LOOP_HEADER, ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import { trackingKeyFor } from './feedback.js';
import type { ThreadRecord } from './records.js';
import { senderNameFor, signatureFor, teamNameFor, type ServiceAddress } from './service-address.js';
import { greetableName, renderAcknowledgement, replySubject, wordingLanguage } from './templates.js';

interface AcknowledgementInput {
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
  const language = thread.replyLanguage;
  // A language added in the config brings its own text; the slots it fills ({{due}}…) are worded in English.
  const wording = wordingLanguage(language);
  const senderName = senderNameFor(service, config, language);
  const text = renderAcknowledgement(
    wording,
    {
      customerName: greetableName(thread.customer.name),
      ref: thread.ref,
      teamName: teamNameFor(service.team, config, language),
      signature: signatureFor(service, config, language),
      due: thread.firstReplyDue ? { at: thread.firstReplyDue, timeZone: input.timeZone, customerUtcOffsetMinutes: mail.dateUtcOffsetMinutes } : undefined,
      faq: input.faq.map(({ title, url }) => ({ title, url })),
      oversizedAttachmentsBytes: oversized,
    },
    config.acknowledgement.templates[language],
  );
  const inReplyTo = mail.messageId;
  return {
    from: { address: service.entry.address, name: senderName },
    to: [thread.customer],
    replyTo: { address: input.threadAddress, name: senderName },
    subject: replySubject(wording, mail.subject, thread.ref),
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
function oversizedAttachmentBytes(mail: InboundMail, limit: number): number | undefined {
  const total = mail.attachments.filter((attachment) => !attachment.inline).reduce((sum, attachment) => sum + attachment.sizeBytes, 0);
  return total > limit ? total : undefined;
}
