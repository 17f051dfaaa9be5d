import { randomUUID } from 'node:crypto';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface QueuePoller {
  stop(): Promise<void>;
}

/**
 * Plays Lambda's SQS event source mapping: long-polls the queue, invokes the
 * handler with a batch, deletes what succeeded and leaves reported failures to
 * reappear after the visibility timeout (and, past maxReceiveCount, in the DLQ).
 */
export function startQueuePoller(options: {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  region: string;
  handler: SqsHandler;
  batchSize?: number;
  onError?: (error: Error) => void;
}): QueuePoller {
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const messages = await receiveBatch(options.sqs, options.queueUrl, options.batchSize ?? 10);
        if (messages.length === 0) continue;
        await invoke(messages);
      } catch (error) {
        if (running) options.onError?.(error as Error);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  })();

  async function invoke(messages: Message[]): Promise<void> {
    const event: SQSEvent = { Records: messages.map((message) => toRecord(message, options.queueArn, options.region)) };
    let failed: Set<string>;
    try {
      const response = await options.handler(event);
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      // A crashed invocation fails the whole batch, as on Lambda.
      options.onError?.(error as Error);
      return;
    }
    const succeeded = messages.filter((message) => !failed.has(message.MessageId!));
    if (succeeded.length === 0) return;
    await options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: succeeded.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
      }),
    );
  }

  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * Real SQS ends a long poll as soon as any message is there; local-aws-sqs waits
 * until it can fill MaxNumberOfMessages. So: long-poll for one, then take what
 * else is already waiting, up to the batch size, without waiting.
 */
async function receiveBatch(sqs: SQSClient, queueUrl: string, batchSize: number): Promise<Message[]> {
  const receive = (max: number, wait: number) =>
    sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: wait, AttributeNames: ['All'], MessageAttributeNames: ['All'] }));
  const first = (await receive(1, 1)).Messages ?? [];
  if (first.length === 0 || batchSize === 1) return first;
  const rest = (await receive(Math.min(9, batchSize - 1), 0)).Messages ?? [];
  return [...first, ...rest];
}

/**
 * An SQS event of messages that never sat on a queue (the local runtime handing a function what its
 * queue lost in a restart), shaped as the event source mapping shapes one.
 */
export function sqsEventOf(bodies: string[], queueArn: string, region: string): SQSEvent {
  return { Records: bodies.map((body) => toRecord({ MessageId: randomUUID(), ReceiptHandle: `restored-${randomUUID()}`, Body: body }, queueArn, region)) };
}

function toRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}
