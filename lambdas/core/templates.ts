import { isTemplateLanguage, type TemplateLanguage } from '../schemas/languages.js';
import { dateFormat, isUsableOffset, momentAtOffset, momentIn, offsetLabel, zoneLongName, zoneOffsetMinutes } from './wording/clock.js';
import { WORDING } from './wording/index.js';
import { ZONE_NAMES } from './wording/zones.js';

/**
 * Acknowledgement texts in the customer's language, written to sound like a
 * person (the wording of each language is in ./wording/). Every inserted value is
 * made single-line and plain (see `plainValue`), so nothing a sender wrote can
 * add a header, a line of our text or markup.
 */
export interface AcknowledgementValues {
  customerName: string | undefined;
  ref: string;
  teamName: string;
  signature: string;
  /**
   * The promised reply time, or undefined when none is promised. `customerUtcOffsetMinutes`
   * is the customer's own UTC offset (from their mail's Date header) when known: if it
   * differs from the company zone's offset at that instant, the customer's time is shown first.
   */
  due: { at: Date; timeZone: string; customerUtcOffsetMinutes?: number } | undefined;
  faq: { title: string; url: string | undefined }[];
  /** Total size of attachments that were too large to pass on, in bytes; undefined when all fit. */
  oversizedAttachmentsBytes: number | undefined;
}

interface TemplateOverride {
  /** Plain text with {{name}}, {{ref}}, {{team}}, {{due}}, {{faq}}, {{attachments}}, {{signature}}. */
  body: string;
}

/**
 * The promised time as the language's acknowledgement says it: "14:00 on Monday
 * 30 November (Beijing time)", "lundi 30 novembre à 14 h (heure de Pékin)". With the
 * customer's offset, when it differs from the zone's at that instant, the customer's
 * time comes first, labelled as theirs: "15:00 on Monday 30 November your time
 * (UTC+9), which is 14:00 Beijing time".
 */
export function formatDue(at: Date, timeZone: string, language: TemplateLanguage, customerUtcOffsetMinutes?: number): string {
  const wording = WORDING[language];
  const company = momentIn(at, timeZone, wording);
  const zone = zoneName(at, timeZone, language);
  if (!isUsableOffset(customerUtcOffsetMinutes) || customerUtcOffsetMinutes === zoneOffsetMinutes(at, timeZone)) {
    return wording.due(company, zone);
  }
  const customer = momentAtOffset(at, customerUtcOffsetMinutes, wording);
  return wording.dueForCustomer(customer, offsetLabel(customerUtcOffsetMinutes), company, zone, customer.day === company.day);
}

function zoneName(at: Date, timeZone: string, language: TemplateLanguage): string {
  const canonical = dateFormat('en-US', timeZone, {}).resolvedOptions().timeZone;
  return ZONE_NAMES[timeZone]?.[language] ?? ZONE_NAMES[canonical]?.[language] ?? zoneLongName(at, timeZone, WORDING[language].locale);
}

/** "3 KB", "2.5 MB"; in the language's decimal sign and units when given ("2,5 Mo", "2,5 МБ"). */
export function formatBytes(bytes: number, language: TemplateLanguage = 'en'): string {
  const wording = WORDING[language];
  const units = wording.byteUnits ?? { mega: 'MB', kilo: 'KB' };
  if (bytes >= 1024 * 1024) {
    const megabytes = new Intl.NumberFormat(wording.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
    return `${megabytes.format(bytes / 1024 / 1024)} ${units.mega}`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} ${units.kilo}`;
}

/** What mail clients of the language put before the subject of a reply, spacing included: "Re: ", "AW: ", "RE : ", "回复：". */
export function subjectPrefix(language: TemplateLanguage): string {
  return WORDING[language].subjectPrefix;
}

/** Reply and forward markers of the mail clients our customers use, in any of our languages (and a few neighbours'). */
const REPLY_MARKERS = [
  're', 'aw', 'antw', 'antwort', 'sv', 'r', 'rif', 'res', 'rv', 'odp', 'ynt',
  'fw', 'fwd', 'wg', 'tr', 'enc', 'i', 'doorst', 'vs', 'vb', 'pd', 'ilt',
  'ответ', 'отв', 'пересл', 'переслать',
  '回复', '回覆', '答复', '答覆', '转发', '轉發', '轉寄', '转寄', '返信', '転送',
  '회신', '답장', '전달',
];
const REPLY_PREFIXES = new RegExp(`^(?:\\s*(?:${REPLY_MARKERS.join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*)+`, 'iu');

/** The subject without any number of leading reply/forward prefixes: "AW: Re: WG: Rechnung" → "Rechnung". */
export function stripReplyPrefixes(subject: string): string {
  return subject.replace(REPLY_PREFIXES, '').trim();
}

export function renderAcknowledgement(language: TemplateLanguage, values: AcknowledgementValues, override?: TemplateOverride): string {
  const words = WORDING[language];
  const name = values.customerName ? plainValue(values.customerName) : undefined;
  const team = plainValue(values.teamName);
  // An unreadable promise is no promise: the customer reads "as soon as we can" rather than "Invalid Date".
  const due = values.due && Number.isFinite(values.due.at.getTime())
    ? formatDue(values.due.at, values.due.timeZone, language, values.due.customerUtcOffsetMinutes)
    : undefined;
  const faq = values.faq.length
    ? [words.faqIntro, ...values.faq.map((entry) => `- ${plainValue(entry.title)}${entry.url ? `: ${plainValue(entry.url)}` : ''}`)].join('\n')
    : '';
  const attachments = values.oversizedAttachmentsBytes !== undefined ? words.attachments(formatBytes(values.oversizedAttachmentsBytes, language)) : '';
  const signature = plainValue(values.signature);

  if (override) {
    const slots: Record<string, string> = { name: name ?? '', ref: values.ref, team, due: due ?? '', faq, attachments, signature };
    return override.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => slots[key] ?? whole).replace(/\n{3,}/g, '\n\n').trim() + '\n';
  }
  const paragraphs = [words.greeting(name), words.received(team, due), words.reference(values.ref), faq, attachments, `${words.closing}\n${signature}`];
  return `${paragraphs.filter(Boolean).join('\n\n')}\n`;
}

/** The relay's note that an agent's attachments did not come with the mail, in the thread's language. */
export function withheldAttachmentsText(language: TemplateLanguage, count: number, bytes: number, agentName: string): string {
  return WORDING[language].withheldAttachments(count, formatBytes(bytes, language), agentName);
}

/**
 * A value from outside (a display name, a subject, config text) as one plain
 * line: control characters and line breaks become spaces, angle brackets are
 * dropped (nothing can look like markup or an address we did not write), long values are cut.
 */
export function plainValue(value: string, max = 120): string {
  const line = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * A display name we are willing to greet someone with: letters (any script),
 * spaces, dots, apostrophes and hyphens only, not too long. Spammers put URLs
 * and offers into display names; echoing them would make us their relay.
 */
export function greetableName(name: string): string | undefined {
  const trimmed = plainValue(name, 200).replace(/^["']|["']$/g, '').trim();
  if (!trimmed || trimmed.length > 40) return undefined;
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(trimmed)) return undefined;
  return trimmed;
}

/** The built-in wording a reply language uses: its own, or English for a language the config adds. */
export function wordingLanguage(language: string): TemplateLanguage {
  return isTemplateLanguage(language) ? language : 'en';
}

/**
 * The subject of our mail to the customer: the language's reply prefix, their subject
 * without reply prefixes or thread refs (a ref in it may name another thread), our ref.
 */
export function replySubject(language: TemplateLanguage, subject: string, ref: string): string {
  const echoed = stripReplyPrefixes(plainValue(subject.replace(/\[#?RL-[0-9A-Z]{6}\]/gi, ' '), 150)).trim();
  return `${subjectPrefix(language)}${echoed || '(no subject)'} [#${ref}]`;
}
