import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { issueList } from '../schemas/validators.js';
import { describeError, type Log } from './logger.js';

/** A queue body read as its message, or what is wrong with it: paths and rules, never text from the body. */
type ParsedBody<Message> = { message: Message } | { problems: string[] };

/** A body parser that throws (JSON.parse, a zod schema's parse) as one that names the problems instead. */
export function parsedWith<Message>(parse: (body: string) => Message): (body: string) => ParsedBody<Message> {
  return (body) => {
    try {
      return { message: parse(body) };
    } catch (error) {
      return { problems: problemsOf(error) };
    }
  };
}

/** A body read as JSON and checked by `schema`. */
export function jsonBody<Schema extends z.ZodType>(schema: Schema): (body: string) => ParsedBody<z.output<Schema>> {
  return parsedWith((body) => schema.parse(JSON.parse(body)));
}

function problemsOf(error: unknown): string[] {
  if (error instanceof z.ZodError) return issueList(error, '(body)');
  // Not the JSON parser's message: it quotes the text around the error.
  if (error instanceof SyntaxError) return ['the body is not JSON'];
  return [describeError(error)];
}

/** Thrown for a record whose body is not the queue's message; the log names what is wrong with it. */
class MalformedRecordError extends Error {
  override name = 'MalformedRecordError';
}

/** What a handling may need of the record besides its message. */
interface RecordInfo {
  messageId: string;
  body: string;
  receiveCount: number;
}

interface SqsRecordHandling<Message, Dependencies> {
  /** The function's name in "… cannot start". */
  name: string;
  log: Log;
  /** Where a record's lines go once the dependencies are built, if not `log` (the local console tees it). */
  logFor?: (deps: Dependencies) => Log;
  /** Built on the first record, so a bad environment or config is logged with what to fix instead of crashing the init. */
  dependencies: () => Dependencies;
  /** What the queue carries, said in the log of a body that is not one ("… is not <this>"). */
  carries: string;
  handle: (message: Message, deps: Dependencies, record: RecordInfo) => Promise<void>;
  /** After each batch, whatever happened in it (metrics). */
  afterBatch?: () => void;
}

/**
 * An SQS event source's handler, one record at a time: its dependencies built once, its body
 * parsed by `parse`, then handled. A record that fails (no dependencies, a malformed body, a failed
 * handling) is reported in batchItemFailures, so SQS retries it and then its DLQ keeps it; the
 * rest of the batch is unaffected. A processor per invocation: it keeps per-batch state, and
 * invocations may overlap (local pollers, tests).
 */
export function sqsRecordHandler<Message, Dependencies>(
  parse: (body: string) => ParsedBody<Message>,
  handling: SqsRecordHandling<Message, Dependencies>,
): (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse> {
  const { log } = handling;
  let deps: Dependencies | undefined;
  const processRecord = async (record: SQSRecord): Promise<void> => {
    try {
      deps ??= handling.dependencies();
    } catch (error) {
      log.error(`${handling.name} cannot start`, { reason: describeError(error) });
      throw error;
    }
    const parsed = parse(record.body);
    if ('problems' in parsed) {
      (handling.logFor?.(deps) ?? log).error(`queue message is not ${handling.carries}; it will be retried, then dead-lettered`, { sqsMessageId: record.messageId, outcome: 'malformed', problems: parsed.problems });
      throw new MalformedRecordError(`not ${handling.carries}`);
    }
    await handling.handle(parsed.message, deps, { messageId: record.messageId, body: record.body, receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1) });
  };
  return async (event, context) => {
    try {
      return await processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false });
    } finally {
      handling.afterBatch?.();
    }
  };
}
