import type { TemplateLanguage } from '../../schemas/languages.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import type { Wording } from './types.js';
import { zhHant } from './zh-Hant.js';
import { zh } from './zh.js';

export type { Moment, Wording } from './types.js';

/** The built-in wording of every template language. */
export const WORDING: Record<TemplateLanguage, Wording> = { en, zh, 'zh-Hant': zhHant, ja, ko, de, fr, es, pt, it, nl, ru };
