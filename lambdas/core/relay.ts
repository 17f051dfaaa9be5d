import type { ReplylineConfig } from '../schemas/config.js';
import type { Agent } from './agents.js';
import { stripReplylineBlock } from './classify/quotes.js';
import type { InboundMail, RawMailLocation } from './mail.js';
import { LOOP_HEADER, ourMessageId } from './message-ids.js';
import type { OutgoingMail } from './outgoing.js';
import { trackingKeyFor } from './feedback.js';
import type { ThreadRecord } from './records.js';
import { plainValue } from './templates.js';

/**
 * An agent's answer as the customer receives it: from the address the customer
 * wrote to, under the agent's own name, threaded under the customer's original
 * mail, with the agent's attachments, and without our internal block.
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
  const teamName = config.teams[thread.team]?.name ?? '';
  const body = stripReplylineBlock(reply.text).text.trim();
  const firstName = agent.name.split(/\s+/)[0]!;
  // Sign with the agent's name unless they already did.
  const signed = body.slice(-300).includes(firstName) ? body : `${body}\n\n${agent.name}${teamName ? `\n${teamName}` : ''}`;
  const root = thread.rootMessageId;
  return {
    from: { address: thread.serviceAddress, name: plainValue(teamName ? `${agent.name} (${teamName})` : agent.name, 80) },
    to: [thread.customer],
    cc: thread.participants.map((address) => ({ address, name: '' })),
    replyTo: { address: input.threadAddress, name: plainValue(agent.name, 60) },
    subject: `Re: ${plainValue(thread.subject.replace(/\[#?RL-[0-9A-Z]{6}\]/gi, ' ').replace(/^((re|fw|fwd|aw|sv)\s*:\s*)+/i, ''), 150) || '(no subject)'} [#${thread.ref}]`,
    text: `${signed}\n`,
    messageId: ourMessageId('relay', thread.ref, input.dedupeKey, config.domain),
    trackingKey: trackingKeyFor(input.dedupeKey, 'relay'),
    inReplyTo: root,
    references: root ? [root] : [],
    headers: { [LOOP_HEADER]: input.instanceId },
    attachments: reply.attachments.some((attachment) => !attachment.inline) ? [{ kind: 'attachments-of', location: input.replyLocation }] : [],
  };
}
