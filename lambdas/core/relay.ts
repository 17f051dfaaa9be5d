import type { Reason } from '../schemas/reasons.js';
import type { ReplylineConfig } from '../schemas/config.js';
import type { Agent } from './agents.js';
import { stripReplylineBlock } from './classify/quotes.js';
import type { AttachmentInfo, InboundMail, RawMailLocation } from './mail.js';
import { LOOP_HEADER, ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import { trackingKeyFor } from './feedback.js';
import type { ThreadRecord } from './records.js';
import { RELAY_REFUSED_REASON, relayAttachmentsTooLarge } from './message-size.js';
import type { TemplateLanguage } from '../schemas/languages.js';
import { teamNameFor } from './service-address.js';
import { plainValue, replySubject, withheldAttachmentsText, wordingLanguage } from './templates.js';

/**
 * An agent's answer as the customer receives it: from the address the customer
 * wrote to, under the agent's own name, threaded under the customer's original
 * mail, with the agent's attachments, and without our internal block. Attachments
 * that would make the relay larger than SES sends (see relayAttachmentsTooLarge)
 * are left out, and the customer is told the agent will share them another way;
 * the same happens if SES still refuses the relay as too large.
 */
export function composeRelay(input: {
  thread: ThreadRecord;
  reply: InboundMail;
  replyLocation: RawMailLocation;
  agent: Agent;
  config: ReplylineConfig;
  threadAddress: string;
  dedupeKey: string;
  instanceId: string;
}): OutgoingMail {
  const { thread, reply, agent, config } = input;
  const teamName = config.teams[thread.team] ? teamNameFor(thread.team, config, thread.replyLanguage) : '';
  const body = stripReplylineBlock(reply.text).text.trim();
  const firstName = agent.name.split(/\s+/)[0]!;
  // Sign with the agent's name unless they already did.
  const signed = body.slice(-300).includes(firstName) ? body : `${body}\n\n${agent.name}${teamName ? `\n${teamName}` : ''}`;
  const root = thread.rootMessageId;
  const attached = reply.attachments.filter((attachment) => !attachment.inline);
  const relay: OutgoingMail = {
    from: { address: thread.serviceAddress, name: plainValue(teamName ? `${agent.name} (${teamName})` : agent.name, 80) },
    to: [thread.customer],
    cc: thread.participants.map((address) => ({ address, name: '' })),
    replyTo: { address: input.threadAddress, name: plainValue(agent.name, 60) },
    subject: replySubject(wordingLanguage(thread.replyLanguage), thread.subject, thread.ref),
    text: `${signed}\n`,
    messageId: ourMessageId('relay', thread.ref, input.dedupeKey, config.domain),
    trackingKey: trackingKeyFor(input.dedupeKey, 'relay'),
    inReplyTo: root,
    references: root ? [root] : [],
    headers: { [LOOP_HEADER]: input.instanceId },
    attachments: [],
  };
  if (attached.length === 0) return relay;
  const withheld = (reason: Reason): OutgoingMail => ({
    ...relay,
    text: `${signed}\n\n${withheldAttachmentsNote(wordingLanguage(thread.replyLanguage), attached, plainValue(agent.name, 80))}\n`,
    reasons: [reason],
  });
  const tooLarge = relayAttachmentsTooLarge(relay.text, attached);
  if (tooLarge) return withheld(tooLarge);
  return { ...relay, attachments: [{ kind: 'attachments-of', location: input.replyLocation }], ifTooLarge: withheld(RELAY_REFUSED_REASON) };
}

/** The line telling the customer that the agent's attachments did not come with the mail, in the thread's language. */
export function withheldAttachmentsNote(language: TemplateLanguage, attachments: readonly AttachmentInfo[], agentName: string): string {
  const bytes = attachments.reduce((sum, attachment) => sum + attachment.sizeBytes, 0);
  return withheldAttachmentsText(language, attachments.length, bytes, agentName);
}
