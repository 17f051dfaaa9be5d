import { jsonBody, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { deliverRoutedMail, PermanentDeliveryError } from '../core/deliver.js';
import { EffectBusyError } from '../core/effect-runner.js';
import { createLogger, describeError } from '../adapters/logger.js';
import { createDeliverDependencies } from '../adapters/deliver-wiring.js';
import { routingMessageSchema } from '../schemas/routing.js';

const logger = createLogger('replyline-deliver');

type Dependencies = ReturnType<typeof createDeliverDependencies>;

/**
 * A team queue → the team's mailbox or webhook. Failures are reported per record
 * (SQS retries, then the DLQ); a delivery the receiver refused for good is put on
 * the DLQ at once, with its reason, instead of being retried.
 */
export function createDeliverHandler(dependencies: () => Dependencies) {
  return sqsRecordHandler(jsonBody(routingMessageSchema), {
    name: 'deliver',
    log: logger,
    dependencies,
    carries: 'a routing message',
    handle: async (message, deps, record) => {
      const fields = { threadRef: message.threadRef, team: message.team };
      try {
        const result = await deliverRoutedMail(message, deps);
        logger.info('mail delivered', { ...fields, destination: result.destination, outcome: result.outcome });
      } catch (error) {
        if (error instanceof PermanentDeliveryError) {
          await deps.deadLetters.send(record.body, error.reason);
          logger.error('delivery refused for good; moved to the dead-letter queue', { ...fields, reason: error.reason });
          return;
        }
        const log = error instanceof EffectBusyError ? logger.info.bind(logger) : logger.error.bind(logger);
        log('delivery failed; it will be retried, then dead-lettered', { ...fields, reason: describeError(error) });
        throw error;
      }
    },
  });
}

export const handler = createDeliverHandler(createDeliverDependencies);
