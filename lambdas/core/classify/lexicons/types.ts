import type { IntentName } from '../../../schemas/vocabulary.js';

/**
 * The shape of one language's lexicon. Term syntax (see terms.ts): words match whole
 * words, case- and accent-insensitively; `a|b` alternatives for one word; `word*` any
 * continuation; `*word` any beginning (compounds: `*rechnung` finds "Stromrechnung");
 * `_` joins words inside an alternative; `word?` optional; `~` a gap of up to three
 * words; `<num>` a number. In languages with a stemmer (de, fr, es, pt, it, nl, ru) the
 * text and every term word are stemmed alike, so write words in their natural form
 * ("Rechnung" also finds "Rechnungen"). Chinese, Japanese and Korean terms are substrings.
 *
 * Weights: 3 = names the topic on its own, 2 = typical of it, 1 = a hint that counts only
 * with others. A match inside a longer match of at least its weight does not count.
 */
export type WeightedTerms = Partial<Record<1 | 2 | 3, readonly string[]>>;

export type LexiconIntent = Exclude<IntentName, 'other'>;

export interface LanguageLexicon {
  intents: Record<LexiconIntent, WeightedTerms>;
  /**
   * Phrases that are about none of the intents but contain their words: they hide those
   * words and score nothing ("account number" is not a login problem, "thanks in advance"
   * is not feedback, "Kontonummer", "merci d'avance").
   */
  context: readonly string[];
  tone: ToneLexicon;
}

export interface ToneLexicon {
  /** The customer needs it fast ("ASAP", "dringend"): priority at least high. */
  urgency: readonly string[];
  /** Outages, security incidents, production down, data loss: priority urgent. */
  critical: readonly string[];
  /** Explicitly not urgent ("no rush", "keine Eile"): priority low; hides the urgency word inside it. */
  calm: readonly string[];
  /** Feature ideas, suggestions, general or curious questions: priority low when nothing presses. */
  minor: readonly string[];
  /** Lawyers, courts, consumer authorities, chargebacks: priority urgent. */
  legalThreat: readonly string[];
  /** Reviews, social media, the press: priority at least high. */
  publicThreat: readonly string[];
  /** Anger, disappointment, "third time I write". */
  anger: WeightedTerms;
  /** Insults and swearing. */
  insult: WeightedTerms;
  /** Thanks and praise (politeness formulas belong in `context`, not here). */
  positive: WeightedTerms;
}
