import type { EventBridgeEvent } from 'aws-lambda';
import { z } from 'zod';
import { recordHelpdeskReply, type AgentEventDependencies } from '../core/agent-events.js';
import { createLogger } from '../adapters/logger.js';
import { createAgentEventDependencies } from '../adapters/agent-events-wiring.js';
import { agentRepliedDetail } from '../schemas/events.js';

const logger = createLogger('replyline-agent-events');

const agentRepliedEvent = z.object({ 'detail-type': z.literal('Agent Replied'), source: z.string(), detail: agentRepliedDetail });

/**
 * EventBridge rule target for `Agent Replied` put on the bus by an outside help
 * desk (any source but `replyline`). A malformed event is rejected with its
 * reason; EventBridge retries, then the rule's DLQ keeps it.
 */
export function createAgentEventsHandler(dependencies: () => AgentEventDependencies) {
  let deps: AgentEventDependencies | undefined;
  return async (event: EventBridgeEvent<string, unknown>): Promise<{ outcome: string }> => {
    deps ??= dependencies();
    const parsed = agentRepliedEvent.safeParse(event);
    if (!parsed.success) {
      logger.error('not a valid Agent Replied event', { source: (event as { source?: string }).source, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
      throw new Error('invalid Agent Replied event');
    }
    const outcome = await recordHelpdeskReply(parsed.data.detail, deps);
    logger.info('help desk reply recorded', { threadRef: parsed.data.detail.threadRef, outcome, source: parsed.data.source });
    return { outcome };
  };
}

export const handler = createAgentEventsHandler(createAgentEventDependencies);
