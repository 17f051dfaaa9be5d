import type { BuiltInLanguage } from '../../schemas/languages.js';
import type { Reason } from '../../schemas/reasons.js';
import { INTENT_NAMES, type IntentName } from '../../schemas/vocabulary.js';
import { LEXICONS, lexiconLanguagesFor, SPELLING_VARIANTS, STEMMERS } from './lexicons/index.js';
import type { LexiconIntent } from './lexicons/types.js';
import { isRealEnglishWord } from './real-words.js';
import { stemText } from './stemming.js';
import { compileTerms, findTerms, normalizeForMatching, type CompiledTerm, type Term } from './terms.js';


/**
 * Tie-breaking, documented: the highest total score wins; on equal totals the one
 * with more evidence in the body, then the strongest single term, then this order. The
 * order puts topics with a concrete owner and money or access at stake first (refund,
 * billing, account, technical, shipping), then complaint, then the least time-critical
 * (sales, feedback), and `other` last.
 */
export const INTENT_TIE_ORDER: readonly IntentName[] = ['refund', 'billing', 'account', 'technical', 'shipping', 'complaint', 'sales', 'feedback', 'other'];

/** The least score that names a topic: one weight-1 hint alone does not (a typo of a stronger word does). */
const MIN_TOPIC_SCORE = 2;
/** Text beyond this many characters is not scanned (a long mail says what it is about early). */
const MAX_SCAN_CHARS = 20_000;

interface IntentTag {
  /** `context`: a phrase that hides the intent words inside it and scores nothing ("account number"). */
  intent: LexiconIntent | 'context';
  language: BuiltInLanguage;
}

interface IntentEvidence {
  /** The lexicon term, e.g. `money back` or `cancel ~ order`. */
  term: string;
  /** The words of the mail it matched, e.g. `cancel my order`. */
  matched: string;
  language: BuiltInLanguage;
  /** What it counts: the lexicon weight, one step less for a typo. */
  weight: number;
  /** The lexicon weight of the term (a typo of a strong word still names the topic). */
  termWeight: number;
  inSubject: boolean;
}

interface IntentScore {
  intent: IntentName;
  /** The body's evidence plus the subject's strongest term. */
  score: number;
  /** Sum of the distinct body terms. */
  body: number;
  /** Weight of the strongest single term. */
  strongest: number;
  evidence: IntentEvidence[];
}

interface IntentResult {
  intent: IntentName;
  /** Every intent with a match, best first (the order the decision used). */
  scores: IntentScore[];
  /** Phrases read as context and not counted ("account number", "thanks in advance"). */
  context: string[];
  /** e.g. `intent refund (de): "geld zurück", "rücksendung" (score 5; next shipping 2)`. */
  reason: Reason;
}

interface IntentOptions {
  /** The mail's language; decides which lexicons are read (see lexiconLanguagesFor). */
  language?: string;
  /** Also count English words one typo away from a lexicon word (never a real word). Default on. */
  fuzzy?: boolean;
}

/** Compiled per language at its first mail, not at import: a function never pays for languages it does not see. */
const compiled = new Map<BuiltInLanguage, CompiledTerm<IntentTag>[]>();

function termsOf(language: BuiltInLanguage): CompiledTerm<IntentTag>[] {
  let terms = compiled.get(language);
  if (!terms) {
    const lexicon = LEXICONS[language];
    const list: Term<IntentTag>[] = lexicon.context.map((term) => ({ term, weight: 3, tag: { intent: 'context', language } }));
    for (const intent of INTENT_NAMES) {
      if (intent === 'other') continue;
      for (const [weight, words] of Object.entries(lexicon.intents[intent])) {
        for (const term of words ?? []) list.push({ term, weight: Number(weight), tag: { intent, language } });
      }
    }
    terms = compileTerms(list, { stem: STEMMERS[language], spelling: SPELLING_VARIANTS[language] });
    compiled.set(language, terms);
  }
  return terms;
}

interface Found {
  tag: IntentTag;
  term: string;
  matched: string;
  weight: number;
  termWeight: number;
}

/** The lexicon matches of one text in the lexicons of `languages`, with the customer's words for each. */
function findIntentTerms(source: string, languages: readonly BuiltInLanguage[], fuzzy: boolean): Found[] {
  const normalized = normalizeForMatching(source.slice(0, MAX_SCAN_CHARS));
  const found: Found[] = [];
  for (const language of languages) {
    const stem = STEMMERS[language];
    const prepared = stem ? stemText(normalized, stem) : { text: normalized, original: (start: number, end: number) => normalized.slice(start, end) };
    const matches = findTerms(prepared.text, termsOf(language), { fuzzy: fuzzy && language === 'en', isRealWord: isRealEnglishWord });
    for (const match of matches) {
      const words = prepared.original(match.start, match.end);
      // A misspelling counts one step less than the word itself (at least 1).
      const weight = match.fuzzyOf ? Math.max(1, match.term.weight - 1) : match.term.weight;
      found.push({ tag: match.term.tag, term: match.term.term, matched: match.fuzzyOf ? `${words}≈${match.fuzzyOf}` : words, weight, termWeight: match.term.weight });
    }
  }
  return found;
}

/**
 * Scores the built-in intents on the subject and the new text of a mail. The same words
 * count once per intent (five "refund"s are not five times more about refunds).
 * The subject adds only its strongest term per intent, so one word there cannot outvote
 * what the whole body is about. No match at all → `other`.
 */
export function scoreIntents(subject: string, text: string, options: IntentOptions = {}): IntentResult {
  const languages = lexiconLanguagesFor(options.language);
  const fuzzy = options.fuzzy ?? true;
  const context = new Set<string>();
  const byIntent = new Map<IntentName, { body: Map<string, IntentEvidence>; subject: IntentEvidence | undefined }>();
  const entry = (intent: IntentName) => {
    let value = byIntent.get(intent);
    if (!value) byIntent.set(intent, (value = { body: new Map(), subject: undefined }));
    return value;
  };
  for (const [source, inSubject] of [[subject, true], [text, false]] as const) {
    for (const found of findIntentTerms(source, languages, fuzzy)) {
      if (found.tag.intent === 'context') {
        context.add(found.matched);
        continue;
      }
      const evidence: IntentEvidence = { term: found.term, matched: found.matched, language: found.tag.language, weight: found.weight, termWeight: found.termWeight, inSubject };
      const scores = entry(found.tag.intent);
      if (inSubject) {
        if (!scores.subject || scores.subject.weight < found.weight) scores.subject = evidence;
      } else {
        // The same words count once, whichever terms (or how many mentions) found them.
        const key = found.matched.toLowerCase();
        const counted = scores.body.get(key);
        if (!counted || counted.weight < found.weight) scores.body.set(key, evidence);
      }
    }
  }

  const scores: IntentScore[] = [...byIntent.entries()].map(([intent, { body, subject: fromSubject }]) => {
    const list = [...body.values(), ...(fromSubject ? [fromSubject] : [])].sort((a, b) => b.weight - a.weight);
    const bodyScore = [...body.values()].reduce((sum, item) => sum + item.weight, 0);
    return { intent, score: bodyScore + (fromSubject?.weight ?? 0), body: bodyScore, strongest: list[0]?.weight ?? 0, evidence: list };
  });
  scores.sort(compareScores);

  const best = scores[0];
  const contextList = [...context];
  const ignored = contextList.length > 0 ? `; not counted: ${contextList.slice(0, 3).map((phrase) => `"${phrase}"`).join(', ')}` : '';
  if (!best) return { intent: 'other', scores, context: contextList, reason: { code: 'intent', detail: `other, no intent keywords matched${ignored}` } };
  // One hint ("website", "app") is not a topic: a job application that mentions the web site stays `other`.
  if (best.score < MIN_TOPIC_SCORE && !best.evidence.some((item) => item.termWeight >= MIN_TOPIC_SCORE)) {
    return { intent: 'other', scores, context: contextList, reason: { code: 'intent', detail: `other, only a weak hint (${evidenceSummary(best, scores[1])})${ignored}` } };
  }
  return { intent: best.intent, scores, context: contextList, reason: { code: 'intent', detail: `${evidenceSummary(best, scores[1])}${ignored}` } };
}

function compareScores(a: IntentScore, b: IntentScore): number {
  return b.score - a.score || b.body - a.body || b.strongest - a.strongest || INTENT_TIE_ORDER.indexOf(a.intent) - INTENT_TIE_ORDER.indexOf(b.intent);
}

/** The winning intent, its languages and words, and its score against the runner-up. */
function evidenceSummary(best: IntentScore, next: IntentScore | undefined): string {
  const words = best.evidence
    .slice(0, 5)
    .map((item) => `"${item.matched}"${item.inSubject ? ' (subject)' : ''}`)
    .join(', ');
  const more = best.evidence.length > 5 ? ` +${best.evidence.length - 5} more` : '';
  const languages = [...new Set(best.evidence.map((item) => item.language))].join(', ');
  let detail = `score ${formatScore(best.score)}`;
  if (next) {
    detail +=
      next.score === best.score
        ? next.body === best.body && next.strongest === best.strongest
          ? `, tied with ${next.intent}: ${best.intent} goes first`
          : `, tied with ${next.intent}: ${next.body === best.body ? 'stronger single term' : 'more said in the body'}`
        : `; next ${next.intent} ${formatScore(next.score)}`;
  }
  return `${best.intent} (${languages}) on ${words}${more} (${detail})`;
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
