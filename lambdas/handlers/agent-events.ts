import type { SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../adapters/sqs-batch.js';
import { z } from 'zod';
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
  let deps: ReturnType<typeof dependencies> | undefined;
  const processRecord = async (record: SQSRecord): Promise<void> => {
    deps ??= dependencies();
    let parsed;
    try {
      parsed = agentRepliedEvent.parse(JSON.parse(record.body));
    } catch (error) {
      // Not the JSON parser's message: it quotes the text around the error.
      const problems = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) : ['the body is not JSON'];
      logger.error('not a valid Agent Replied event; it will be retried, then dead-lettered', { sqsMessageId: record.messageId, problems });
      throw new Error('invalid Agent Replied event');
    }
    if (!deps.allowedSources.includes(parsed.source)) {
      // Only a changed rule lets such an event in; retrying cannot make it acceptable.
      logger.warn('Agent Replied from a source not in helpdesk.eventSources; ignored', { source: parsed.source, threadRef: parsed.detail.threadRef });
      return;
    }
    const outcome = await recordHelpdeskReply(parsed.detail, deps);
    logger.info('help desk reply recorded', { threadRef: parsed.detail.threadRef, outcome, source: parsed.source });
  };
  return sqsBatchHandler(processRecord);
}

export const handler = createAgentEventsHandler(createAgentEventDependencies);
