import { describe, expect, it } from 'vitest';
import { threadItem, toThread, UnreadableItemError } from '../../lambdas/adapters/table-items.js';
import { awaitingThread } from '../support/thread-record.js';

// What the document client hands back: undefined attributes are not stored.
const stored = (item: Record<string, unknown>) => JSON.parse(JSON.stringify(item)) as Record<string, unknown>;

describe('thread items as the table stores them', () => {
  const now = new Date('2026-12-04T09:00:00Z');
  const clock = { target: 'firstResponse' as const, startedAt: now, dueAt: new Date('2026-12-04T13:00:00Z'), warnAt: new Date('2026-12-04T12:00:00Z'), warnedAt: undefined, breachedAt: undefined };

  it('read back as the thread that was written, absent attributes as undefined', () => {
    const thread = awaitingThread('RL-ABC123', clock, {}, now);
    expect(toThread(stored(threadItem(thread)))).toEqual(thread);
  });

  it('that are not threads are refused with the attribute at fault, never the address they hold', () => {
    const item = stored(threadItem(awaitingThread('RL-ABC123', clock, {}, now)));
    delete item.status;
    item.createdAt = 'yesterday';
    const read = () => toThread(item);
    expect(read).toThrow(UnreadableItemError);
    expect(read).toThrow(/status/);
    expect(read).toThrow(/createdAt/);
    expect(read).not.toThrow(/kim@customer\.example\.org/);
  });
});
