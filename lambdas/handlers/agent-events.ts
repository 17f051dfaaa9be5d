import { z } from 'zod';
import { jsonBody, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { recordHelpdeskClose, recordHelpdeskReply, type AgentEventDependencies } from '../core/agent-events.js';
import { createLogger } from '../adapters/logger.js';
import { createAgentEventDependencies } from '../adapters/agent-events-wiring.js';
import { agentRepliedDetail, threadClosedDetail } from '../schemas/events.js';

const logger = createLogger('replyline-agent-events');

/** An EventBridge event as an EventBridge → SQS target delivers it (no input transformer): the whole event is the body. */
const helpdeskEvent = z.discriminatedUnion('detail-type', [
  z.object({ id: z.string().optional(), 'detail-type': z.literal('Agent Replied'), source: z.string(), detail: agentRepliedDetail }),
  z.object({ id: z.string().optional(), 'detail-type': z.literal('Thread Closed'), source: z.string(), detail: threadClosedDetail }),
]);

/**
 * `Agent Replied` and `Thread Closed` events from an outside help desk, through the agent-events
 * queue (the bus rule matches only the sources in `helpdesk.eventSources`). Each record is recorded
 * on its own; one that fails is reported as a partial batch failure, retried by SQS, then kept in the DLQ.
 */
export function createAgentEventsHandler(dependencies: () => AgentEventDependencies & { allowedSources: readonly string[] }) {
  return sqsRecordHandler(jsonBody(helpdeskEvent), {
    name: 'agent-events',
    log: logger,
    dependencies,
    carries: 'a valid Agent Replied or Thread Closed event',
    handle: async (event, deps) => {
      const fields = { detailType: event['detail-type'], source: event.source, threadRef: event.detail.threadRef };
      if (!deps.allowedSources.includes(event.source)) {
        // Only a changed rule lets such an event in; retrying cannot make it acceptable.
        logger.warn('help desk event from a source not in helpdesk.eventSources; ignored', fields);
        return;
      }
      const outcome = event['detail-type'] === 'Agent Replied' ? await recordHelpdeskReply(event.detail, deps) : await recordHelpdeskClose(event.detail, deps);
      logger.info('help desk event recorded', { ...fields, outcome });
    },
  });
}

export const handler = createAgentEventsHandler(createAgentEventDependencies);
