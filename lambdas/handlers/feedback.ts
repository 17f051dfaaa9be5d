import { parsedWith, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { applySendingFeedback } from '../core/feedback.js';
import { createLogger } from '../adapters/logger.js';
import { createFeedbackDependencies } from '../adapters/feedback-wiring.js';
import { parseFeedbackBody } from '../schemas/ses-feedback.js';

const logger = createLogger('replyline-feedback');

/** SES sending events (via SNS → the feedback queue) → suppression list and sent-log. */
export function createFeedbackHandler(dependencies: () => ReturnType<typeof createFeedbackDependencies>) {
  return sqsRecordHandler(parsedWith(parseFeedbackBody), {
    name: 'feedback',
    log: logger,
    dependencies,
    carries: 'an SES sending event',
    handle: async (event, deps) => {
      const outcome = await applySendingFeedback(event, deps);
      if (outcome.kind === 'suppressed') logger.info('suppressed after SES feedback', { sesMessageId: event.mail.messageId, recipients: outcome.details });
    },
  });
}

export const handler = createFeedbackHandler(createFeedbackDependencies);
