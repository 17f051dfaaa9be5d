/** Letters of the scripts that separate words with spaces: a term's edges must not touch one. */
export const WORD_LETTER = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}';
/** A word as the term patterns see one: their edges are these letters and digits (see compileTerm in terms.ts). */
const WORD_RUN = new RegExp(`[${WORD_LETTER}\\p{N}]+`, 'gu');

/** Start positions of each word of a text, built once per text and only when a term asks. */
export class WordPositions {
  private byWord: Map<string, number[]> | undefined;
  private sortedWords: string[] | undefined;
  constructor(private readonly text: string) {}

  /** The distinct words of the text. */
  words(): Iterable<string> {
    return this.positions().keys();
  }

  private positions(): Map<string, number[]> {
    if (!this.byWord) {
      this.byWord = new Map();
      for (const match of this.text.matchAll(WORD_RUN)) {
        const list = this.byWord.get(match[0]);
        if (list) list.push(match.index);
        else this.byWord.set(match[0], [match.index]);
      }
    }
    return this.byWord;
  }

  /** Where this exact word starts. */
  at(word: string): readonly number[] {
    return this.positions().get(word) ?? [];
  }

  /** Ascending positions where the anchor's words start. */
  of(anchor: { words: string[]; prefixes: string[] }): number[] {
    this.positions();
    const lists: number[][] = [];
    for (const word of anchor.words) {
      const list = this.byWord!.get(word);
      if (list) lists.push(list);
    }
    if (anchor.prefixes.length > 0) {
      this.sortedWords ??= [...this.byWord!.keys()].sort();
      const sorted = this.sortedWords;
      for (const prefix of anchor.prefixes) {
        for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) lists.push(this.byWord!.get(sorted[i]!)!);
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
