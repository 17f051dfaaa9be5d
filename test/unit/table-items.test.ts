import { describe, expect, it } from 'vitest';
import { processingItem, threadItem, toProcessing, toThread, UnreadableItemError } from '../../lambdas/adapters/table-items.js';
import type { InboundProcessing } from '../../lambdas/core/records.js';
import { awaitingThread } from '../support/thread-record.js';

// What the document client hands back: undefined attributes are not stored.
const stored = (item: Record<string, unknown>) => JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
// The same, for a flat item whose string sets the document client hands back as sets.
const storedWithSets = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));

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

describe('processing items as the table stores them', () => {
  const processing: InboundProcessing = {
    dedupeKey: 'order-4711@customer.example.org',
    disposition: 'machine-mail',
    role: 'customer',
    threadRef: 'RL-ABC123',
    receiptId: 'receipt-1',
    sender: 'kim@customer.example.org',
    acknowledge: false,
    reasons: [
      { code: 'auto-submitted', detail: 'auto-replied' },
      { code: 'language', detail: 'en, function words "the", "my"' },
    ],
    pending: ['route', 'announce'],
    createdAt: new Date('2026-12-04T09:00:00Z'),
    expiresAt: new Date('2027-03-04T09:00:00Z'),
  };

  it('read back with their typed reasons', () => {
    expect(toProcessing(storedWithSets(processingItem(processing)))).toMatchObject({ reasons: processing.reasons, pending: ['route', 'announce'] });
  });

  it('written as text by an earlier version still read: a known code is kept, other text is an earlier-text reason', () => {
    const item = storedWithSets(processingItem(processing));
    item.reasons = ['auto-submitted: auto-replied', 'language en: function words "the", "my"', { code: 'retired-code', detail: 'gone' }];
    expect(toProcessing(item).reasons).toEqual([
      { code: 'auto-submitted', detail: 'auto-replied' },
      { code: 'earlier-text', detail: 'language en: function words "the", "my"' },
      { code: 'earlier-text', detail: 'retired-code: gone' },
    ]);
  });
});
