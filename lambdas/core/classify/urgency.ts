import { compileTerms, findTerms, normalizeForMatching, type CompiledTerm, type Term } from './terms.js';

/**
 * Urgency words and the tone of a mail, in English, Chinese and Japanese.
 * Pure; every finding names the words that caused it. The priority effects
 * are applied by classify.ts.
 */
export type Sentiment = 'negative' | 'neutral' | 'positive';

export type ToneKind =
  /** The customer needs it fast: "ASAP", "紧急", "至急". */
  | 'urgency'
  /** Explicitly not urgent ("no rush", "不急", "急ぎません"): hides the urgency word inside it. */
  | 'calm'
  /** Anger, disappointment, complaint wording. */
  | 'anger'
  /** Insults and swearing. */
  | 'insult'
  /** Lawyers, courts, consumer authorities. */
  | 'legal-threat'
  /** Going public: reviews, social media, the press. */
  | 'public-threat'
  /** Thanks and praise. */
  | 'positive'
  /** Typography: ALL CAPS shouting, "!!!". */
  | 'shouting';

export interface ToneSignal {
  kind: ToneKind;
  /** The words as found (or a description for typography, e.g. `all caps`). */
  text: string;
  weight: number;
}

export interface ToneAssessment {
  /** Urgency words found (not counting ones negated by "no rush" and the like). */
  urgency: ToneSignal[];
  sentiment: Sentiment;
  /** Signals behind a negative sentiment (anger, insults, threats, shouting). */
  negative: ToneSignal[];
  positive: ToneSignal[];
  /** Legal or public threats: the seeds of "then goes public". */
  threats: ToneSignal[];
  /** e.g. `tone negative: "ridiculous", all caps, "!!!"`; `urgency: "ASAP"`. */
  reasons: string[];
}

/** Negative weight from which a mail reads as negative. */
export const NEGATIVE_THRESHOLD = 2;
/** Positive weight (with at least one strong word) from which a mail reads as positive, if it outweighs negative signals twice. */
export const POSITIVE_THRESHOLD = 2;

type Weighted = Partial<Record<1 | 2 | 3, readonly string[]>>;

const LEXICON: Record<Exclude<ToneKind, 'shouting'>, Weighted> = {
  urgency: {
    2: [
      // English
      'urgent*', 'asap', 'as_soon_as_possible|as_soon_as_you_can', 'immediately', 'right_away|right_now|at_once', 'emergency', 'time_sensitive|time-critical',
      'high|top priority', 'without delay', 'by|before|until ~ today|tonight|tomorrow|eod', 'by end_of|close_of ~ day|business', 'need|needed ~ today|tonight',
      'production|system|site|website|service|everything ~ is? down', 'critical',
      // Chinese
      '紧急', '加急', '尽快', '马上', '立刻', '立即', '赶紧', '赶快', '着急', '急需', '急用', '很急', '非常急', '十万火急', '火速', '今天之内', '今天内', '今天必须', '刻不容缓', '越快越好', '急急',
      // Japanese
      '至急', '大至急', '緊急', '急ぎ', '早急', 'すぐに', '直ちに', '今すぐ', '本日中', '今日中', '大急ぎ', '急いで', '急を要', '一刻も早く', '早めに',
    ],
  },
  calm: {
    3: [
      'not urgent*', 'non-urgent', "isn't|isnt|is_not|not_that|not_very|not_super urgent*", 'no rush|hurry|urgency', 'not in_a hurry|rush', 'whenever you can', 'when you get a_chance',
      'not an emergency', 'not critical', 'no need to hurry|rush',
      '不急', '不着急', '不用着急', '不用急', '不紧急', '不是很急', '并不着急', '不赶时间',
      '急ぎません', '急ぎではあり', '急ぎではな', '急ぎの用ではな', '緊急ではな', '至急ではな', 'お急ぎでなければ', 'ご都合の良い時',
    ],
  },
  anger: {
    3: ['unacceptable', 'disgrace*', 'outrage*', 'furious', 'livid', 'appalling', 'sick_and_tired', 'fed up', 'third|3rd|fourth|fifth time', 'never again', '忍无可忍', '气死', '太过分', '許せない', 'ふざけるな', 'ふざけんな', 'いい加減にして', '激怒'],
    2: [
      'ridiculous', 'disgusting', 'angry', 'terrible', 'horrible', 'awful', 'worst', 'shameful',
      "no_one|nobody|noone ~ replied|answered|responded|got_back|replies|answers|responds", 'ignored|ignoring', 'again and again', 'not happy|satisfied', 'dissatisfied', 'unhappy',
      '太差', '差劲', '愤怒', '生气', '恶心', '过分', '不满意', '没人回复', '没人理', '一直没有回复', '还没回复', '再也不', '第三次', '无语', '什么破', '破东西',
      '最悪', '腹が立', '腹立たしい', 'ひどい', '酷い', 'ありえない', 'あり得ない', '不愉快', '二度と', '返事がない', '返信がない', '連絡がない', '返信もない', '返事もない', '金返せ', '責任者を出せ',
    ],
    1: ['still waiting', "still no|not|haven't|havent ~ reply|response|answer|received|heard", 'disappoint*', 'frustrat*', 'upset', 'annoyed', 'complain*', 'complaint', 'poor service', 'unfortunately', '失望', '不满', '投诉', '催了', '烂', 'がっかり', '不満', '残念', '苦情', 'クレーム', '何度も', '失望しました'],
  },
  insult: {
    2: [
      'idiot*', 'stupid', 'moron*', 'incompetent', 'useless', 'pathetic', 'scam*', 'fraud*', 'crook*', 'thief|thieves', 'liar|liars', 'rip_off|ripoff|ripped_off', 'crap|crappy', 'shit*', 'fuck*',
      'wtf', 'bullshit', 'garbage|trash|rubbish', 'joke',
      '垃圾', '骗子', '骗人', '坑人', '欺诈', '无良', '傻', '废物', '混蛋',
      '詐欺', 'バカ', '馬鹿', 'ゴミ', 'クソ', 'くそ', 'ぼったくり',
    ],
    1: ['damn|damned|goddamn|bloody'],
  },
  'legal-threat': {
    3: [
      'lawyer*', 'attorney*', 'lawsuit', 'sue|suing', 'legal action|steps|proceedings', 'court', 'small claims', 'consumer protection|rights', 'trading standards', 'ombudsman', 'better business bureau', 'bbb',
      'report ~ you|this ~ to ~ authorities|police|regulator', 'chargeback',
      '律师', '起诉', '法院', '12315', '消协', '消费者协会', '工商局', '市场监管', '维权', '报警',
      '弁護士', '訴え', '訴訟', '法的措置', '消費者センター', '消費生活センター', '国民生活センター', '警察',
    ],
  },
  'public-threat': {
    3: [
      'going|go public', 'social media', 'twitter|tweet', 'trustpilot', 'reddit', 'the press', 'journalist*', 'newspaper*', 'tell|warn ~ everyone|everybody|others|friends',
      'bad|negative|terrible|awful|honest review*', '1_star|one_star', 'review sites',
      '差评', '曝光', '媒体', '发到网上', '发微博', '朋友圈',
      '口コミ', 'snsに', 'snsで', 'ネットに書', 'ネットに晒', '拡散', '低評価', '星1', 'レビューに書',
    ],
  },
  positive: {
    2: [
      'thank you so much|very much', 'many thanks', 'thanks a lot|a million', 'excellent', 'amazing', 'awesome', 'fantastic', 'wonderful', 'well done', 'great job|work|service|support',
      'happy|satisfied|pleased with', 'really appreciate*', 'kudos', 'love it|your', 'perfect',
      '非常感谢', '太好了', '满意', '很棒', '点赞', '好评', '给力', '太感谢',
      '助かりました', '素晴らしい', '満足', '嬉しい', 'うれしい', '最高', '大変ありがとう', '感謝しています', '感謝いたします',
    ],
    1: ['thank|thanks', 'great', 'appreciate*', 'helpful', '谢谢', '感谢', '辛苦了', '不错', 'ありがとう', '丁寧', '感謝'],
  },
};

const NEGATIVE_KINDS: ReadonlySet<ToneKind> = new Set(['anger', 'insult', 'legal-threat', 'public-threat', 'shouting']);

/** Compiled at the first assessment, not at import: mail that is never classified (quarantined, duplicate) does not pay for it. */
let compiled: CompiledTerm<ToneKind>[] | undefined;
const compiledTerms = () =>
  (compiled ??= compileTerms(
    Object.entries(LEXICON).flatMap(([kind, weighted]) =>
      Object.entries(weighted).flatMap(([weight, list]) => (list ?? []).map((term): Term<ToneKind> => ({ term, weight: Number(weight), tag: kind as ToneKind }))),
    ),
  ));

/** Common all-caps words that are not shouting. */
const ACRONYMS = new Set(
  'ASAP FAQ USA UK EU US ID PDF URL OK VAT SMS CEO CTO IT UPS DHL USPS TNT EMS API SSL HTML CSV XML JSON FYI ETA RMA TV PC LLC INC LTD GMBH AM PM SKU QR VIP IMEI PIN SIM GB MB KB TB IOS CPU GPU USB HDMI DVD CD PS RE FW FWD AW NB PO TBD TBA EOD CC BCC ATM HR PR EUR USD GBP JPY CNY RMB'.split(
    ' ',
  ),
);

/** Reads urgency and tone from the subject and the new text of a mail. */
export function assessTone(subject: string, text: string): ToneAssessment {
  const raw = `${subject}\n${text}`.slice(0, 20_000);
  const signals: ToneSignal[] = findTerms(normalizeForMatching(raw), compiledTerms()).map((match) => ({ kind: match.term.tag, text: match.text, weight: match.term.weight }));
  signals.push(...typography(raw));

  const urgency = dedupe(signals.filter((signal) => signal.kind === 'urgency'));
  const negative = dedupe(signals.filter((signal) => NEGATIVE_KINDS.has(signal.kind)));
  const positive = dedupe(signals.filter((signal) => signal.kind === 'positive'));
  const threats = negative.filter((signal) => signal.kind === 'legal-threat' || signal.kind === 'public-threat');

  const negativeWeight = sum(negative);
  const positiveWeight = sum(positive);
  // Positive needs a strong word ("excellent", "非常感谢", "助かりました"): "Thanks" closes every mail, angry ones too.
  const strongPositive = positive.some((signal) => signal.weight >= 2);
  const sentiment: Sentiment =
    negativeWeight >= NEGATIVE_THRESHOLD
      ? 'negative'
      : strongPositive && positiveWeight >= POSITIVE_THRESHOLD && positiveWeight > negativeWeight * 2
        ? 'positive'
        : 'neutral';

  const reasons: string[] = [];
  if (urgency.length > 0) reasons.push(`urgency: ${list(urgency)}`);
  if (sentiment === 'negative') reasons.push(`tone negative: ${list(negative)}`);
  else if (sentiment === 'positive') reasons.push(`tone positive: ${list(positive)}`);
  return { urgency, sentiment, negative, positive, threats, reasons };
}

/** Convenience: the urgency words only. */
export function detectUrgency(subject: string, text: string): ToneSignal[] {
  return assessTone(subject, text).urgency;
}

/** Convenience: the sentiment and why. */
export function detectSentiment(subject: string, text: string): { sentiment: Sentiment; reasons: string[] } {
  const tone = assessTone(subject, text);
  return { sentiment: tone.sentiment, reasons: tone.reasons.filter((reason) => reason.startsWith('tone')) };
}

/** ALL CAPS shouting and runs of exclamation marks (case is lost after normalising, so this reads the raw text). */
function typography(raw: string): ToneSignal[] {
  const out: ToneSignal[] = [];
  const words = raw.match(/\p{Script=Latin}{2,}/gu) ?? [];
  const isCaps = (word: string) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase() && !ACRONYMS.has(word);
  const longWords = words.filter((word) => word.length >= 3);
  const capsLong = longWords.filter(isCaps);
  let run = 0;
  let longestRun = 0;
  for (const word of words) {
    run = isCaps(word) ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  if (longestRun >= 3 || (capsLong.length >= 3 && capsLong.length / longWords.length >= 0.3)) {
    out.push({ kind: 'shouting', text: 'all caps', weight: 2 });
  }
  const bangRuns = raw.match(/[!！]{3,}/g);
  if (bangRuns) out.push({ kind: 'shouting', text: bangRuns[0].length > 6 ? '!!!…' : bangRuns[0], weight: 2 });
  else if ((raw.match(/[!！]/g)?.length ?? 0) >= 5) out.push({ kind: 'shouting', text: 'many "!"', weight: 1 });
  if (/[?？][!！]|[!！][?？]/.test(raw)) out.push({ kind: 'shouting', text: '?!', weight: 1 });
  return out;
}

function dedupe(signals: ToneSignal[]): ToneSignal[] {
  const seen = new Map<string, ToneSignal>();
  for (const signal of signals) {
    const key = `${signal.kind}:${signal.text}`;
    if (!seen.has(key)) seen.set(key, signal);
  }
  return [...seen.values()];
}

function sum(signals: ToneSignal[]): number {
  return signals.reduce((total, signal) => total + signal.weight, 0);
}

function list(signals: ToneSignal[]): string {
  const shown = signals.slice(0, 5).map((signal) => (signal.kind === 'shouting' && !signal.text.startsWith('!') ? signal.text : `"${signal.text}"`));
  const threat = signals.find((signal) => signal.kind === 'legal-threat' || signal.kind === 'public-threat');
  const label = threat ? ` (${threat.kind})` : '';
  return `${shown.join(', ')}${signals.length > 5 ? ` +${signals.length - 5} more` : ''}${label}`;
}
