/**
 * The small phrase language the lexicons are written in, and the matcher.
 *
 * Latin-script terms are matched as whole words, case-insensitively:
 * - words separated by spaces match any run of spaces, hyphens or slashes ("log in" ≈ "log-in");
 * - `a|b|c` are alternatives for one word; a trailing `*` makes an alternative a prefix ("refund*");
 *   `_` joins words inside an alternative ("does_not|doesn't");
 * - a word ending in `?` is optional ("my? order");
 * - `~` is a gap of up to three words ("cancel ~ order" matches "cancel my last order");
 * - `<num>` is a number such as an order id ("order <num>" matches "order #12345").
 * Terms with Chinese or Japanese characters are plain substrings (those scripts have no spaces).
 *
 * Text is normalised with NFKC (full-width letters and half-width kana become
 * ordinary ones) and lowercased before matching.
 */

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
  pattern: RegExp;
  /** Single-word alternatives of 6+ letters a misspelt word may be matched against (`stem*` prefixes end with `*`). */
  fuzzyWords: string[];
  /** Where in a text a match can start; undefined: anywhere (the whole text is scanned). */
  anchor: TermAnchor | undefined;
  /** `pattern`, tried at one position (an anchor) only. */
  sticky: RegExp;
}

/**
 * Where a match can start, so that a text is not scanned once per lexicon term: a
 * Latin term's match starts a word of the text (a run of Latin letters and digits)
 * equal to one of `words` or beginning with one of `prefixes`; a CJK term is a literal.
 */
type TermAnchor = { kind: 'word'; words: string[]; prefixes: string[] } | { kind: 'literal'; literal: string };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SEPARATOR = "[\\s\\-/]+";
const GAP = "(?:[\\s\\-/]+[\\p{L}\\p{N}'#$.]+){0,3}";
const NUMBER = '#?\\d[\\d-]{2,}';

export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'");
}

export function compileTerms<T>(terms: readonly Term<T>[]): CompiledTerm<T>[] {
  return terms.map((entry) => {
    const pattern = compileTerm(entry.term);
    return { ...entry, pattern, fuzzyWords: fuzzyWordsOf(entry.term), anchor: anchorOf(entry.term), sticky: new RegExp(pattern.source, 'yu') };
  });
}

/** A word as the term patterns see one: their edges are Latin letters and digits (see compileTerm). */
const WORD_RUN = /[\p{Script=Latin}\p{N}]+/gu;
const LEADING_WORD_RUN = /^[\p{Script=Latin}\p{N}]+/u;

function anchorOf(term: string): TermAnchor | undefined {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized)) return { kind: 'literal', literal: normalized };
  const first = normalized.split(/\s+/)[0]!;
  if (first === '<num>') return undefined;
  const words: string[] = [];
  const prefixes: string[] = [];
  for (const alternative of first.split('|')) {
    const prefix = alternative.endsWith('*');
    const body = (prefix ? alternative.slice(0, -1) : alternative).replaceAll('_', ' ');
    const run = LEADING_WORD_RUN.exec(body)?.[0];
    if (!run) return undefined; // starts with punctuation: no word to look for
    // Only a bare `stem*` may continue the word; anything else ends it (a separator, an apostrophe, the term's end).
    if (prefix && run === body) prefixes.push(run);
    else words.push(run);
  }
  return { kind: 'word', words, prefixes };
}

/** Start positions of each word of a text, built once per text and only when a term asks. */
class WordPositions {
  private byWord: Map<string, number[]> | undefined;
  private sortedWords: string[] | undefined;
  constructor(private readonly text: string) {}

  /** Ascending positions where the anchor's words start. */
  of(anchor: { words: string[]; prefixes: string[] }): number[] {
    if (!this.byWord) {
      this.byWord = new Map();
      for (const match of this.text.matchAll(WORD_RUN)) {
        const list = this.byWord.get(match[0]);
        if (list) list.push(match.index);
        else this.byWord.set(match[0], [match.index]);
      }
    }
    const lists: number[][] = [];
    for (const word of anchor.words) {
      const list = this.byWord.get(word);
      if (list) lists.push(list);
    }
    if (anchor.prefixes.length > 0) {
      this.sortedWords ??= [...this.byWord.keys()].sort();
      const sorted = this.sortedWords;
      for (const prefix of anchor.prefixes) {
        for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) lists.push(this.byWord.get(sorted[i]!)!);
      }
    }
    if (lists.length <= 1) return lists[0] ?? [];
    return mergeAscending(lists);
  }
}

/** The union of lists of positions, ascending, each once (a word can be listed both as itself and under a prefix). */
function mergeAscending(lists: readonly number[][]): number[] {
  const all: number[] = [];
  for (const list of lists) for (const position of list) all.push(position);
  all.sort((a, b) => a - b);
  let kept = 0;
  for (let index = 0; index < all.length; index++) if (index === 0 || all[index] !== all[index - 1]) all[kept++] = all[index]!;
  all.length = kept;
  return all;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The matches of one term, left to right and not overlapping (as `matchAll` finds
 * them), trying the pattern only where a match can start.
 */
function matchesOf<T>(term: CompiledTerm<T>, text: string, words: WordPositions, into: TermMatch<T>[]): void {
  const { anchor } = term;
  if (!anchor) {
    term.pattern.lastIndex = 0;
    for (const match of text.matchAll(term.pattern)) into.push({ term, text: match[0], start: match.index, end: match.index + match[0].length });
    return;
  }
  if (anchor.kind === 'literal') {
    for (let at = text.indexOf(anchor.literal); at >= 0; at = text.indexOf(anchor.literal, at + anchor.literal.length)) {
      into.push({ term, text: anchor.literal, start: at, end: at + anchor.literal.length });
    }
    return;
  }
  let free = 0;
  for (const start of words.of(anchor)) {
    if (start < free) continue;
    term.sticky.lastIndex = start;
    const match = term.sticky.exec(text);
    if (!match) continue;
    into.push({ term, text: match[0], start, end: start + match[0].length });
    free = start + match[0].length;
  }
}

export function compileTerm(term: string): RegExp {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized)) return new RegExp(escapeRegex(normalized), 'gu');
  const tokens = normalized.split(/\s+/);
  let source = '';
  tokens.forEach((token, index) => {
    if (token === '~') {
      if (index === 0 || index === tokens.length - 1) throw new Error(`lexicon term "${term}": "~" must stand between words`);
      source += GAP;
      return;
    }
    const optional = token.length > 1 && token.endsWith('?');
    const word = wordPattern(optional ? token.slice(0, -1) : token, term);
    if (index === 0) {
      if (optional) throw new Error(`lexicon term "${term}": the first word cannot be optional`);
      source = word;
    } else {
      source += optional ? `(?:${SEPARATOR}${word})?` : `${SEPARATOR}${word}`;
    }
  });
  // Word edges are Latin letters and digits only: "12315投诉" and "App一打开" still match.
  return new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${source}(?![\\p{Script=Latin}\\p{N}])`, 'gu');
}

function wordPattern(token: string, term: string): string {
  if (token === '<num>') return NUMBER;
  const alternatives = token.split('|').map((alternative) => {
    if (alternative.length === 0) throw new Error(`lexicon term "${term}": empty alternative`);
    const prefix = alternative.endsWith('*');
    const body = escapeRegex(prefix ? alternative.slice(0, -1) : alternative).replaceAll('_', SEPARATOR);
    return prefix ? `${body}[\\p{L}']*` : body;
  });
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/** Misspellings are only looked for on words this long: shorter ones collide with real words (order/older). */
const FUZZY_MIN_LENGTH = 6;

function fuzzyWordsOf(term: string): string[] {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized) || /\s/.test(normalized)) return [];
  return normalized.split('|').filter((word) => /^\p{L}+\*?$/u.test(word) && word.replace('*', '').length >= FUZZY_MIN_LENGTH);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All matches of all terms in `normalizedText`, after removing every match
 * that lies inside a longer one of at least the same weight ("not urgent"
 * hides "urgent", "不满意" hides "满意", "資料請求" hides "請求"; a loose phrase
 * never hides a stronger word inside it). Matches of equal or partly
 * overlapping spans all stay. Sorted by position. With `fuzzy`, words no term
 * matched are also tried as misspellings of single-word terms.
 */
export function findTerms<T>(normalizedText: string, terms: readonly CompiledTerm<T>[], options: { fuzzy?: boolean } = {}): TermMatch<T>[] {
  const found: TermMatch<T>[] = [];
  const words = new WordPositions(normalizedText);
  for (const term of terms) matchesOf(term, normalizedText, words, found);
  if (options.fuzzy) found.push(...findMisspellings(normalizedText, terms, found));
  return withoutHidden(found);
}

/**
 * Drops every match lying inside a strictly longer kept match of at least its weight.
 * Longest first; matches of one length never hide each other, so each length is checked
 * against the longer ones kept before it. A prefix-maximum tree per weight answers
 * "does a kept match starting at or before here reach this far?" in log time: a text
 * with thousands of matches (one short term repeated) stays linear-logarithmic.
 */
function withoutHidden<T>(found: TermMatch<T>[]): TermMatch<T>[] {
  if (found.length <= 1) return found;
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const weights = [...new Set(found.map((match) => match.term.weight))].sort((a, b) => a - b);
  // Positions in the trees are ranks of the distinct start offsets.
  const starts = [...new Set(found.map((match) => match.start))].sort((a, b) => a - b);
  const rank = new Map(starts.map((start, index) => [start, index]));
  // reach[w]: kept matches of weight ≥ weights[w], furthest end by start.
  const reach = weights.map(() => new PrefixMax(starts.length));
  const kept: TermMatch<T>[] = [];
  for (let first = 0; first < found.length; ) {
    const length = found[first]!.end - found[first]!.start;
    let next = first;
    const keptOfLength: TermMatch<T>[] = [];
    for (; next < found.length && found[next]!.end - found[next]!.start === length; next++) {
      const candidate = found[next]!;
      if (reach[weights.indexOf(candidate.term.weight)]!.upTo(rank.get(candidate.start)!) < candidate.end) keptOfLength.push(candidate);
    }
    for (const match of keptOfLength) {
      kept.push(match);
      const weight = weights.indexOf(match.term.weight);
      for (let w = 0; w <= weight; w++) reach[w]!.raise(rank.get(match.start)!, match.end);
    }
    first = next;
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Fenwick tree of maxima over positions 0…size-1 (values start at -1). */
class PrefixMax {
  private readonly tree: Int32Array;
  constructor(size: number) {
    this.tree = new Int32Array(size + 1).fill(-1);
  }
  raise(position: number, value: number): void {
    for (let i = position + 1; i < this.tree.length; i += i & -i) if (this.tree[i]! < value) this.tree[i] = value;
  }
  /** The largest value raised at any position ≤ `position`. */
  upTo(position: number): number {
    let best = -1;
    for (let i = Math.min(position + 1, this.tree.length - 1); i > 0; i -= i & -i) if (this.tree[i]! > best) best = this.tree[i]!;
    return best;
  }
}

/** Fuzzy scanning stops after this many characters (it is the slow part). */
const FUZZY_SCAN_CHARS = 5_000;

/**
 * Words of 6+ letters that no term matched exactly but that are one edit
 * (insertion, deletion, substitution or swap of neighbours) away from a
 * single-word lexicon term: "acount", "invoicw", "paymnet", "shippinh".
 * Customers mistype; the lexicons should not have to list every typo.
 */
function findMisspellings<T>(text: string, terms: readonly CompiledTerm<T>[], exact: readonly TermMatch<T>[]): TermMatch<T>[] {
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
    if (covered(start, start + word.length)) continue;
    let hits = cache.hits.get(word);
    if (!hits) {
      hits = [];
      for (const term of cache.fuzzyTerms) {
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
  hits: Map<string, Array<{ term: CompiledTerm<T>; word: string }>>;
}

const misspellingCaches = new WeakMap<readonly CompiledTerm<unknown>[], MisspellingCache<unknown>>();

function misspellingCache<T>(terms: readonly CompiledTerm<T>[]): MisspellingCache<T> {
  let cache = misspellingCaches.get(terms) as MisspellingCache<T> | undefined;
  if (!cache) {
    cache = { fuzzyTerms: terms.filter((term) => term.fuzzyWords.length > 0), hits: new Map() };
    misspellingCaches.set(terms, cache as MisspellingCache<unknown>);
  }
  return cache;
}

function oneEditAway(word: string, candidate: string): boolean {
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
