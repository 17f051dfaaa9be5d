import { describe, expect, it } from 'vitest';
import { itemBytes } from '../../bench/request-counter.js';

describe('the bench sizing an item as DynamoDB bills it', () => {
  it('counts attribute names and values in UTF-8 bytes', () => {
    expect(itemBytes({ PK: { S: 'thread-RL-1' }, subject: { S: 'Größe' } })).toBe(2 + 11 + 7 + 7);
  });

  it('counts numbers by significant digits, sets by members, lists and maps with their overhead', () => {
    expect(itemBytes({ n: { N: '1764835200' } })).toBe(1 + 6);
    expect(itemBytes({ s: { SS: ['ab', 'cd'] } })).toBe(1 + 4);
    expect(itemBytes({ l: { L: [{ S: 'ab' }, { BOOL: true }] } })).toBe(1 + 3 + (1 + 2) + (1 + 1));
    expect(itemBytes({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + (1 + 1 + 1));
  });

  it('puts a thread item with a long subject past one write unit', () => {
    expect(itemBytes({ PK: { S: 'thread-RL-1' }, subject: { S: 'x'.repeat(1100) } })).toBeGreaterThan(1024);
  });
});
