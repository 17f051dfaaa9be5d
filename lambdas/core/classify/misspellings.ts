import type { CompiledTerm, TermMatch } from './term-types.js';

/** Fuzzy scanning stops after this many characters (it is the slow part). */
const FUZZY_SCAN_CHARS = 5_000;

/**
 * Words of 6+ letters that no term matched exactly but that are one edit
 * (insertion, deletion, substitution or swap of neighbours) away from a
 * single-word lexicon term: "acount", "invoicw", "paymnet", "shippinh".
 * Customers mistype; the lexicons should not have to list every typo.
 */
export function findMisspellings<T>(text: string, terms: readonly CompiledTerm<T>[], exact: readonly TermMatch<T>[], isRealWord: (word: string) => boolean): TermMatch<T>[] {
  // Furthest end of an exact match starting at or before each position of the scanned window.
  const scanned = Math.min(text.length, FUZZY_SCAN_CHARS);
  const reach = new Int32Array(scanned + 1).fill(-1);
  for (const match of exact) if (match.start <= scanned && reach[match.start]! < match.end) reach[match.start] = match.end;
  for (let i = 1; i <= scanned; i++) if (reach[i]! < reach[i - 1]!) reach[i] = reach[i - 1]!;
  const covered = (start: number, end: number) => reach[start]! >= end;
  const out: TermMatch<T>[] = [];
  const cache = misspellingCache(terms);
  for (const match of text.slice(0, FUZZY_SCAN_CHARS).matchAll(/\p{Script=Latin}{6,}/gu)) {
    const word = match[0];
    const start = match.index ?? 0;
    if (covered(start, start + word.length) || isRealWord(word)) continue;
    let hits = cache.hits.get(word);
    if (!hits) {
      hits = [];
      for (const term of candidateTerms(cache, word)) {
        const hit = term.fuzzyWords.find((candidate) => oneEditAway(word, candidate));
        if (hit) hits.push({ term, word: hit });
      }
      if (cache.hits.size >= MISSPELLING_CACHE_WORDS) cache.hits.clear();
      cache.hits.set(word, hits);
    }
    // A typo that could be either of two different words ("acount": account or amount?) decides nothing.
    if (new Set(hits.map((hit) => hit.word)).size > 1) continue;
    for (const hit of hits) out.push({ term: hit.term, text: word, start, end: start + word.length, fuzzyOf: hit.word.replace('*', '') });
  }
  return out;
}

/** Words looked up across mails (the same words recur); cleared when full, so memory stays bounded. */
const MISSPELLING_CACHE_WORDS = 20_000;

interface MisspellingCache<T> {
  /** The terms that have words to misspell, in lexicon order. */
  fuzzyTerms: CompiledTerm<T>[];
  /**
   * Indexes into fuzzyTerms by the first letter of their words, and by the last letter of their
   * whole words: one edit of a word of 6+ letters leaves its first or its last letter in place,
   * so a word is compared with a few dozen lexicon words, not with all of them. (A typo in the
   * first letter of a `stem*` is not looked for.)
   */
  byFirst: Map<string, number[]>;
  byLast: Map<string, number[]>;
  hits: Map<string, Array<{ term: CompiledTerm<T>; word: string }>>;
}

/** The fuzzy terms a word may be one edit away from, in lexicon order. */
function candidateTerms<T>(cache: MisspellingCache<T>, word: string): CompiledTerm<T>[] {
  const first = cache.byFirst.get(word[0]!) ?? [];
  const last = cache.byLast.get(word[word.length - 1]!) ?? [];
  const indexes = last.length === 0 ? first : [...new Set([...first, ...last])].sort((a, b) => a - b);
  return indexes.map((index) => cache.fuzzyTerms[index]!);
}

function indexBy(terms: readonly CompiledTerm<unknown>[], key: (word: string) => string | undefined): Map<string, number[]> {
  const index = new Map<string, number[]>();
  terms.forEach((term, position) => {
    for (const letter of new Set(term.fuzzyWords.map(key))) {
      if (letter === undefined) continue;
      const list = index.get(letter) ?? [];
      list.push(position);
      index.set(letter, list);
    }
  });
  return index;
}

const misspellingCaches = new WeakMap<readonly CompiledTerm<unknown>[], MisspellingCache<unknown>>();

function misspellingCache<T>(terms: readonly CompiledTerm<T>[]): MisspellingCache<T> {
  let cache = misspellingCaches.get(terms) as MisspellingCache<T> | undefined;
  if (!cache) {
    const fuzzyTerms = terms.filter((term) => term.fuzzyWords.length > 0);
    const byFirst = indexBy(fuzzyTerms, (word) => word[0]);
    const byLast = indexBy(fuzzyTerms, (word) => (word.endsWith('*') ? undefined : word[word.length - 1]));
    cache = { fuzzyTerms, byFirst, byLast, hits: new Map() };
    misspellingCaches.set(terms, cache as MisspellingCache<unknown>);
  }
  return cache;
}

/** Whether `word` is one typo away from a fuzzy lexicon word (`stem*` entries: from its stem). */
export function oneEditAway(word: string, candidate: string): boolean {
  if (candidate.endsWith('*')) {
    const stem = candidate.slice(0, -1);
    if (word.startsWith(stem)) return false; // an exact prefix match would have been found already
    for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
      if (length <= word.length && withinOneEdit(word.slice(0, length), stem)) return true;
    }
    return false;
  }
  return word !== candidate && withinOneEdit(word, candidate);
}

/** Optimal string alignment distance ≤ 1, in linear time. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
