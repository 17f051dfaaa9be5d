import { parsedWith, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { EffectBusyError } from '../core/effect-runner.js';
import { ingestMail, type IngestDependencies } from '../core/ingest.js';
import { reasonCodes } from '../schemas/reasons.js';
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
  return sqsRecordHandler(parsedWith(parseInboundQueueBody), {
    name: 'ingest',
    log: logger,
    dependencies,
    carries: 'an SES receipt notification',
    afterBatch: () => {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
    handle: async (message, deps, record) => {
      if (message.kind === 'setup-notification') {
        logger.info('SES setup notification received; nothing to ingest', { sqsMessageId: record.messageId });
        return;
      }
      const { envelope } = message;
      try {
        const result = await ingestMail(envelope, deps);
        metrics.addMetric('InboundMails', MetricUnit.Count, 1);
        // From SES receipt to our acknowledgement accepted by SES: the promise "answered within seconds".
        if (result.effectsDone.includes('acknowledge')) metrics.addMetric('AckLatencyMs', MetricUnit.Milliseconds, Date.now() - envelope.receivedAt.getTime());
        logger.info('mail ingested', {
          receiptId: envelope.receiptId,
          outcome: result.outcome,
          disposition: result.disposition,
          threadRef: result.threadRef,
          acknowledge: result.acknowledge,
          // Reason codes only: the detail after the colon can quote header values.
          reasons: reasonCodes(result.reasons),
          effectsDone: result.effectsDone,
        });
      } catch (error) {
        if (error instanceof EffectBusyError) logger.info('another delivery of this mail is mid-way; retrying later', { receiptId: envelope.receiptId, effect: error.effect });
        else logger.error('mail could not be ingested; it will be retried, then dead-lettered', { receiptId: envelope.receiptId, receiveCount: record.receiveCount, reason: describeError(error) });
        throw error;
      }
    },
  });
}

export const handler = createIngestHandler(createIngestDependencies);
