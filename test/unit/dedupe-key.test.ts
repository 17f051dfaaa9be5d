import { describe, expect, it } from 'vitest';
import { chooseDedupeKey, dedupeKeyFor, receiptDedupeKey } from '../../lambdas/core/message-ids.js';

describe('the dedupe key of an inbound mail (ingest records under it; replay finds that record by it)', () => {
  const byMessageId = dedupeKeyFor('m1@customer.example.org', 'r2');
  const jane = 'jane@customer.example.org';

  it('is the Message-ID key when nothing holds it yet, or the same receipt or the same sender does', () => {
    expect(chooseDedupeKey(byMessageId, undefined, 'r2', jane)).toBe(byMessageId);
    expect(chooseDedupeKey(byMessageId, { receiptId: 'r2', sender: 'someone@else.example' }, 'r2', jane)).toBe(byMessageId);
    expect(chooseDedupeKey(byMessageId, { receiptId: 'r1', sender: jane }, 'r2', jane)).toBe(byMessageId);
  });

  it("is the receipt key when another sender's mail holds the Message-ID", () => {
    expect(chooseDedupeKey(byMessageId, { receiptId: 'r1', sender: 'mallory@else.example' }, 'r2', jane)).toBe(receiptDedupeKey('r2'));
    expect(chooseDedupeKey(byMessageId, { receiptId: 'r1', sender: jane }, 'r2', undefined)).toBe('ses:r2');
  });
});
