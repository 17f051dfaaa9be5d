import { describe, expect, it } from 'vitest';
import { normalizeThreadRef, threadRefFor } from '../../lambdas/core/thread-ref.js';

describe('thread refs', () => {
  it('are short, upper case and free of look-alike letters', () => {
    for (let seed = 0; seed < 500; seed++) {
      expect(threadRefFor(`mail-${seed}`)).toMatch(/^RL-[0-9A-HJKMNP-TV-Z]{6}$/);
    }
  });

  it('are stable for a mail and change with the attempt number', () => {
    expect(threadRefFor('a@b')).toBe(threadRefFor('a@b'));
    expect(threadRefFor('a@b', 1)).not.toBe(threadRefFor('a@b', 0));
  });

  it('are read back as a person may retype them', () => {
    expect(normalizeThreadRef('Re: question [#rl-7k3f9q]')).toBe('RL-7K3F9Q');
    expect(normalizeThreadRef('RL-OOIL23')).toBe('RL-001123');
    expect(normalizeThreadRef('no ref here')).toBeUndefined();
    expect(normalizeThreadRef('RL-UUUUUU')).toBeUndefined();
  });
});
