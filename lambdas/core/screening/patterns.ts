/**
 * A case-insensitive pattern whose `\b` is a word boundary in every script
 * (JavaScript's own knows only ASCII letters). A `\b` before a letter or a group
 * opens a word, any other closes one; one lookaround each keeps the scan cheap.
 */
export function words(source: string, extraFlags = ''): RegExp {
  const bounded = source.replace(/\\b([\p{L}\p{N}(])?/gu, (_match, next?: string) => (next ? `${WORD_START}${next}` : WORD_END));
  return new RegExp(bounded.replaceAll(WITHIN_SENTENCE, WITHIN_SENTENCE_OR_DATE), `iu${extraFlags}`);
}

/** `[^.\n]` keeps a phrase within one sentence; a dot after a number ("bis 3. Mai", "1.7.") is a date, not a sentence end. */
const WITHIN_SENTENCE = '[^.\\n]';
const WITHIN_SENTENCE_OR_DATE = '(?:[^.\\n]|(?<=\\d)\\.)';

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

/** A literal phrase inside a pattern; a space matches any run of white space. */
export function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
