/** The types of the phrase matcher (terms.ts), apart so that its helpers can share them. */

export interface Term<T> {
  /** The phrase as written in the lexicon. */
  term: string;
  weight: number;
  /** Whatever the caller attaches: an intent name, a signal kind… */
  tag: T;
}

export interface TermMatch<T> {
  term: Term<T>;
  /** The matched text as found (normalised, lowercased). */
  text: string;
  start: number;
  end: number;
  /** Set when the match is a misspelling (one edit away) of this lexicon word. */
  fuzzyOf?: string;
}

export interface CompiledTerm<T> extends Term<T> {
  readonly pattern: RegExp;
  /** Single-word alternatives of 6+ letters a misspelt word may be matched against (`stem*` prefixes end with `*`). */
  fuzzyWords: string[];
  /** Where in a text a match can start; undefined: anywhere (the whole text is scanned). */
  anchor: TermAnchor | undefined;
  /** `pattern`, tried at one position (an anchor) only. */
  readonly sticky: RegExp;
}

/**
 * Where a match can start, so that a text is not scanned once per lexicon term: a
 * Latin term's match starts a word of the text (a run of Latin letters and digits)
 * equal to one of `words` or beginning with one of `prefixes`; a CJK term is a literal.
 */
export type TermAnchor =
  /** `exact`: the term is one of `words` and nothing more, so a word found is a match (no regex needed). */
  | { kind: 'word'; words: string[]; prefixes: string[]; exact: boolean }
  | { kind: 'literal'; literal: string };
