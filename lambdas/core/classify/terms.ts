import { anchorIndex, candidateTerms } from './anchor-index.js';
import { WORD_LETTER, WordPositions } from './word-positions.js';
import { literalIndex, literalMatches } from './literal-matches.js';
import { findMisspellings } from './misspellings.js';
import { withSpellingVariants, type SpellingVariant } from './spelling-variants.js';
import { stemTerm, type Stemmer } from './stemming.js';
import type { CompiledTerm, Term, TermAnchor, TermMatch } from './term-types.js';

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
 * - a leading `*` lets an alternative begin anywhere in a word ("*rechnung" finds "stromrechnung");
 * Terms with Chinese, Japanese or Korean characters are plain substrings (no spaces between words there,
 * and Korean particles attach to the noun). Latin, Cyrillic and Greek words are words.
 *
 * Text is normalised with NFKC (full-width letters and half-width kana become
 * ordinary ones) and lowercased before matching.
 */

export type { CompiledTerm, Term, TermAnchor, TermMatch } from './term-types.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SEPARATOR = "[\\s\\-/]+";
const GAP = "(?:[\\s\\-/]+[\\p{L}\\p{N}'#$.]+){0,3}";
const NUMBER = '#?\\d[\\d-]{2,}';

export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'");
}

/**
 * `stem`: the language's stemmer (the text must then be stemmed alike, stemming.ts);
 * `spelling`: a twin spelling added to every term word (spelling-variants.ts).
 */
export function compileTerms<T>(terms: readonly Term<T>[], options: { stem?: Stemmer; spelling?: SpellingVariant } = {}): CompiledTerm<T>[] {
  const { stem, spelling } = options;
  return terms.map((entry) => {
    const spelt = spelling && !CJK.test(entry.term) ? withSpellingVariants(entry.term, spelling) : entry.term;
    const source = stem && !CJK.test(spelt) ? stemTerm(spelt, stem) : spelt;
    const pattern = termSource(source);
    const fuzzyWords = stem ? [] : fuzzyWordsOf(source);
    // A lexicon has thousands of terms and a mail meets a few dozen: each regex is built when its anchor first shows up.
    let global: RegExp | undefined;
    let sticky: RegExp | undefined;
    return {
      ...entry,
      fuzzyWords,
      anchor: anchorOf(source),
      get pattern() {
        return (global ??= new RegExp(pattern, 'gu'));
      },
      get sticky() {
        return (sticky ??= new RegExp(pattern, 'yu'));
      },
    };
  });
}

const LEADING_WORD_RUN = new RegExp(`^[${WORD_LETTER}\\p{N}]+`, 'u');

function anchorOf(term: string): TermAnchor | undefined {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized)) return { kind: 'literal', literal: normalized };
  const tokens = normalized.split(/\s+/);
  const first = tokens[0]!;
  if (first === '<num>') return undefined;
  const words: string[] = [];
  const prefixes: string[] = [];
  let exact = tokens.length === 1;
  for (const alternative of first.split('|')) {
    if (alternative.startsWith('*')) return undefined; // may begin inside any word: scan the whole text
    const prefix = alternative.endsWith('*');
    const body = (prefix ? alternative.slice(0, -1) : alternative).replaceAll('_', ' ');
    const run = LEADING_WORD_RUN.exec(body)?.[0];
    if (!run) return undefined; // starts with punctuation: no word to look for
    // Only a bare `stem*` may continue the word; anything else ends it (a separator, an apostrophe, the term's end).
    if (prefix && run === body) prefixes.push(run);
    else words.push(run);
    if (prefix || run !== alternative) exact = false;
  }
  return { kind: 'word', words, prefixes, exact };
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
  if (anchor.kind === 'literal') return; // all literals are found in one pass (literalMatches)
  if (anchor.exact) {
    for (const word of anchor.words) for (const start of words.at(word)) into.push({ term, text: word, start, end: start + word.length });
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
  return new RegExp(termSource(term), 'gu');
}

/** The regular expression of a term, as source (checked for syntax errors here, compiled when first needed). */
function termSource(term: string): string {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized)) return escapeRegex(normalized);
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
  // Word edges are letters of spaced scripts and digits only: "12315投诉" and "App一打开" still match.
  return `(?<![${WORD_LETTER}\\p{N}])${source}(?![${WORD_LETTER}\\p{N}])`;
}

function wordPattern(token: string, term: string): string {
  if (token === '<num>') return NUMBER;
  const alternatives = token.split('|').map((alternative) => {
    if (alternative.length === 0) throw new Error(`lexicon term "${term}": empty alternative`);
    const infix = alternative.length > 1 && alternative.startsWith('*');
    const prefix = alternative.length > 1 && alternative.endsWith('*');
    const body = escapeRegex(alternative.slice(infix ? 1 : 0, prefix ? -1 : undefined)).replaceAll('_', SEPARATOR);
    return `${infix ? "[\\p{L}']*" : ''}${body}${prefix ? "[\\p{L}']*" : ''}`;
  });
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/** Misspellings are only looked for on words this long: shorter ones collide with real words (order/older). */
const FUZZY_MIN_LENGTH = 6;

function fuzzyWordsOf(term: string): string[] {
  const normalized = normalizeForMatching(term.trim());
  if (CJK.test(normalized) || /\s/.test(normalized)) return [];
  return normalized.split('|').filter((word) => /^\p{Script=Latin}+\*?$/u.test(word) && word.replace('*', '').length >= FUZZY_MIN_LENGTH);
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
interface FindOptions {
  fuzzy?: boolean;
  /** A correctly spelt word is never read as a typo of another one ("shopping" is not "shipping"). */
  isRealWord?: (word: string) => boolean;
}

export function findTerms<T>(normalizedText: string, terms: readonly CompiledTerm<T>[], options: FindOptions = {}): TermMatch<T>[] {
  const found: TermMatch<T>[] = [];
  const words = new WordPositions(normalizedText);
  const literals = literalIndex(terms);
  for (const term of candidateTerms(terms, anchorIndex(terms), words.words())) matchesOf(term, normalizedText, words, found);
  if (literals.size > 0) literalMatches(normalizedText, literals, found);
  if (options.fuzzy) found.push(...findMisspellings(normalizedText, terms, found, options.isRealWord ?? (() => false)));
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
