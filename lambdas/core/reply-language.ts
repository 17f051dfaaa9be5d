import type { ReplylineConfig } from '../schemas/config.js';
import { isTemplateLanguage } from '../schemas/languages.js';

/** What classification found out about a mail's language. */
interface MailLanguage {
  /** ISO 639-1 of the customer's text, or the address's default. */
  language: string;
  languageDetected: boolean;
  script?: 'Hans' | 'Hant';
}

/**
 * The language the acknowledgement is written in: the customer's own when there is a
 * template for it (built in, or added in the config; Chinese in the script they wrote),
 * else the address's language, else the default language.
 */
export function replyLanguageFor(mail: MailLanguage, addressLanguage: string | undefined, config: Pick<ReplylineConfig, 'acknowledgement' | 'defaultLanguage'>): string {
  const candidates: string[] = [];
  if (mail.languageDetected) {
    if (mail.language === 'zh' && mail.script === 'Hant') candidates.push('zh-Hant');
    candidates.push(mail.language);
  }
  if (addressLanguage) candidates.push(addressLanguage);
  candidates.push(config.defaultLanguage);
  return candidates.find((tag) => config.acknowledgement.templates[tag] !== undefined || isTemplateLanguage(tag)) ?? 'en';
}

/** A per-language text for `tag`: the exact tag, else its language without the script (`zh-Hant` → `zh`). */
export function localizedValue<T>(values: Readonly<Record<string, T>>, tag: string): T | undefined {
  return values[tag] ?? values[tag.split('-')[0]!];
}
