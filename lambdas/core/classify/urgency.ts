import type { BuiltInLanguage } from '../../schemas/languages.js';
import type { Reason } from '../../schemas/reasons.js';
import { LEXICONS, lexiconLanguagesFor, SPELLING_VARIANTS, STEMMERS } from './lexicons/index.js';
import type { ToneLexicon, WeightedTerms } from './lexicons/types.js';
import { stemText } from './stemming.js';
import { compileTerms, findTerms, normalizeForMatching, type CompiledTerm, type Term } from './terms.js';

/**
 * Urgency words and the tone of a mail, in each built-in language. Pure; every
 * finding names the words that caused it. The priority effects are applied by classify.ts.
 */
export type Sentiment = 'negative' | 'neutral' | 'positive';

type ToneKind =
  /** The customer needs it fast: "ASAP", "dringend", "紧急", "至急". */
  | 'urgency'
  /** Outages, security incidents, production down: "site is down", "gehackt", "数据泄露". */
  | 'critical'
  /** Explicitly not urgent ("no rush", "keine Eile", "不急"): hides the urgency word inside it. */
  | 'calm'
  /** Feature ideas, suggestions, curious questions: nothing presses. */
  | 'minor'
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
  /** Politeness formulas ("thanks in advance"): hide the praise words inside them, count for nothing. */
  | 'politeness'
  /** Typography: ALL CAPS shouting, "!!!". */
  | 'shouting';

interface ToneSignal {
  kind: ToneKind;
  /** The words as found (or a description for typography, e.g. `all caps`). */
  text: string;
  weight: number;
}

export interface ToneAssessment {
  /** Urgency words found (not counting ones negated by "no rush" and the like). */
  urgency: ToneSignal[];
  /** Outage and security wording. */
  critical: ToneSignal[];
  /** "No rush", "whenever you can". */
  calm: ToneSignal[];
  /** Feature ideas, suggestions, curious questions. */
  minor: ToneSignal[];
  sentiment: Sentiment;
  /** Signals behind a negative sentiment (anger, insults, threats, shouting). */
  negative: ToneSignal[];
  positive: ToneSignal[];
  /** Legal or public threats: the seeds of "then goes public". */
  threats: ToneSignal[];
  /** e.g. `tone-negative` with `"ridiculous", all caps, "!!!"`; `urgency` with `"ASAP"`. */
  reasons: Reason[];
}

/** Negative weight from which a mail reads as negative. */
const NEGATIVE_THRESHOLD = 2;
/** Positive weight (with at least one strong word) from which a mail reads as positive, if it outweighs negative signals twice. */
const POSITIVE_THRESHOLD = 2;

const NEGATIVE_KINDS: ReadonlySet<ToneKind> = new Set(['anger', 'insult', 'legal-threat', 'public-threat', 'shouting']);

/** Plain lists weigh 2 (urgency, critical, threats) or 3 (calm and politeness: they must hide what they contain). */
const LIST_KINDS: ReadonlyArray<[keyof ToneLexicon, ToneKind, number]> = [
  ['urgency', 'urgency', 2],
  ['critical', 'critical', 3],
  ['calm', 'calm', 3],
  ['minor', 'minor', 2],
  ['legalThreat', 'legal-threat', 3],
  ['publicThreat', 'public-threat', 3],
];
const WEIGHTED_KINDS: ReadonlyArray<[keyof ToneLexicon, ToneKind]> = [
  ['anger', 'anger'],
  ['insult', 'insult'],
  ['positive', 'positive'],
];

/** Compiled per language at its first assessment, not at import. */
const compiled = new Map<BuiltInLanguage, CompiledTerm<ToneKind>[]>();

function termsOf(language: BuiltInLanguage): CompiledTerm<ToneKind>[] {
  let terms = compiled.get(language);
  if (!terms) {
    const { tone, context } = LEXICONS[language];
    const list: Term<ToneKind>[] = context.map((term) => ({ term, weight: 3, tag: 'politeness' }));
    for (const [key, kind, weight] of LIST_KINDS) for (const term of tone[key] as readonly string[]) list.push({ term, weight, tag: kind });
    for (const [key, kind] of WEIGHTED_KINDS) {
      for (const [weight, words] of Object.entries(tone[key] as WeightedTerms)) for (const term of words ?? []) list.push({ term, weight: Number(weight), tag: kind });
    }
    terms = compileTerms(list, { stem: STEMMERS[language], spelling: SPELLING_VARIANTS[language] });
    compiled.set(language, terms);
  }
  return terms;
}

function findToneTerms(raw: string, language: string | undefined): ToneSignal[] {
  const normalized = normalizeForMatching(raw);
  const signals: ToneSignal[] = [];
  for (const lexiconLanguage of lexiconLanguagesFor(language)) {
    const stem = STEMMERS[lexiconLanguage];
    const prepared = stem ? stemText(normalized, stem) : { text: normalized, original: (start: number, end: number) => normalized.slice(start, end) };
    for (const match of findTerms(prepared.text, termsOf(lexiconLanguage))) {
      if (match.term.tag !== 'politeness') signals.push({ kind: match.term.tag, text: prepared.original(match.start, match.end), weight: match.term.weight });
    }
  }
  return signals;
}

/** Common all-caps words that are not shouting. */
const ACRONYMS = new Set(
  ('ASAP FAQ USA UK EU US ID PDF URL OK VAT SMS CEO CTO IT UPS DHL USPS TNT EMS API SSL HTML CSV XML JSON FYI ETA RMA TV PC LLC INC LTD GMBH AM PM SKU QR VIP IMEI PIN SIM GB MB KB TB IOS CPU GPU USB HDMI DVD CD PS RE FW FWD AW NB PO TBD TBA EOD CC BCC ATM HR PR EUR USD GBP JPY CNY RMB ' +
    // Company forms, tax and bank identifiers, currencies and systems of the other built-in languages' markets.
    'IBAN BIC SWIFT SEPA RIB TVA SAS SARL SA SL SRL SPA AG KG BV NV OHG UG MWST UST USTID NIF CIF NIE DNI CPF CNPJ CUIT RFC IVA PIS NFE CHF BRL MXN RUB KRW ERP CRM SAP SDI PEC CAF SIRET SIREN URSSAF INN KPP OOO ООО ИНН КПП НДС РФ ЕС')
    .split(' '),
);

/** Reads urgency and tone from the subject and the new text of a mail in `language` (ISO 639-1; English when unknown). */
export function assessTone(subject: string, text: string, language?: string): ToneAssessment {
  const raw = `${subject}\n${text}`.slice(0, 20_000);
  const signals = findToneTerms(raw, language);
  signals.push(...typography(raw));

  const ofKind = (kind: ToneKind) => dedupe(signals.filter((signal) => signal.kind === kind));
  const urgency = ofKind('urgency');
  const critical = ofKind('critical');
  const calm = ofKind('calm');
  const minor = ofKind('minor');
  const negative = dedupe(signals.filter((signal) => NEGATIVE_KINDS.has(signal.kind)));
  const positive = ofKind('positive');
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

  const reasons: Reason[] = [];
  if (critical.length > 0) reasons.push({ code: 'critical', detail: list(critical) });
  if (urgency.length > 0) reasons.push({ code: 'urgency', detail: list(urgency) });
  if (sentiment === 'negative') reasons.push({ code: 'tone-negative', detail: list(negative) });
  else if (sentiment === 'positive') reasons.push({ code: 'tone-positive', detail: list(positive) });
  return { urgency, critical, calm, minor, sentiment, negative, positive, threats, reasons };
}

/** ALL CAPS shouting and runs of exclamation marks (case is lost after normalising, so this reads the raw text). */
function typography(raw: string): ToneSignal[] {
  const out: ToneSignal[] = [];
  // Only whole words: a token with digits or symbols ("RPL*SERVICIOS", "DE89370400440532013000") is an identifier, not shouting.
  const words = raw
    .split(/\s+/)
    .map((token) => token.replace(/^[("'«„“]+|[)"'»“”.,;:!?！？]+$/gu, ''))
    .filter((token) => /^[\p{Script=Latin}\p{Script=Cyrillic}]{2,}$/u.test(token));
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
