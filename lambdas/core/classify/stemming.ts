/**
 * Matching on word stems, for languages whose words inflect (Rechnung/Rechnungen,
 * rembourser/remboursé). The text and every lexicon term go through the same
 * steps: each run of alphabetic letters becomes its stem with accents folded, all
 * other characters stay as they are, so the phrase patterns of terms.ts apply
 * unchanged and a match maps back to the words the customer wrote.
 */
export type Stemmer = (word: string) => string;

/** A run of letters of the alphabetic scripts (apostrophes and hyphens separate words). */
const WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}]+/gu;
const MARKS = /\p{M}/gu;

function foldAccents(word: string): string {
  return word.normalize('NFD').replace(MARKS, '');
}

function stemWord(word: string, stem: Stemmer): string {
  return foldAccents(stem(word.normalize('NFC')));
}

/** A word the stemmer never shortens, put before a compound's last part to stem that part as a compound ending. */
const COMPOUND_HEAD = 'zzzaz';

function compoundEndStem(word: string, stem: Stemmer): string {
  if (!/^[\p{L}\p{M}]+$/u.test(word)) return word.replace(WORD, (run) => stemWord(run, stem) || run);
  const stemmed = stemWord(`${COMPOUND_HEAD}${word}`, stem);
  return stemmed.startsWith(COMPOUND_HEAD) && stemmed.length > COMPOUND_HEAD.length ? stemmed.slice(COMPOUND_HEAD.length) : stemWord(word, stem);
}

interface StemmedText {
  text: string;
  /** The customer's words behind a span of `text` (for explanations). */
  original(start: number, end: number): string;
}

/** Stems every word of an already normalised (lowercased) text. */
export function stemText(normalized: string, stem: Stemmer): StemmedText {
  let text = '';
  // For each position of `text`: where the word (or character) there began and ended in `normalized`.
  const startAt: number[] = [];
  const endAt: number[] = [];
  let copied = 0;
  const copy = (until: number) => {
    for (let i = copied; i < until; i++) {
      startAt.push(i);
      endAt.push(i + 1);
    }
    text += normalized.slice(copied, until);
  };
  for (const match of normalized.matchAll(WORD)) {
    copy(match.index);
    const stemmed = stemWord(match[0], stem) || match[0];
    for (let i = 0; i < stemmed.length; i++) {
      startAt.push(match.index);
      endAt.push(match.index + match[0].length);
    }
    text += stemmed;
    copied = match.index + match[0].length;
  }
  copy(normalized.length);
  return {
    text,
    original: (start, end) => (end <= start ? '' : normalized.slice(startAt[start] ?? normalized.length, endAt[end - 1] ?? normalized.length)),
  };
}

/**
 * A lexicon term with each word stemmed, its syntax kept: `|` alternatives, `_` joins,
 * a leading or trailing `*`, a trailing `?`, `~` and `<num>` (see terms.ts).
 */
export function stemTerm(term: string, stem: Stemmer): string {
  return term
    .trim()
    .split(/\s+/)
    .map((token) => {
      if (token === '~' || token === '<num>') return token;
      const optional = token.length > 1 && token.endsWith('?');
      const body = optional ? token.slice(0, -1) : token;
      const alternatives = body.split('|').flatMap((alternative) => {
        const leading = alternative.startsWith('*') ? '*' : '';
        const trailing = alternative.length > 1 && alternative.endsWith('*') ? '*' : '';
        const words = alternative.slice(leading.length, alternative.length - trailing.length);
        const stemmed = words
          .toLowerCase()
          .split('_')
          .map((word) => word.replace(WORD, (run) => stemWord(run, stem) || run))
          .join('_');
        if (!leading) return [`${stemmed}${trailing}`];
        // The end of a compound stems as the compound does ("Stromrechnung" → "stromrechn", "Rechnung" → "rechnung"): both.
        const asCompoundEnd = compoundEndStem(words.toLowerCase(), stem);
        return [...new Set([stemmed, asCompoundEnd])].map((variant) => `*${variant}${trailing}`);
      });
      return `${alternatives.join('|')}${optional ? '?' : ''}`;
    })
    .join(' ');
}
