import type { CompiledTerm, TermMatch } from './term-types.js';

type LiteralIndex<T> = Map<string, Array<CompiledTerm<T> & { anchor: { kind: 'literal'; literal: string } }>>;
const literalIndexes = new WeakMap<readonly CompiledTerm<unknown>[], LiteralIndex<unknown>>();

/** The CJK terms (literals) by their first character, built once per term list. */
export function literalIndex<T>(terms: readonly CompiledTerm<T>[]): LiteralIndex<T> {
  let index = literalIndexes.get(terms) as LiteralIndex<T> | undefined;
  if (!index) {
    index = new Map();
    for (const term of terms) {
      if (term.anchor?.kind !== 'literal' || term.anchor.literal === '') continue;
      const first = term.anchor.literal[0]!;
      const list = index.get(first) ?? [];
      list.push(term as CompiledTerm<T> & { anchor: { kind: 'literal'; literal: string } });
      index.set(first, list);
    }
    literalIndexes.set(terms, index as LiteralIndex<unknown>);
  }
  return index;
}

/**
 * The matches of every literal term in one pass over the text (a Chinese lexicon has thousands:
 * searching the text once per term costs as many passes). Per term they do not overlap, left to right.
 */
export function literalMatches<T>(text: string, index: LiteralIndex<T>, into: TermMatch<T>[]): void {
  const free = new Map<CompiledTerm<T>, number>();
  for (let at = 0; at < text.length; at++) {
    const candidates = index.get(text[at]!);
    if (!candidates) continue;
    for (const term of candidates) {
      const { literal } = term.anchor;
      if ((free.get(term) ?? 0) > at || !text.startsWith(literal, at)) continue;
      into.push({ term, text: literal, start: at, end: at + literal.length });
      free.set(term, at + literal.length);
    }
  }
}
