/**
 * The languages Replyline understands and answers in without configuration. Codes are
 * ISO 639-1; `zh-Hant` is the Traditional-script acknowledgement of Chinese (the mail's
 * `language` is still `zh`).
 */
const BUILT_IN_LANGUAGES = ['en', 'zh', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru'] as const;
export type BuiltInLanguage = (typeof BUILT_IN_LANGUAGES)[number];

/** Built-in acknowledgement templates: one per built-in language, Chinese in both scripts. */
export const TEMPLATE_LANGUAGES = ['en', 'zh', 'zh-Hant', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/**
 * A language a template or a per-language text may be keyed by: an ISO 639-1 code, optionally
 * with a script (`zh-Hant`, `sr-Latn`), so a company can add `sv` or `pl` in its config.
 */
export type LanguageTag = string;
export const LANGUAGE_TAG = /^[a-z]{2}(-[A-Z][a-z]{3})?$/;

export function isTemplateLanguage(value: string): value is TemplateLanguage {
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(value);
}
