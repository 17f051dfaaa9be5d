import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, observeLogs, type LogEntry } from '../../lambdas/adapters/logger.js';
import { jsonBody, sqsRecordHandler } from '../../lambdas/adapters/sqs-batch.js';
import { sqsEvent } from '../support/sqs-events.js';

const SECRET_TEXT = 'my card number is 4111 1111 1111 1111';


describe('an SQS handler built by sqsRecordHandler', () => {
  let logs: LogEntry[];
  let stop: () => void;
  beforeEach(() => {
    logs = [];
    stop = observeLogs((entry) => logs.push(entry));
  });
  afterEach(() => stop());

  const note = z.object({ ref: z.string().regex(/^RL-/) });

  it('handles the good records of a batch and fails only the malformed ones, naming what is wrong without quoting the body', async () => {
    const handled: string[] = [];
    const handler = sqsRecordHandler(jsonBody(note), {
      name: 'notes',
      log: createLogger('notes'),
      dependencies: () => ({}),
      carries: 'a note',
      handle: async (message) => void handled.push(message.ref),
    });
    const response = await handler(sqsEvent('{"ref":"RL-1"}', `{"ref": "${SECRET_TEXT}"}`, SECRET_TEXT, '{"ref":"RL-2"}'));

    expect(handled).toEqual(['RL-1', 'RL-2']);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(['sqs-1', 'sqs-2']);
    const malformed = logs.filter((entry) => entry.fields.outcome === 'malformed');
    expect(malformed.map((entry) => [entry.message, entry.fields.problems])).toEqual([
      ['queue message is not a note; it will be retried, then dead-lettered', [expect.stringMatching(/^ref: /)]],
      ['queue message is not a note; it will be retried, then dead-lettered', ['the body is not JSON']],
    ]);
    expect(JSON.stringify(logs)).not.toContain('4111');
  });

  it('fails every record with what to fix when its dependencies cannot be built, and builds them again for the next batch', async () => {
    let attempts = 0;
    const handler = sqsRecordHandler(jsonBody(note), {
      name: 'notes',
      log: createLogger('notes'),
      dependencies: () => {
        attempts++;
        throw new Error('Replyline function environment is incomplete: TABLE_NAME');
      },
      carries: 'a note',
      handle: async () => undefined,
    });
    const response = await handler(sqsEvent('{"ref":"RL-1"}', '{"ref":"RL-2"}'));

    expect(response.batchItemFailures).toHaveLength(2);
    expect(logs.filter((entry) => entry.message === 'notes cannot start').map((entry) => entry.fields.reason)).toEqual([
      expect.stringContaining('TABLE_NAME'),
      expect.stringContaining('TABLE_NAME'),
    ]);
    expect(attempts).toBe(2);
  });
});
