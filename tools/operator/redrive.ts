import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SendMessageBatchRequestEntry,
} from '@aws-sdk/client-sqs';
import { deadLetterQueueOf, errorName, OperatorError, queueNameOf, type OperatorTarget, type QueueRef } from './target.js';

/**
 * `replyline redrive`: moves dead-lettered messages back to their source queue after a
 * fix. Receive (batch of 10) → send to the source queue (body and message attributes,
 * minus our `reason`) → delete from the DLQ only the messages whose send succeeded.
 * A crash in between leaves a message in both queues: processed twice, which every
 * consumer tolerates (ingest and deliver are idempotent); never lost.
 * Works on local-aws-sqs too (no StartMessageMoveTask needed).
 */

/** Attributes deliver puts on a message it sent straight to the DLQ: they describe the failure, not the message. */
const DROPPED_ATTRIBUTES: readonly string[] = ['reason'];

/** How long a received message stays hidden from other readers while we move it; failures reappear after it. */
const VISIBILITY_SECONDS = 120;

interface RedriveFailure {
  messageId: string;
  reason: string;
}

interface QueueRedrive {
  queue: string;
  from: string;
  to: string;
  /** Messages in the DLQ when we started (approximate, as SQS reports it). */
  found: number;
  moved: number;
  /** Not moved: still in the DLQ. */
  failures: RedriveFailure[];
  /** Moved, but something is worth knowing (e.g. the DLQ copy could not be deleted). */
  warnings: RedriveFailure[];
}

type RedriveProgress = (update: { queue: string; moved: number; failed: number; total: number }) => void;

/** Pure: validates `--queue`; `all` (default) is every queue with a DLQ. */
export function selectQueues(target: Pick<OperatorTarget, 'inbound' | 'teams'>, queue: string | undefined): QueueRef[] {
  const choice = (queue ?? 'all').trim();
  if (choice === 'all') return [target.inbound, ...Object.values(target.teams)];
  if (choice === 'inbound') return [target.inbound];
  const team = target.teams[choice];
  if (!team) {
    const known = ['inbound', ...Object.keys(target.teams), 'all'];
    throw new OperatorError(`--queue must be one of ${known.join(', ')}; got "${choice}"`);
  }
  return [team];
}

/** Pure: the attributes to send again (our `reason` dropped; only the fields SendMessage accepts). */
export function attributesToKeep(attributes: Message['MessageAttributes']): Record<string, MessageAttributeValue> | undefined {
  const kept: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (DROPPED_ATTRIBUTES.includes(name) || !value.DataType) continue;
    kept[name] = {
      DataType: value.DataType,
      ...(value.StringValue !== undefined ? { StringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { BinaryValue: value.BinaryValue } : {}),
    };
  }
  return Object.keys(kept).length ? kept : undefined;
}

/** Pure: `[██████░░░░░░░░] 12/40` (the total may be an estimate: it never shows more than full). */
export function progressBar(done: number, total: number, width = 24): string {
  const shown = Math.max(total, done);
  const filled = shown === 0 ? width : Math.min(width, Math.round((done / shown) * width));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${shown}`;
}

export async function redrive(target: OperatorTarget, queues: QueueRef[], onProgress?: RedriveProgress): Promise<QueueRedrive[]> {
  const results: QueueRedrive[] = [];
  for (const queue of queues) results.push(await redriveQueue(target, queue, onProgress));
  return results;
}

async function redriveQueue(target: OperatorTarget, queue: QueueRef, onProgress?: RedriveProgress): Promise<QueueRedrive> {
  const { sqs } = target;
  const dlqUrl = await deadLetterQueueOf(sqs, queue);
  const counts = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  const found = Number(counts.Attributes?.ApproximateNumberOfMessages ?? 0);
  const result: QueueRedrive = { queue: queue.name, from: queueNameOf(dlqUrl), to: queueNameOf(queue.url), found, moved: 0, failures: [], warnings: [] };
  const report = () => onProgress?.({ queue: queue.name, moved: result.moved, failed: result.failures.length, total: found });
  report();
  // Messages we put back in this run: if one dead-letters again before we finish, it is left there (no endless loop).
  const sentIds = new Set<string>();
  for (;;) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: VISIBILITY_SECONDS,
        // Long polling asks every SQS server, so an empty answer means the queue is empty.
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = (received.Messages ?? []).filter((message) => message.MessageId && message.ReceiptHandle && message.Body !== undefined);
    if (messages.length === 0) break;
    const fresh = messages.filter((message) => !sentIds.has(message.MessageId!));
    if (fresh.length === 0) break; // only messages that failed again after our own redrive
    const sent = await sendBatch(target, queue.url, fresh);
    for (const [id, reason] of sent.failed) result.failures.push({ messageId: id, reason });
    for (const id of sent.newIds) sentIds.add(id);
    const toDelete = fresh.filter((message) => sent.succeeded.has(message.MessageId!));
    if (toDelete.length) {
      const deleted = await sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: dlqUrl, Entries: toDelete.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })) }),
      );
      result.moved += deleted.Successful?.length ?? 0;
      for (const failure of deleted.Failed ?? []) {
        const message = toDelete[Number(failure.Id)];
        // Already on the source queue: it will be processed; the DLQ copy would be processed again if redriven (harmless, idempotent).
        result.moved += 1;
        result.warnings.push({ messageId: message?.MessageId ?? failure.Id ?? '?', reason: `moved, but the DLQ copy was not deleted (${failure.Code ?? 'error'}: ${failure.Message ?? ''})` });
      }
    }
    report();
    if (sent.succeeded.size === 0) break; // the source queue refuses everything: stop rather than spin
  }
  return result;
}

async function sendBatch(target: OperatorTarget, queueUrl: string, messages: Message[]): Promise<{ succeeded: Set<string>; failed: [string, string][]; newIds: string[] }> {
  const entries: SendMessageBatchRequestEntry[] = messages.map((message, index) => ({
    Id: String(index),
    MessageBody: message.Body!,
    MessageAttributes: attributesToKeep(message.MessageAttributes),
  }));
  const succeeded = new Set<string>();
  const failed: [string, string][] = [];
  const newIds: string[] = [];
  try {
    const result = await target.sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    for (const entry of result.Successful ?? []) {
      succeeded.add(messages[Number(entry.Id)]!.MessageId!);
      if (entry.MessageId) newIds.push(entry.MessageId);
    }
    for (const entry of result.Failed ?? []) failed.push([messages[Number(entry.Id)]?.MessageId ?? entry.Id ?? '?', `${entry.Code ?? 'error'}: ${entry.Message ?? 'send failed'}`]);
  } catch (error) {
    // A batch over the size limit: send one by one instead.
    if (errorName(error) !== 'BatchRequestTooLong' && errorName(error) !== 'AWS.SimpleQueueService.BatchRequestTooLong') throw error;
    for (const [index, entry] of entries.entries()) {
      const original = messages[index]!;
      try {
        const result = await target.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: entry.MessageBody, MessageAttributes: entry.MessageAttributes }));
        succeeded.add(original.MessageId!);
        if (result.MessageId) newIds.push(result.MessageId);
      } catch (single) {
        failed.push([original.MessageId!, `${errorName(single) ?? 'error'}: ${(single as Error).message}`]);
      }
    }
  }
  return { succeeded, failed, newIds };
}

/** Pure: the summary lines printed after a redrive. */
export function formatRedrive(results: QueueRedrive[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.queue}: moved ${result.moved} message${result.moved === 1 ? '' : 's'} from ${result.from} to ${result.to}${result.failures.length ? `, ${result.failures.length} failed` : ''}`);
    for (const failure of result.failures) lines.push(`  not moved ${failure.messageId}: ${failure.reason}`);
    for (const warning of result.warnings) lines.push(`  note ${warning.messageId}: ${warning.reason}`);
  }
  const moved = results.reduce((sum, result) => sum + result.moved, 0);
  const failed = results.reduce((sum, result) => sum + result.failures.length, 0);
  if (results.length > 1) lines.push(`total: moved ${moved}${failed ? `, ${failed} failed` : ''}`);
  if (failed) lines.push('Messages that failed to move stay in their DLQ (visible again within 2 minutes); run redrive again.');
  return lines.join('\n');
}
