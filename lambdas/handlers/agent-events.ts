import { z } from 'zod';
import { jsonBody, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { recordHelpdeskReply, type AgentEventDependencies } from '../core/agent-events.js';
import { createLogger } from '../adapters/logger.js';
import { createAgentEventDependencies } from '../adapters/agent-events-wiring.js';
import { agentRepliedDetail } from '../schemas/events.js';

const logger = createLogger('replyline-agent-events');

/** An EventBridge event as an EventBridge → SQS target delivers it (no input transformer): the whole event is the body. */
const agentRepliedEvent = z.object({ id: z.string().optional(), 'detail-type': z.literal('Agent Replied'), source: z.string(), detail: agentRepliedDetail });

/**
 * `Agent Replied` events from an outside help desk, through the agent-events queue (the bus rule
 * matches only the sources in `helpdesk.eventSources`). Each record is recorded on its own; one
 * that fails is reported as a partial batch failure, retried by SQS, then kept in the DLQ.
 */
export function createAgentEventsHandler(dependencies: () => AgentEventDependencies & { allowedSources: readonly string[] }) {
  return sqsRecordHandler(jsonBody(agentRepliedEvent), {
    name: 'agent-events',
    log: logger,
    dependencies,
    carries: 'a valid Agent Replied event',
    handle: async (event, deps) => {
      if (!deps.allowedSources.includes(event.source)) {
        // Only a changed rule lets such an event in; retrying cannot make it acceptable.
        logger.warn('Agent Replied from a source not in helpdesk.eventSources; ignored', { source: event.source, threadRef: event.detail.threadRef });
        return;
      }
      const outcome = await recordHelpdeskReply(event.detail, deps);
      logger.info('help desk reply recorded', { threadRef: event.detail.threadRef, outcome, source: event.source });
    },
  });
}

export const handler = createAgentEventsHandler(createAgentEventDependencies);
