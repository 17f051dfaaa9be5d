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
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SEPARATOR = "[\\s\\-/]+";
const GAP = "(?:[\\s\\-/]+[\\p{L}\\p{N}'#$.]+){0,3}";
const NUMBER = '#?\\d[\\d-]{2,}';

export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'");
}

export function compileTerms<T>(terms: readonly Term<T>[]): CompiledTerm<T>[] {
  return terms.map((entry) => ({ ...entry, pattern: compileTerm(entry.term), fuzzyWords: fuzzyWordsOf(entry.term) }));
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
  for (const term of terms) {
    term.pattern.lastIndex = 0;
    for (const match of normalizedText.matchAll(term.pattern)) {
      const start = match.index ?? 0;
      found.push({ term, text: match[0], start, end: start + match[0].length });
    }
  }
  if (options.fuzzy) found.push(...findMisspellings(normalizedText, terms, found));
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TermMatch<T>[] = [];
  for (const candidate of found) {
    const hidden = kept.some(
      (longer) =>
        longer.end - longer.start > candidate.end - candidate.start &&
        longer.start <= candidate.start &&
        candidate.end <= longer.end &&
        longer.term.weight >= candidate.term.weight,
    );
    if (!hidden) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
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
  const covered = (start: number, end: number) => exact.some((match) => match.start <= start && end <= match.end);
  const out: TermMatch<T>[] = [];
  const cache = new Map<string, Array<{ term: CompiledTerm<T>; word: string }>>();
  for (const match of text.slice(0, FUZZY_SCAN_CHARS).matchAll(/\p{Script=Latin}{6,}/gu)) {
    const word = match[0];
    const start = match.index ?? 0;
    if (covered(start, start + word.length)) continue;
    let hits = cache.get(word);
    if (!hits) {
      hits = [];
      for (const term of terms) {
        const hit = term.fuzzyWords.find((candidate) => oneEditAway(word, candidate));
        if (hit) hits.push({ term, word: hit });
      }
      cache.set(word, hits);
    }
    // A typo that could be either of two different words ("acount": account or amount?) decides nothing.
    if (new Set(hits.map((hit) => hit.word)).size > 1) continue;
    for (const hit of hits) out.push({ term: hit.term, text: word, start, end: start + word.length, fuzzyOf: hit.word.replace('*', '') });
  }
  return out;
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
