import type { CompiledTerm } from './term-types.js';

/**
 * The word-anchored terms of a list by the words and prefixes their matches start with, built
 * once per list: a mail's distinct words then pick the few dozen terms worth trying, instead
 * of every one of a lexicon's thousands asking where its words are.
 */
interface AnchorIndex<T> {
  byWord: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  longestPrefix: number;
  /** Terms that can start anywhere (a leading `*` or `<num>`): always tried. */
  unanchored: number[];
}

const indexes = new WeakMap<readonly CompiledTerm<unknown>[], AnchorIndex<unknown>>();

export function anchorIndex<T>(terms: readonly CompiledTerm<T>[]): AnchorIndex<T> {
  let index = indexes.get(terms) as AnchorIndex<T> | undefined;
  if (index) return index;
  index = { byWord: new Map(), byPrefix: new Map(), longestPrefix: 0, unanchored: [] };
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  terms.forEach((term, position) => {
    const { anchor } = term;
    if (!anchor) index!.unanchored.push(position);
    else if (anchor.kind === 'word') {
      for (const word of anchor.words) add(index!.byWord, word, position);
      for (const prefix of anchor.prefixes) {
        add(index!.byPrefix, prefix, position);
        index!.longestPrefix = Math.max(index!.longestPrefix, prefix.length);
      }
    }
  });
  indexes.set(terms, index as AnchorIndex<unknown>);
  return index;
}

/** The word-anchored and unanchored terms that can match a text with these distinct words, in list order. */
export function candidateTerms<T>(terms: readonly CompiledTerm<T>[], index: AnchorIndex<T>, words: Iterable<string>): CompiledTerm<T>[] {
  const picked = new Set<number>(index.unanchored);
  for (const word of words) {
    for (const position of index.byWord.get(word) ?? []) picked.add(position);
    for (let length = 1; length <= Math.min(word.length, index.longestPrefix); length++) {
      for (const position of index.byPrefix.get(word.slice(0, length)) ?? []) picked.add(position);
    }
  }
  return [...picked].sort((a, b) => a - b).map((position) => terms[position]!);
}
