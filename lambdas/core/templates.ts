import type { Language } from '../schemas/config.js';

/**
 * Acknowledgement texts in the customer's language, written to sound like a
 * person. Every inserted value is made single-line and plain (see `plainValue`),
 * so nothing a sender wrote can add a header, a line of our text or markup.
 */
export interface AcknowledgementValues {
  customerName: string | undefined;
  ref: string;
  teamName: string;
  signature: string;
  /** The promised reply time, or undefined when none is promised. */
  due: { at: Date; timeZone: string } | undefined;
  faq: { title: string; url: string | undefined }[];
  /** Total size of attachments that were too large to pass on, in bytes; undefined when all fit. */
  oversizedAttachmentsBytes: number | undefined;
}

export interface TemplateOverride {
  /** Plain text with {{name}}, {{ref}}, {{team}}, {{due}}, {{faq}}, {{attachments}}, {{signature}}. */
  body: string;
}

interface Wording {
  greeting(name: string | undefined): string;
  received(team: string, due: string | undefined): string;
  reference(ref: string): string;
  faqIntro: string;
  attachments(size: string): string;
  closing: string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    received: (team, due) =>
      `Thank you for writing to us. Your message has reached ${team}, and a person on our team will answer it ${due ? `by ${due}` : 'as soon as we can'}.`,
    reference: (ref) => `Your reference is ${ref}. If you have anything to add, just reply to this mail and it will stay with your request.`,
    faqIntro: 'While you wait, these answers may already help:',
    attachments: (size) => `Your attachments (${size}) were larger than we can pass on. We have your message; if we need the files, we will ask you to send them another way.`,
    closing: 'Kind regards,',
  },
  zh: {
    greeting: (name) => (name ? `${name}，您好！` : '您好！'),
    received: (team, due) => `感谢您的来信。您的邮件已送达${team}，我们的工作人员${due ? `会在${due}前` : '会尽快'}回复您。`,
    reference: (ref) => `您的参考编号是 ${ref}。如需补充信息，请直接回复此邮件，我们会将其归入同一请求。`,
    faqIntro: '在等待期间，以下解答或许对您有帮助：',
    attachments: (size) => `您的附件（${size}）超过了我们可以转交的大小。邮件本身已收到；如需这些文件，我们会请您通过其他方式发送。`,
    closing: '此致',
  },
  ja: {
    greeting: (name) => (name ? `${name} 様` : 'お客様'),
    received: (team, due) =>
      `お問い合わせいただき、ありがとうございます。${team}にて確かにお受けいたしました。担当者より${due ? `${due}までに` : 'できるだけ早く'}ご連絡いたします。`,
    reference: (ref) => `お問い合わせ番号は ${ref} です。追加のご連絡は、このメールにそのままご返信ください。`,
    faqIntro: 'お待ちいただく間、次の回答がお役に立つかもしれません。',
    attachments: (size) => `添付ファイル（${size}）は転送できるサイズを超えていました。メール本文は受け付けております。ファイルが必要な場合は、別の方法でお送りいただくようご案内いたします。`,
    closing: 'よろしくお願いいたします。',
  },
};

/** City-style zone names customers recognise; others use the locale's long zone name. */
const ZONE_NAMES: Record<string, Record<Language, string>> = {
  'Asia/Shanghai': { en: 'Beijing time', zh: '北京时间', ja: '北京時間' },
  'Asia/Hong_Kong': { en: 'Hong Kong time', zh: '香港时间', ja: '香港時間' },
  'Asia/Taipei': { en: 'Taipei time', zh: '台北时间', ja: '台北時間' },
  'Asia/Tokyo': { en: 'Japan time', zh: '日本时间', ja: '日本時間' },
  'Asia/Singapore': { en: 'Singapore time', zh: '新加坡时间', ja: 'シンガポール時間' },
  'Europe/London': { en: 'UK time', zh: '英国时间', ja: 'イギリス時間' },
  UTC: { en: 'UTC', zh: '协调世界时', ja: '協定世界時' },
};

const LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN', ja: 'ja-JP' };

/** "14:00 on Monday 30 November (Beijing time)", "11月30日星期一 14:00（北京时间）", "11月30日(月) 14:00（日本時間）". */
export function formatDue(at: Date, timeZone: string, language: Language): string {
  const locale = LOCALES[language];
  const part = (options: Intl.DateTimeFormatOptions) => dateFormat(locale, timeZone, options).format(at);
  const time = part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = ZONE_NAMES[timeZone]?.[language] ?? zoneLongName(at, timeZone, locale);
  if (language === 'en') return `${time} on ${part({ weekday: 'long', day: 'numeric', month: 'long' })} (${zone})`;
  if (language === 'zh') return `${part({ month: 'long', day: 'numeric' })}${part({ weekday: 'long' })} ${time}（${zone}）`;
  return `${part({ month: 'long', day: 'numeric' })}(${part({ weekday: 'short' })}) ${time}（${zone}）`;
}

/** Building an Intl.DateTimeFormat costs far more than formatting with one: each is built once. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

function zoneLongName(at: Date, timeZone: string, locale: string): string {
  const parts = dateFormat(locale, timeZone, { timeZoneName: 'long' }).formatToParts(at);
  return parts.find((piece) => piece.type === 'timeZoneName')?.value ?? timeZone;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function renderAcknowledgement(language: Language, values: AcknowledgementValues, override?: TemplateOverride): string {
  const words = WORDING[language];
  const name = values.customerName ? plainValue(values.customerName) : undefined;
  const team = plainValue(values.teamName);
  const due = values.due ? formatDue(values.due.at, values.due.timeZone, language) : undefined;
  const faq = values.faq.length
    ? [words.faqIntro, ...values.faq.map((entry) => `- ${plainValue(entry.title)}${entry.url ? `: ${plainValue(entry.url)}` : ''}`)].join('\n')
    : '';
  const attachments = values.oversizedAttachmentsBytes !== undefined ? words.attachments(formatBytes(values.oversizedAttachmentsBytes)) : '';
  const signature = plainValue(values.signature);

  if (override) {
    const slots: Record<string, string> = { name: name ?? '', ref: values.ref, team, due: due ?? '', faq, attachments, signature };
    return override.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => slots[key] ?? whole).replace(/\n{3,}/g, '\n\n').trim() + '\n';
  }
  const paragraphs = [words.greeting(name), words.received(team, due), words.reference(values.ref), faq, attachments, `${words.closing}\n${signature}`];
  return `${paragraphs.filter(Boolean).join('\n\n')}\n`;
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
