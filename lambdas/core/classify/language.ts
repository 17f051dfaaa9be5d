import { francAll } from 'franc';
import type { Reason } from '../../schemas/reasons.js';
import {
  BULGARIAN_WORDS,
  FUNCTION_WORDS,
  ISO_639_1,
  JAPANESE_ONLY,
  JAPANESE_WORDS,
  NOT_RUSSIAN_LETTERS,
  RUSSIAN_ONLY_LETTERS,
  RUSSIAN_WORDS,
  SHARED_WITH_JAPANESE,
  SIMPLIFIED_ONLY,
  TRADITIONAL_ONLY,
} from './language-words.js';

/**
 * The language a customer wrote in, as an ISO 639-1 code, for any language, whether or not
 * we have a template for it. Script evidence first (it is certain where statistics are
 * not), function words for the Latin-script languages we answer in, franc for the rest,
 * and a floor of evidence so that short texts never flip at random: "Thanks!" is English
 * or undecided, never Japanese. Pure: no I/O.
 */
interface LanguageDecision {
  /** ISO 639-1 (`en`, `zh`, `sv`…), or undefined when the text does not tell. */
  language: string | undefined;
  /** For Chinese: the script it is written in (the acknowledgement follows it). */
  script?: 'Hans' | 'Hant';
  reason: Reason;
}

/** Below this many letters a Latin-script text is decided on function words alone. */
const SHORT_LATIN_LETTERS = 40;
/** Text analysed (franc itself reads at most 2048 characters). */
const MAX_CHARS = 4000;
/** Share of a text's words that must be function words of one language to decide on them alone. */
const FUNCTION_WORD_SHARE = 0.2;

type LatinCandidate = keyof typeof FUNCTION_WORDS;
const LATIN_CANDIDATES = Object.keys(FUNCTION_WORDS) as LatinCandidate[];
/** Latin-script languages franc may choose between when function words do not settle it. */
const FRANC_LATIN = ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'swe', 'dan', 'nob', 'fin', 'pol', 'ces', 'slk', 'ron', 'hun', 'tur', 'ind', 'vie', 'tgl', 'cat', 'hrv', 'slv', 'lit', 'lvs', 'est', 'afr'];
const FRANC_CYRILLIC = ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz'];

const KANA = /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\uff66-\uff9d]/gu; // no ー (30fc) or ・ (30fb): Chinese uses them too
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const OTHER_LETTER = /(?![\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}])\p{L}/gu;

export function detectLanguage(text: string): LanguageDecision {
  const sample = text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[^\s@<>]+@[^\s@<>]+/g, ' ')
    .replace(/\[#?[A-Z]{2}-[A-Z0-9]{4,}\]/g, ' ')
    .replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rv|res|enc|antw|r|i|回复|回覆|答复|转发|轉寄|転送|회신|답장|전달|ответ|отв|пересл)\s*[:：]\s*)+/giu, ' ');

  const kana = count(sample, KANA);
  const han = count(sample, HAN);
  const latin = count(sample, LATIN);
  const hangul = count(sample, HANGUL);
  const cyrillic = count(sample, CYRILLIC);
  const other = count(sample, OTHER_LETTER);
  const cjk = han + kana;
  const latinWords = (sample.match(/\p{Script=Latin}{2,}/gu) ?? []).length;

  if (cjk + latin + hangul + cyrillic + other === 0) return { language: undefined, reason: { code: 'language', detail: 'no letters to judge' } };

  // A script dominates when it carries at least half as many units as the Latin words around it
  // (product names, order ids and "Hi" in an otherwise Chinese mail must not decide).
  if (hangul >= 2 && hangul * 2 >= latinWords && hangul >= cjk && hangul >= cyrillic) {
    return { language: 'ko', reason: { code: 'language', detail: `ko, ${hangul} Hangul letters` } };
  }
  if (cjk >= 2 && cjk * 2 >= latinWords && cjk >= cyrillic && cjk >= other / 2) return decideCjk(sample, kana, han);
  if (cyrillic >= 2 && cyrillic >= latin) return decideCyrillic(sample);
  if (other >= 2 && other > latin) return decideByFranc(sample, undefined, 'its script');
  if (latin === 0) return { language: undefined, reason: { code: 'language', detail: 'too little text to judge' } };
  return decideLatin(sample, latin);
}

function decideCjk(sample: string, kana: number, han: number): LanguageDecision {
  const cjk = han + kana;
  if (kana > 0 && (kana >= 2 || kana / cjk >= 0.05)) return { language: 'ja', reason: { code: 'language', detail: `ja, ${kana} kana among ${cjk} CJK characters` } };
  const simplified = countIn(sample, SIMPLIFIED_ONLY);
  const traditional = countIn(sample, TRADITIONAL_ONLY);
  const chinese = simplified + traditional - countIn(sample, SHARED_WITH_JAPANESE);
  const japanese = countIn(sample, JAPANESE_ONLY) + JAPANESE_WORDS.filter((word) => sample.includes(word)).length;
  if (japanese > chinese) {
    return { language: 'ja', reason: { code: 'language', detail: `ja, no kana, but ${japanese} Japanese-only kanji or words (様, 届, 返金, 注文…) outweigh ${chinese} Chinese-only characters` } };
  }
  if (traditional > simplified) {
    return { language: 'zh', script: 'Hant', reason: { code: 'language', detail: `zh (Traditional), ${han} Han characters without kana, ${traditional} Traditional forms over ${simplified} simplified` } };
  }
  return { language: 'zh', script: 'Hans', reason: { code: 'language', detail: `zh, ${han} Han characters without kana` } };
}

function decideLatin(sample: string, latinLetters: number): LanguageDecision {
  const words = (sample.toLowerCase().replace(/['’]/g, ' ').match(/\p{L}+/gu) ?? []).filter((word) => /^\p{Script=Latin}+$/u.test(word));
  const ranked = LATIN_CANDIDATES.map((language) => {
    const hits = words.filter((word) => FUNCTION_WORDS[language].has(word));
    return { language, hits: hits.length, seen: [...new Set(hits)] };
  }).sort((a, b) => b.hits - a.hits);
  const [best, second] = [ranked[0]!, ranked[1]!];
  const share = words.length === 0 ? 0 : best.hits / words.length;
  const clear = best.hits > 0 && best.hits >= 1.5 * second.hits && best.hits > second.hits;
  const evidence = `(${best.hits} of ${words.length} words: ${quoteList(best.seen)})`;

  if (latinLetters < SHORT_LATIN_LETTERS) {
    if (clear && share >= 0.3) return { language: best.language, reason: { code: 'language', detail: `${best.language}, short text with common ${best.language} words ${evidence}` } };
    return { language: undefined, reason: { code: 'language', detail: 'text too short to judge and no clear common words' } };
  }
  if (clear && best.hits >= 2 && share >= FUNCTION_WORD_SHARE) return { language: best.language, reason: { code: 'language', detail: `${best.language}, function words ${evidence}` } };

  // Function words do not settle it: franc's letter statistics decide, checked against them.
  const ranking = francAll(sample, { only: FRANC_LATIN });
  const [code] = ranking[0] ?? ['und'];
  const franced = ISO_639_1[code];
  if (franced && (franced === best.language || !LATIN_CANDIDATES.includes(franced as LatinCandidate) || ranked.find((entry) => entry.language === franced)!.hits >= second.hits)) {
    return { language: franced, reason: { code: 'language', detail: `${franced}, franc says ${code} (function words: ${best.language} ${best.hits}, ${second.language} ${second.hits})` } };
  }
  if (best.hits >= 2) return { language: best.language, reason: { code: 'language', detail: `${best.language}, function words ${evidence}, franc's ${code} has fewer` } };
  return { language: undefined, reason: { code: 'language', detail: `undecided (franc says ${code}, too few function words)` } };
}

/**
 * Russian unless the text shows another Cyrillic language: Ukrainian, Belarusian, Serbian and
 * Macedonian letters Russian lacks, or Bulgarian function words. Letter statistics alone take
 * terse, noun-heavy Russian ("верните деньги куртка пришла порванная") for Bulgarian.
 */
function decideCyrillic(sample: string): LanguageDecision {
  const words = sample.toLowerCase().match(/\p{Script=Cyrillic}+/gu) ?? [];
  const russian = words.filter((word) => RUSSIAN_WORDS.has(word));
  const bulgarian = words.filter((word) => BULGARIAN_WORDS.has(word));
  if (NOT_RUSSIAN_LETTERS.test(sample) || bulgarian.length > russian.length) return decideByFranc(sample, FRANC_CYRILLIC, 'Cyrillic');
  if (RUSSIAN_ONLY_LETTERS.test(sample) || russian.length > 0) {
    return { language: 'ru', reason: { code: 'language', detail: `ru, Cyrillic with Russian words or letters (${russian.length} function words of ${words.length}: ${quoteList([...new Set(russian)])})` } };
  }
  const decided = decideByFranc(sample, FRANC_CYRILLIC, 'Cyrillic');
  return decided.language === 'uk' || decided.language === 'be' || decided.language === 'sr' || decided.language === 'mk' || decided.language === 'bg'
    ? { language: 'ru', reason: { code: 'language', detail: `ru, Cyrillic without the letters or words of another Cyrillic language (franc's guess ${decided.language} set aside)` } }
    : decided;
}

function decideByFranc(sample: string, only: string[] | undefined, script: string): LanguageDecision {
  const [code] = francAll(sample, { ...(only ? { only } : {}), minLength: 3 })[0] ?? ['und'];
  const language = ISO_639_1[code];
  if (language) return { language, reason: { code: 'language', detail: `${language}, ${script}, franc says ${code}` } };
  return { language: undefined, reason: { code: 'language', detail: `${script}, franc says ${code} (no two-letter code)` } };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function countIn(text: string, set: ReadonlySet<string>): number {
  let n = 0;
  for (const char of text) if (set.has(char)) n++;
  return n;
}

function quoteList(values: string[]): string {
  return values
    .slice(0, 4)
    .map((value) => `"${value}"`)
    .join(', ');
}
