/**
 * Where the customer's own words end: a sign-off followed by a short signature block, a trailing
 * contact block (or an English signature under Chinese, Korean or Russian text), and legal
 * disclaimers. Pure and line-based; used by `quotes.ts`.
 */
import {
  CJK_SENTENCE,
  COMPANY_OR_TITLE,
  CONTACT_LINE,
  DECORATION,
  DISCLAIMER_STARTS,
  DISCLAIMER_WORDS,
  KOREAN_SENTENCE,
  LATIN_LETTER,
  LETTER,
  NAME_TAIL,
  NAME_THEN_SIGN_OFF,
  RUSSIAN_VERB,
  SENTENCE_WORD,
  SIGN_OFF,
  SIGN_OFF_WITH_TAIL,
} from './signature-patterns.js';

const MAX_SIGNATURE_LINES = 8;
const MAX_SIGNATURE_LINE_LENGTH = 72;
/** A disclaimer paragraph is read this far; longer lines are not checked at all (bounded work). */
const MAX_DISCLAIMER_LINES = 12;
const MAX_CHECKED_LINE_LENGTH = 2000;
const MIN_DISCLAIMER_WORDS = 3;
const COMPANY_ABBREVIATION_END = /(^|\s)[\p{L}.]{1,5}\.$/u;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** "Best regards,", "Viele Grüße, Max", "С уважением", "감사합니다", "홍길동 드림", "敬上", "よろしくお願いいたします。" */
function isSignOff(line: string): boolean {
  const bare = line.trim();
  if (bare.length > 80) return false;
  if (SIGN_OFF.test(bare) || NAME_THEN_SIGN_OFF.test(bare)) return true;
  const tail = SIGN_OFF_WITH_TAIL.exec(bare)?.groups?.tail;
  return tail !== undefined && NAME_TAIL.test(tail);
}

/** A line of a signature (name, title, company, phone), not a sentence of the mail. */
function isSignatureLike(line: string): boolean {
  const bare = line.trim();
  if (bare.length > MAX_SIGNATURE_LINE_LENGTH || /[?？。！]$/.test(bare)) return false;
  if (CJK_SENTENCE.test(bare) || KOREAN_SENTENCE.test(bare) || SENTENCE_WORD.test(bare) || RUSSIAN_VERB.test(bare)) return false;
  const words = bare.split(/\s+/).length;
  // "… Co., Ltd." and "… S.A." end with a full stop and are still a company.
  if (words >= 4 && /[.!]$/.test(bare) && !COMPANY_ABBREVIATION_END.test(bare)) return false;
  return words <= 7;
}

/**
 * A sign-off or a decoration rule ("━━━━━") followed only by a short signature-like block (at
 * most 8 lines) ends the message. Returns the cut index; the earliest qualifying line wins, and a
 * mail that is only "Thanks" stays as it is.
 */
export function findSignOff(lines: string[]): number | undefined {
  let last = lines.length - 1;
  while (last >= 0 && isBlank(lines[last]!)) last--;
  if (last < 1) return undefined;
  for (let i = Math.max(1, last - MAX_SIGNATURE_LINES); i <= last; i++) {
    const bare = lines[i]!.trim();
    if (!isSignOff(bare) && !DECORATION.test(bare)) continue;
    const after = lines.slice(i + 1, last + 1).filter((line) => !isBlank(line));
    if (after.length > MAX_SIGNATURE_LINES || !after.every(isSignatureLike)) continue;
    if (lines.slice(0, i).join('\n').trim().length === 0) return undefined;
    return i;
  }
  return undefined;
}

function latinShare(text: string): { letters: number; latin: number } {
  const letters = text.match(LETTER)?.length ?? 0;
  return { letters, latin: letters === 0 ? 0 : (text.match(LATIN_LETTER)?.length ?? 0) / letters };
}

/**
 * A last paragraph with no sign-off that is still a signature: a name line, then lines with a
 * phone, e-mail or web address; or, under text in another script (an English signature under
 * Chinese text), a name line and a company or job title.
 */
export function findTrailingSignature(lines: string[]): number | undefined {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !isBlank(lines[start - 1]!)) start--;
  if (start === 0 || end - start < 2 || end - start > MAX_SIGNATURE_LINES) return undefined;
  const block = lines.slice(start, end).map((line) => line.trim());
  const before = lines.slice(0, start).join('\n');
  if (before.trim() === '' || !block.every(isSignatureLike)) return undefined;
  const [name, ...rest] = block as [string, ...string[]];
  if (/\d/.test(name) || name.split(/\s+/).length > 5 || CONTACT_LINE.test(name)) return undefined;
  if (rest.some((line) => CONTACT_LINE.test(line))) return start;
  const text = latinShare(before);
  const signature = latinShare(block.join(' '));
  const otherScript = text.letters >= 4 && text.latin < 0.2 && signature.latin > 0.8;
  return otherScript && rest.some((line) => COMPANY_OR_TITLE.test(line)) ? start : undefined;
}

/**
 * A legal disclaimer after the customer's text ("This e-mail and any attachments are
 * confidential…", "Diese E-Mail enthält vertrauliche…"): a paragraph that starts like one and
 * holds three different disclaimer words. Returns where it (and a rule line right above it) starts.
 */
export function findDisclaimer(lines: string[]): number | undefined {
  for (let i = 1; i < lines.length; i++) {
    const bare = lines[i]!.trim();
    if (bare.length === 0 || bare.length > MAX_CHECKED_LINE_LENGTH) continue;
    if (!DISCLAIMER_STARTS.some((pattern) => pattern.test(bare))) continue;
    const paragraph: string[] = [];
    for (let j = i; j < Math.min(lines.length, i + MAX_DISCLAIMER_LINES) && !isBlank(lines[j]!); j++) paragraph.push(lines[j]!);
    const words = new Set([...paragraph.join(' ').slice(0, 8000).matchAll(DISCLAIMER_WORDS)].map((match) => match[0].toLowerCase()));
    if (words.size < MIN_DISCLAIMER_WORDS) continue;
    if (lines.slice(0, i).join('\n').trim() === '') return undefined;
    let above = i - 1;
    while (above > 0 && isBlank(lines[above]!)) above--;
    return DECORATION.test(lines[above]!.trim()) ? above : i;
  }
  return undefined;
}
