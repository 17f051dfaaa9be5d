import { francAll } from 'franc';

/**
 * Which of our template languages a customer wrote in. Script evidence first
 * (it is certain where trigram statistics are not), franc for Latin text, and
 * a word check so that short texts never flip at random: "Thanks!" is English
 * or undecided, never Japanese. Pure: no I/O.
 */
export type DetectedLanguage = 'en' | 'zh' | 'ja';

export interface LanguageDecision {
  language: DetectedLanguage | undefined;
  reason: string;
  /** When the text was recognised as another language (franc's ISO 639-3 code, `kor`, or `other-script`). */
  foreign?: string;
}

/**
 * Latin-script languages franc may choose between. Only `eng` maps to one of
 * ours; the others are there so that Spanish or German mail is recognised as
 * "not English" (the caller then falls back to the address's language).
 */
const LATIN_CANDIDATES = ['eng', 'spa', 'fra', 'deu', 'por', 'ita', 'nld', 'swe', 'dan', 'nob', 'fin', 'pol', 'ces', 'ron', 'hun', 'tur', 'ind', 'vie', 'tgl'];
const FRANC_TO_OURS: Record<string, DetectedLanguage> = { eng: 'en', cmn: 'zh', jpn: 'ja' };

/** Below this many Latin letters franc is unreliable; we decide on common English words alone. */
const SHORT_LATIN_LETTERS = 40;
/** Text analysed (franc itself reads at most 2048 characters). */
const MAX_CHARS = 4000;

/**
 * Frequent English words (function words and everyday customer-service
 * vocabulary). Used as a sanity check next to franc, and alone for short texts.
 */
const ENGLISH_WORDS = new Set(
  (
    'a about after again all also am an and any are as at back be been before but by can cannot could did do does done dont ' +
    'for from get got had has have having he hello help her here hi his how i if im in into is it its ive just know like me ' +
    'more my need no not now of on one or our out please received same send sent she should since so some still thank thanks ' +
    'that the their them then there they this to today up us want was we were what when where which who why will with would ' +
    'yes yet you your dear regards order orders account refund refunds payment invoice delivery package shipping password ' +
    'login problem issue question price support service customer email mail reply team money cancel change update bill ' +
    'working broken wrong arrived purchase address problems assistance information details'
  ).split(' '),
);

const KANA = /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\uff66-\uff9d]/gu; // no ー (30fc) or ・ (30fb): Chinese uses them too
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const OTHER_LETTER = /(?![\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\p{L}/gu;

/**
 * Characters common in one written language and absent (or rare) in the
 * other: simplified-only forms and Japanese shinjitai-only forms. They decide
 * Han-only text (a subject like 返金依頼 or 发票), where kana give no evidence.
 */
const SIMPLIFIED_ONLY = new Set('们这说对为请发货钱还么吗呢个时间问题谢给让现单购买实际运费账户码录设务报错误订价优纸质开见样态坏处该写东车长门关读语贵员过边从'.split(''));
/** Han-only words Japanese customers write and Chinese ones do not (Chinese says 退款, 订单, 取消…). */
const JAPANESE_WORDS = ['返金', '返品', '依頼', '注文', '解約', '領収書', '手続', '予約', '案内', '御社', '貴社', '弊社', '担当者', '不具合', '発送', '至急', '早急', '問合'];
const JAPANESE_ONLY = new Set('様円届払込売続変済険検読転楽営権県歳駅図広気発対応沢拡価縁弁鉄渋浜辺巻隣'.split(''));

export function detectLanguage(text: string): LanguageDecision {
  const sample = text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[^\s@<>]+@[^\s@<>]+/g, ' ')
    .replace(/\[#?[A-Z]{2}-[A-Z0-9]{4,}\]/g, ' ')
    .replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|tr|回复|回覆|答复|转发|転送)\s*[:：]\s*)+/gi, ' ');

  const kana = count(sample, KANA);
  const han = count(sample, HAN);
  const latin = count(sample, LATIN);
  const hangul = count(sample, HANGUL);
  const other = count(sample, OTHER_LETTER);
  const cjk = han + kana;
  const latinWords = (sample.match(/\p{Script=Latin}{2,}/gu) ?? []).length;

  if (cjk + latin + hangul + other === 0) return { language: undefined, reason: 'language: no letters to judge' };

  // CJK text dominates when it carries at least half as many units as the Latin words around it
  // (product names, order ids and "Hi" in an otherwise Chinese mail must not decide).
  if (cjk >= 2 && cjk * 2 >= latinWords && cjk >= hangul && cjk >= other / 2) {
    if (kana > 0 && (kana >= 2 || kana / cjk >= 0.05)) {
      return { language: 'ja', reason: `language ja: ${kana} kana among ${cjk} CJK characters` };
    }
    const zhOnly = countIn(sample, SIMPLIFIED_ONLY);
    const jaOnly = countIn(sample, JAPANESE_ONLY) + JAPANESE_WORDS.filter((word) => sample.includes(word)).length;
    if (jaOnly > zhOnly) {
      return { language: 'ja', reason: `language ja: no kana, but ${jaOnly} Japanese-only kanji or words (様, 届, 返金, 注文…) outweigh ${zhOnly} simplified Chinese characters` };
    }
    return { language: 'zh', reason: `language zh: ${han} Han characters without kana` };
  }
  if (hangul > latin && hangul >= 2) return { language: undefined, reason: 'language: Korean (Hangul) is not one of en, zh, ja', foreign: 'kor' };
  if (other > latin && other >= 2) return { language: undefined, reason: 'language: written in a script other than Latin, Han or kana', foreign: 'other-script' };
  if (latin === 0) return { language: undefined, reason: 'language: too little text to judge' };

  return decideLatin(sample, latin);
}

function decideLatin(sample: string, latinLetters: number): LanguageDecision {
  const words = (sample.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? []).filter((word) => /^\p{Script=Latin}+$/u.test(word));
  const english = words.filter((word) => ENGLISH_WORDS.has(word));
  const share = words.length === 0 ? 0 : english.length / words.length;

  if (latinLetters < SHORT_LATIN_LETTERS) {
    if (english.length >= 1 && share >= 0.3) {
      return { language: 'en', reason: `language en: short text with common English words (${quoteList(unique(english))})` };
    }
    return { language: undefined, reason: 'language: text too short to judge and no common English words' };
  }

  // Half the words common English settles it, whatever franc would rank first: its trigram work is skipped.
  if (share >= 0.5) return { language: 'en', reason: `language en: ${Math.round(share * 100)}% of words are common English` };
  const ranking = francAll(sample, { only: LATIN_CANDIDATES });
  const [best, bestScore] = ranking[0] ?? ['und', 0];
  const englishScore = ranking.find(([code]) => code === 'eng')?.[1] ?? 0;
  if (best === 'eng') return { language: 'en', reason: `language en: franc says eng (Latin script, ${Math.round(share * 100)}% common English words)` };
  // franc confuses English with its neighbours on terse text; many common English words settle it.
  if (englishScore >= 0.85 * (bestScore || 1) && share >= 0.3) {
    return { language: 'en', reason: `language en: franc prefers ${best} narrowly, but ${Math.round(share * 100)}% of words are common English` };
  }
  const mapped = FRANC_TO_OURS[best];
  if (mapped) return { language: mapped, reason: `language ${mapped}: franc says ${best}` };
  return { language: undefined, reason: `language: franc says ${best}, not one of en, zh, ja`, foreign: best };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function countIn(text: string, set: ReadonlySet<string>): number {
  let n = 0;
  for (const char of text) if (set.has(char)) n++;
  return n;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function quoteList(values: string[]): string {
  return values
    .slice(0, 4)
    .map((value) => `"${value}"`)
    .join(', ');
}
