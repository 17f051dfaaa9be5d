import type { SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../adapters/sqs-batch.js';
import { applySendingFeedback } from '../core/feedback.js';
import { createLogger } from '../adapters/logger.js';
import { createFeedbackDependencies } from '../adapters/feedback-wiring.js';
import { parseFeedbackBody } from '../schemas/ses-feedback.js';

const logger = createLogger('replyline-feedback');

type Dependencies = ReturnType<typeof createFeedbackDependencies>;

/** SES sending events (via SNS → the feedback queue) → suppression list and sent-log. */
export function createFeedbackHandler(dependencies: () => Dependencies) {
  let deps: Dependencies | undefined;
  const processRecord = async (record: SQSRecord): Promise<void> => {
    deps ??= dependencies();
    let event;
    try {
      event = parseFeedbackBody(record.body);
    } catch (error) {
      logger.error('feedback queue message is not an SES sending event', { sqsMessageId: record.messageId, reason: (error as Error).message.slice(0, 300) });
      throw error;
    }
    const outcome = await applySendingFeedback(event, deps);
    if (outcome.kind === 'suppressed') logger.info('suppressed after SES feedback', { sesMessageId: event.mail.messageId, recipients: outcome.details });
  };
  return sqsBatchHandler(processRecord);
}

export const handler = createFeedbackHandler(createFeedbackDependencies);
