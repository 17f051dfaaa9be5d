import type { Language, ReplylineConfig } from '../schemas/config.js';
import { localizedValue } from './reply-language.js';

export interface FaqSuggestion {
  id: string;
  title: string;
  url: string | undefined;
  /** The keywords that matched, for `explain`. */
  matched: string[];
}

const MAX_SUGGESTIONS = 3;

/**
 * Up to three configured FAQ entries whose keywords occur in the mail, most
 * matched keywords first, ties in config order. Keywords match case-insensitively,
 * as whole words for Latin script and as substrings for Chinese and Japanese.
 */
export function suggestFaq(text: string, language: Language, config: Pick<ReplylineConfig, 'faq'>): FaqSuggestion[] {
  const haystack = text.toLowerCase();
  const scored = config.faq
    .map((entry, order) => {
      const matched = entry.keywords.filter((keyword) => containsKeyword(haystack, keyword.toLowerCase()));
      return { entry, order, matched };
    })
    .filter((candidate) => candidate.matched.length >= candidate.entry.minMatches);
  scored.sort((a, b) => b.matched.length - a.matched.length || a.order - b.order);
  return scored.slice(0, MAX_SUGGESTIONS).map(({ entry: faq, matched }) => ({
    id: faq.id,
    title: localized(faq.title, language),
    url: faq.url,
    matched,
  }));
}

function containsKeyword(haystack: string, keyword: string): boolean {
  if (!keyword) return false;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(keyword)) return haystack.includes(keyword);
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);
}

function localized(value: string | Readonly<Record<Language, string>>, language: Language): string {
  if (typeof value === 'string') return value;
  // A title in another language beats none: the customer still sees what the link is about.
  return localizedValue(value, language) ?? value.en ?? Object.values(value)[0] ?? '';
}
