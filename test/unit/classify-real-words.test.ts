import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRealEnglishWord } from '../../lambdas/core/classify/real-words.js';
import { REAL_WORDS_FILE, realWordsModule } from '../../tools/dev/real-words.js';

describe('real-words.ts', () => {
  it('is what `npm run real-words` generates from the English lexicon (regenerate it after a lexicon change)', () => {
    expect(readFileSync(REAL_WORDS_FILE, 'utf8')).toBe(realWordsModule());
  });

  it('lists the correctly spelt words one typo away from a lexicon word, and not the typos', () => {
    for (const word of ['shopping', 'changed', 'broker', 'courier', 'account']) expect(isRealEnglishWord(word), word).toBe(true);
    for (const typo of ['shippinh', 'acount', 'recepit', 'chargde']) expect(isRealEnglishWord(typo), typo).toBe(false);
  });
});
