/**
 * Spellings customers use on keyboards without their language's letters. The stemmers read
 * accented endings before accents are folded, so a word typed without them stems differently
 * ("devolução" → "devolu", "devolucao" → "devoluca"; "Kündigung" → "kundig", "Kuendigung" →
 * "kuendig"); listing the twin spelling of each term word, stemmed the same way as the
 * customer's word, makes both match.
 */
export type SpellingVariant = (word: string) => string;

const MARKS = /\p{M}/gu;

/** "não" → "nao", "devolución" → "devolucion", "riceverò" → "ricevero". */
export function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** "Rückerstattung" → "Rueckerstattung" (the bare vowel needs no twin: accents are folded after stemming). */
export function transcribeUmlauts(word: string): string {
  return word.normalize('NFC').replace(/[äöüÄÖÜ]/g, (umlaut) => UMLAUTS[umlaut]!);
}

/** Each `|` alternative of each word of a term gets its twin spelling; the term syntax is kept. */
export function withSpellingVariants(term: string, variant: SpellingVariant): string {
  return term
    .split(' ')
    .map((token) => {
      const optional = token.length > 1 && token.endsWith('?');
      const body = optional ? token.slice(0, -1) : token;
      const alternatives = body.split('|');
      const extra = alternatives.map(variant).filter((spelling) => !alternatives.includes(spelling));
      return `${[...alternatives, ...new Set(extra)].join('|')}${optional ? '?' : ''}`;
    })
    .join(' ');
}
