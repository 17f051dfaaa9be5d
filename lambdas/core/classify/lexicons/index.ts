import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import type { BuiltInLanguage } from '../../../schemas/languages.js';
import { transcribeUmlauts, withoutAccents, type SpellingVariant } from '../spelling-variants.js';
import type { Stemmer } from '../stemming.js';
import { LEXICON_DE } from './de.js';
import { LEXICON_EN } from './en.js';
import { LEXICON_ES } from './es.js';
import { LEXICON_FR } from './fr.js';
import { LEXICON_IT } from './it.js';
import { LEXICON_JA } from './ja.js';
import { LEXICON_KO } from './ko.js';
import { LEXICON_NL } from './nl.js';
import { LEXICON_PT } from './pt.js';
import { LEXICON_RU } from './ru.js';
import type { LanguageLexicon } from './types.js';
import { LEXICON_ZH } from './zh.js';

export const LEXICONS: Readonly<Record<BuiltInLanguage, LanguageLexicon>> = {
  en: LEXICON_EN,
  zh: LEXICON_ZH,
  ja: LEXICON_JA,
  ko: LEXICON_KO,
  de: LEXICON_DE,
  fr: LEXICON_FR,
  es: LEXICON_ES,
  pt: LEXICON_PT,
  it: LEXICON_IT,
  nl: LEXICON_NL,
  ru: LEXICON_RU,
};

/**
 * Snowball stemmers of the inflecting languages. English has none: its lexicon lists the
 * forms (and `*` prefixes) itself, which keeps typo tolerance on real words.
 */
export const STEMMERS: Readonly<Partial<Record<BuiltInLanguage, Stemmer>>> = {
  de: german,
  fr: french,
  es: spanish,
  pt: portuguese,
  it: italian,
  nl: dutch,
  ru: russian,
};

/** Twin spellings of every term word, for customers who type without their language's letters. */
export const SPELLING_VARIANTS: Readonly<Partial<Record<BuiltInLanguage, SpellingVariant>>> = {
  de: transcribeUmlauts,
  fr: withoutAccents,
  es: withoutAccents,
  pt: withoutAccents,
  it: withoutAccents,
};

/**
 * The lexicons read for a mail in `language`. Chinese, Japanese and Korean mail mixes in
 * English words (App, login, refund), so English is read too; a mail in a Latin-script
 * language is read in that language only (English "charge" is French for "load"). A mail
 * whose language is not built in is read in English.
 */
export function lexiconLanguagesFor(language: string | undefined): BuiltInLanguage[] {
  switch (language) {
    case 'zh':
    case 'ja':
    case 'ko':
      return [language, 'en'];
    case 'de':
    case 'fr':
    case 'es':
    case 'pt':
    case 'it':
    case 'nl':
    case 'ru':
      return [language];
    default:
      return ['en'];
  }
}
