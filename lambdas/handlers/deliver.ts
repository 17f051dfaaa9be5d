import type { SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../adapters/sqs-batch.js';
import { deliverRoutedMail, PermanentDeliveryError } from '../core/deliver.js';
import { EffectBusyError } from '../core/effects.js';
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
  let deps: Dependencies | undefined;

  const processRecord = async (record: SQSRecord): Promise<void> => {
    try {
      deps ??= dependencies();
    } catch (error) {
      logger.error('deliver cannot start', { reason: describeError(error) });
      throw error;
    }
    let message;
    try {
      message = routingMessageSchema.parse(JSON.parse(record.body));
    } catch (error) {
      logger.error('team queue message is not a routing message', { sqsMessageId: record.messageId, reason: describeError(error) });
      throw error;
    }
    try {
      const result = await deliverRoutedMail(message, deps);
      logger.info('mail delivered', { threadRef: message.threadRef, team: message.team, destination: result.destination, outcome: result.outcome });
    } catch (error) {
      if (error instanceof PermanentDeliveryError) {
        await deps.deadLetters.send(record.body, error.reason);
        logger.error('delivery refused for good; moved to the dead-letter queue', { threadRef: message.threadRef, team: message.team, reason: error.reason });
        return;
      }
      const log = error instanceof EffectBusyError ? logger.info.bind(logger) : logger.error.bind(logger);
      log('delivery failed; it will be retried, then dead-lettered', { threadRef: message.threadRef, team: message.team, reason: describeError(error) });
      throw error;
    }
  };

  return sqsBatchHandler(processRecord);
}


export const handler = createDeliverHandler(createDeliverDependencies);
