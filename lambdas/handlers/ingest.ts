import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../adapters/sqs-batch.js';
import { EffectBusyError, ingestMail, reasonCodesOf, type IngestDependencies } from '../core/ingest.js';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createLogger, describeError } from '../adapters/logger.js';
import { createIngestDependencies } from '../adapters/ingest-wiring.js';
import { parseInboundQueueBody } from '../schemas/ses-notification.js';

const logger = createLogger('replyline-ingest');
const metrics = new Metrics({ serviceName: 'replyline-ingest', namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Replyline' });

/**
 * SQS `inbound` → core ingest. A record that fails is reported in
 * batchItemFailures: SQS retries it and, after maxReceiveCount, moves it to the DLQ.
 */
export function createIngestHandler(dependencies: () => IngestDependencies) {
  let deps: IngestDependencies | undefined;

  const processRecord = async (record: SQSRecord): Promise<void> => {
    try {
      deps ??= dependencies();
    } catch (error) {
      // A bad environment or config fails every record; the log says what to fix.
      logger.error('ingest cannot start', { reason: describeError(error) });
      throw error;
    }
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
    let message;
    try {
      message = parseInboundQueueBody(record.body);
    } catch (error) {
      logger.error('inbound queue message is not an SES receipt notification', { sqsMessageId: record.messageId, reason: describeError(error) });
      throw error;
    }
    if (message.kind === 'setup-notification') {
      logger.info('SES setup notification received; nothing to ingest', { sqsMessageId: record.messageId });
      return;
    }
    try {
      const result = await ingestMail(message.envelope, deps);
      metrics.addMetric('InboundMails', MetricUnit.Count, 1);
      // From SES receipt to our acknowledgement accepted by SES: the promise "answered within seconds".
      if (result.effectsDone.includes('acknowledge')) metrics.addMetric('AckLatencyMs', MetricUnit.Milliseconds, Date.now() - message.envelope.receivedAt.getTime());
      logger.info('mail ingested', {
        receiptId: message.envelope.receiptId,
        outcome: result.outcome,
        disposition: result.disposition,
        threadRef: result.threadRef,
        acknowledge: result.acknowledge,
        // Reason codes only: the detail after the colon can quote header values.
        reasons: reasonCodesOf(result.reasons),
        effectsDone: result.effectsDone,
      });
    } catch (error) {
      if (error instanceof EffectBusyError) {
        logger.info('another delivery of this mail is mid-way; retrying later', { receiptId: message.envelope.receiptId, effect: error.effect });
        throw error;
      }
      logger.error('mail could not be ingested; it will be retried, then dead-lettered', {
        receiptId: message.envelope.receiptId,
        receiveCount,
        reason: describeError(error),
      });
      throw error;
    }
  };

  const handleBatch = sqsBatchHandler(processRecord);
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    try {
      return await handleBatch(event, context);
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}


export const handler = createIngestHandler(createIngestDependencies);
