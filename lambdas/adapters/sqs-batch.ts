import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * An SQS event source's handler from one record's handling: each record on its own, a failed one
 * reported in batchItemFailures (SQS retries it, then its DLQ keeps it), never the whole batch.
 * A processor per invocation: it keeps per-batch state, and invocations may overlap (local pollers, tests).
 */
export function sqsBatchHandler(processRecord: (record: SQSRecord) => Promise<void>): (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse> {
  return (event, context) => processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false });
}
