import { renderReason, type Reason } from '../schemas/reasons.js';
import type { ReplylineConfig } from '../schemas/config.js';
import type { RoutingMessage } from '../schemas/routing.js';
import type { InboundMail } from './mail.js';
import { LOOP_HEADER, ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import { trackingKeyFor } from './feedback.js';
import { ORIGINAL_REFUSED_REASON, placeOriginal } from './message-size.js';
import { formatBytes, formatDue, plainValue } from './templates.js';

/** Marks the block agents see on top of forwarded mail; stripped again from their replies. */
const BLOCK_START = '----- Replyline -----';
const BLOCK_END = '----- end Replyline -----';

/**
 * The customer's mail as the team mailbox receives it: a short block (ref,
 * customer, category, priority, reply due, history) above the customer's text,
 * the original mail attached whole (every part and attachment), and Reply-To the
 * thread address so the agent's answer goes back through Replyline. An original
 * too large to attach (see placeOriginal) is linked instead, with the reason in
 * the block; one SES still refuses as too large is then linked the same way.
 */
/** How the team's copy names what the mail was. */
const KIND_LABELS: Record<RoutingMessage['kind'], string> = {
  'new-thread': 'new thread',
  'follow-up': 'follow-up',
  unacknowledged: 'not acknowledged',
  'machine-mail': 'machine mail, not acknowledged',
};

export function composeForward(input: {
  message: RoutingMessage;
  mail: InboundMail;
  /** The team mailbox; mail for a named person goes to their own mailbox, with the team copied. */
  mailbox: string;
  config: ReplylineConfig;
  instanceId: string;
  timeZone: string;
}): OutgoingMail {
  const { message, mail, config } = input;
  const customerLabel = message.customer.name ? `${plainValue(message.customer.name, 80)} <${message.customer.address}>` : message.customer.address;
  const textWith = (linkedBecause: Reason | undefined) => {
    const block = [
      BLOCK_START,
      `Thread:    ${message.threadRef} (${KIND_LABELS[message.kind]}); reply to this mail to answer the customer`,
      `Customer:  ${customerLabel}`,
      `Category:  ${message.category}    Priority: ${message.priority}    Language: ${message.language}`,
      `Reply due: ${message.replyDue ? formatDue(new Date(message.replyDue), input.timeZone, 'en') : 'no promise running'}`,
      ...(message.unacknowledgedBecause ? [`No ack:    ${plainValue(message.unacknowledgedBecause, 400)}`, '           The customer was not answered automatically: if a person wrote this, please reply to them.'] : []),
      ...(message.history.length
        ? [`History:   ${message.history.map((entry) => `${entry.ref} "${plainValue(entry.subject, 40)}" (${entry.status}, ${entry.createdAt.slice(0, 10)})`).join('; ')}`]
        : ['History:   first contact']),
      ...(linkedBecause
        ? [`Original:  ${formatBytes(mail.sizeBytes)}, too large to attach; kept at s3://${message.rawMail.bucket}/${message.rawMail.key}`, `Why:       ${renderReason(linkedBecause)}`]
        : []),
      BLOCK_END,
    ].join('\n');
    return `${block}\n\n${mail.text}`;
  };
  const priorityTag = message.priority === 'urgent' || message.priority === 'high' ? `[${message.priority}] ` : '';
  const forward: OutgoingMail = {
    from: { address: message.serviceAddress, name: `${plainValue(message.customer.name || message.customer.address, 60)} via Replyline` },
    ...recipientsFor(message, input.mailbox, config),
    replyTo: { address: message.threadAddress, name: plainValue(message.customer.name || message.customer.address, 60) },
    subject: `${priorityTag}[${message.threadRef}] ${plainValue(mail.subject, 200) || '(no subject)'}`,
    text: textWith(undefined),
    messageId: ourMessageId('fwd', message.threadRef, message.messageKey, config.domain),
    trackingKey: trackingKeyFor(message.messageKey, 'deliver'),
    inReplyTo: mail.messageId,
    references: mail.messageId ? [...mail.references.filter((id) => id !== mail.messageId), mail.messageId] : [],
    headers: { [LOOP_HEADER]: input.instanceId, 'X-Replyline-Thread': message.threadRef },
    attachments: [],
  };
  const linked = (reason: Reason): OutgoingMail => ({ ...forward, text: textWith(reason), attachments: [], reasons: [reason] });
  const placement = placeOriginal(mail.sizeBytes, forward.text, config.acknowledgement.maxAttachmentBytes);
  if (!placement.attach) return linked(placement.reason);
  return {
    ...forward,
    attachments: [{ kind: 'original-message', location: message.rawMail, filename: `${message.threadRef}-original.eml` }],
    ifTooLarge: linked(ORIGINAL_REFUSED_REASON),
  };
}

function recipientsFor(message: RoutingMessage, teamMailbox: string, config: ReplylineConfig): Pick<OutgoingMail, 'to' | 'cc'> {
  const person = message.agent ? config.agents[message.agent] : undefined;
  const personal = person?.mailboxes[0];
  if (!personal || personal === teamMailbox) return { to: [{ address: teamMailbox, name: '' }] };
  return { to: [{ address: personal, name: person.name }], cc: [{ address: teamMailbox, name: '' }] };
}
