import { INTENT_LEXICONS } from './lexicons.js';
import { compileTerms, findTerms, normalizeForMatching, type CompiledTerm, type Term } from './terms.js';

/** The built-in intents (the `category` of a classification). */
export const INTENT_NAMES = ['refund', 'shipping', 'billing', 'technical', 'account', 'sales', 'complaint', 'feedback', 'other'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export function isIntentName(value: string): value is IntentName {
  return (INTENT_NAMES as readonly string[]).includes(value);
}

/**
 * Tie-breaking, documented: the highest total score wins; on equal scores the
 * intent with the strongest single term wins; if still equal, the first in
 * this order. The order puts topics with a concrete owner and money or access
 * at stake first (refund, billing, account, technical, shipping), then
 * complaint (tone is also handled by urgency.ts), then the least time-critical
 * (sales, feedback), and `other` last.
 */
export const INTENT_TIE_ORDER: readonly IntentName[] = ['refund', 'billing', 'account', 'technical', 'shipping', 'complaint', 'sales', 'feedback', 'other'];

/** A term seen in the subject counts this much more than in the body. */
export const SUBJECT_FACTOR = 1.5;
/** Text beyond this many characters is not scanned (a long mail says what it is about early). */
const MAX_SCAN_CHARS = 20_000;

type Lang = 'en' | 'zh' | 'ja';
interface IntentTag {
  intent: IntentName;
  language: Lang;
}

export interface IntentEvidence {
  /** The lexicon term, e.g. `money back` or `cancel ~ order`. */
  term: string;
  /** The first text it matched, e.g. `cancel my order`. */
  matched: string;
  language: Lang;
  /** Weight after the subject factor. */
  weight: number;
  inSubject: boolean;
}

export interface IntentScore {
  intent: IntentName;
  score: number;
  /** Weight of the strongest single term (first tie-breaker). */
  strongest: number;
  evidence: IntentEvidence[];
}

export interface IntentResult {
  intent: IntentName;
  /** Every intent with a match, best first (the order the decision used). */
  scores: IntentScore[];
  /** e.g. `intent refund: "money back", "return" (score 5; next shipping 2)`. */
  reason: string;
}

/**
 * Compiled at the first scoring, not at import: the config schema imports this module for
 * INTENT_NAMES, so every function that loads the config would pay for it.
 */
let compiled: CompiledTerm<IntentTag>[] | undefined;
const compiledTerms = () => (compiled ??= compileTerms(buildTerms()));

function buildTerms(): Term<IntentTag>[] {
  const terms: Term<IntentTag>[] = [];
  for (const intent of INTENT_NAMES) {
    const lexicon = INTENT_LEXICONS[intent];
    for (const language of ['en', 'zh', 'ja'] as const) {
      for (const [weight, list] of Object.entries(lexicon[language])) {
        for (const term of list ?? []) terms.push({ term, weight: Number(weight), tag: { intent, language } });
      }
    }
  }
  return terms;
}

/**
 * Scores every built-in intent on the subject and the new text of a mail.
 * Each distinct lexicon term counts once per intent (a mail repeating
 * "refund" five times is not five times more about refunds), with its weight
 * times SUBJECT_FACTOR when it appears in the subject. No match at all → `other`.
 * `fuzzy` (default on) also counts English words one typo away from a lexicon
 * word, one weight step lower; turn it off for text that is not English.
 */
export function scoreIntents(subject: string, text: string, options: { fuzzy?: boolean } = {}): IntentResult {
  const fuzzy = options.fuzzy ?? true;
  const byIntent = new Map<IntentName, Map<string, IntentEvidence>>();
  const scan = (source: string, inSubject: boolean) => {
    for (const match of findTerms(normalizeForMatching(source.slice(0, MAX_SCAN_CHARS)), compiledTerms(), { fuzzy })) {
      const { intent, language } = match.term.tag;
      const evidence = byIntent.get(intent) ?? new Map<string, IntentEvidence>();
      byIntent.set(intent, evidence);
      // A misspelling counts one step less than the word itself (at least 1).
      const base = match.fuzzyOf ? Math.max(1, match.term.weight - 1) : match.term.weight;
      const weight = base * (inSubject ? SUBJECT_FACTOR : 1);
      const known = evidence.get(match.term.term);
      if (!known || known.weight < weight) {
        const matched = match.fuzzyOf ? `${match.text}≈${match.fuzzyOf}` : match.text;
        evidence.set(match.term.term, { term: match.term.term, matched, language, weight, inSubject: inSubject || Boolean(known?.inSubject) });
      }
    }
  };
  scan(subject, true);
  scan(text, false);

  const scores: IntentScore[] = [...byIntent.entries()].map(([intent, evidence]) => {
    const list = [...evidence.values()].sort((a, b) => b.weight - a.weight);
    return {
      intent,
      score: list.reduce((sum, item) => sum + item.weight, 0),
      strongest: list[0]?.weight ?? 0,
      evidence: list,
    };
  });
  scores.sort(compareScores);

  const best = scores[0];
  if (!best) return { intent: 'other', scores, reason: 'intent other: no intent keywords matched' };
  return { intent: best.intent, scores, reason: describe(best, scores[1]) };
}

function compareScores(a: IntentScore, b: IntentScore): number {
  return b.score - a.score || b.strongest - a.strongest || INTENT_TIE_ORDER.indexOf(a.intent) - INTENT_TIE_ORDER.indexOf(b.intent);
}

function describe(best: IntentScore, next: IntentScore | undefined): string {
  const words = best.evidence
    .slice(0, 5)
    .map((item) => `"${item.matched}"${item.inSubject ? ' (subject)' : ''}`)
    .join(', ');
  const more = best.evidence.length > 5 ? ` +${best.evidence.length - 5} more` : '';
  let detail = `score ${formatScore(best.score)}`;
  if (next) {
    detail +=
      next.score === best.score
        ? next.strongest === best.strongest
          ? `, tied with ${next.intent}: ${best.intent} goes first`
          : `, tied with ${next.intent}: stronger single term`
        : `; next ${next.intent} ${formatScore(next.score)}`;
  }
  return `intent ${best.intent}: ${words}${more} (${detail})`;
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
