/**
 * Finds the words a person wrote *in this mail*: removes quoted earlier mail,
 * reply headers, signatures, device footers, legal disclaimers and Replyline's
 * own forwarded header block. Pure and line-based; knows the mail clients of
 * every built-in language (patterns in `quote-patterns.ts` and
 * `signature-patterns.ts`). Classification and language detection run on `newText`.
 */
import {
  BLOCK_FROM,
  BLOCK_SENT,
  BLOCK_TO_SUBJECT,
  DEVICE_FOOTERS,
  FORWARD_LINE,
  FORWARD_SEPARATOR,
  LINE_ATTRIBUTIONS,
  ORIGINAL_SEPARATOR,
  UNDERSCORE_RULE,
  WRAPPING_ATTRIBUTIONS,
  WROTE_BEFORE_QUOTE,
} from './quote-patterns.js';
import { findDisclaimer, findSignOff, findTrailingSignature } from './signature.js';

/** What was removed, in the order it is looked for: Replyline block, reply header, footer, disclaimer, `>` lines, sign-off. */
type RemovedKind =
  /** `>` quoted lines, or everything from a reply header ("On … wrote:", "-----Original Message-----", Outlook "From:/Sent:" block…). */
  | 'quoted-reply'
  /** Everything from a "---------- Forwarded message ----------" style separator. */
  | 'forwarded-message'
  /** Everything from the `-- ` delimiter, a sign-off ("Best regards,", "Mit freundlichen Grüßen") followed by a short block, a decoration line closing the mail, or a trailing name-and-contact block. */
  | 'signature'
  /** "Sent from my iPhone", "Von meinem iPhone gesendet", "iPhone에서 보냄", "发自我的iPhone" and the like (and what follows). */
  | 'device-footer'
  /** A legal disclaimer after the text ("This e-mail and any attachments are confidential…") and what follows it. */
  | 'disclaimer'
  /** Lines between `----- Replyline -----` and `----- end Replyline -----` (put on forwarded mail by the deliver Lambda). */
  | 'forwarded-header-block';

interface StrippedText {
  newText: string;
  removed: RemovedKind[];
}

export const REPLYLINE_BLOCK_START = '----- Replyline -----';
export const REPLYLINE_BLOCK_END = '----- end Replyline -----';

const QUOTE_PREFIX = /^[ \t]*(>|＞)/;

/**
 * Removes every Replyline header block (also when quoted with `>`): the
 * start marker line, the end marker line and everything between. A start
 * marker without an end marker removes to the end of the text.
 */
export function stripReplylineBlock(text: string): { text: string; found: boolean } {
  const lines = splitLines(text);
  const kept: string[] = [];
  let inside = false;
  let found = false;
  for (const line of lines) {
    const bare = line.replace(/^[ \t>＞]*/, '').trim();
    if (!inside && bare === REPLYLINE_BLOCK_START) {
      inside = true;
      found = true;
      continue;
    }
    if (inside) {
      if (bare === REPLYLINE_BLOCK_END) inside = false;
      continue;
    }
    kept.push(line);
  }
  return { text: kept.join('\n'), found };
}

/** Splits off quoted replies, forwarded parts, signatures, footers and disclaimers; `removed` lists what was found. */
export function stripQuotedAndSignature(text: string): StrippedText {
  const removed = new Set<RemovedKind>();
  const block = stripReplylineBlock(text);
  if (block.found) removed.add('forwarded-header-block');
  let lines = splitLines(block.text);
  const cutAt = (index: number | undefined, kind: RemovedKind): void => {
    if (index === undefined) return;
    lines = lines.slice(0, index);
    removed.add(kind);
  };

  // 1. Cut at the first reply/forward header: what follows is earlier mail.
  const header = findReplyHeader(lines);
  cutAt(header?.index, header?.kind ?? 'quoted-reply');

  // 2. Cut at the signature delimiter or a device footer, then at a legal disclaimer.
  const footer = findFooter(lines);
  cutAt(footer?.index, footer?.kind ?? 'signature');
  cutAt(findDisclaimer(lines), 'disclaimer');

  // 3. Drop `>` quoted lines that remain (interleaved replies keep the customer's own lines).
  const unquoted = lines.filter((line) => !QUOTE_PREFIX.test(line));
  if (unquoted.length !== lines.length) removed.add('quoted-reply');
  lines = unquoted;

  // 4. A sign-off followed by a short block (name, title, phone), or a bare contact block, closes the mail.
  cutAt(findSignOff(lines) ?? findTrailingSignature(lines), 'signature');

  return { newText: tidy(lines), removed: [...removed] };
}

/**
 * The sender's own part of a mail, footers and signatures included: everything
 * before the first reply or forward header, without `>` quoted lines. Screening
 * reads it, so a newsletter's footer counts and a forwarded one does not.
 */
export function withoutEarlierMail(text: string): string {
  let lines = splitLines(stripReplylineBlock(text).text);
  const header = findReplyHeader(lines);
  if (header) lines = lines.slice(0, header.index);
  return tidy(lines.filter((line) => !QUOTE_PREFIX.test(line)));
}

function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function tidy(lines: string[]): string {
  return lines
    .map((line) => line.replace(/[ \t\u00a0\u3000]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------
// Reply and forward headers

/** Lines longer than this are text, never a header or a footer (bounds the work on huge lines). */
const MAX_HEADER_LINE_LENGTH = 400;

function findReplyHeader(lines: string[]): { index: number; kind: RemovedKind } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = line.trim();
    if (bare.length === 0 || bare.length > MAX_HEADER_LINE_LENGTH || QUOTE_PREFIX.test(line)) continue;
    if (ORIGINAL_SEPARATOR.test(bare)) return { index: i, kind: 'quoted-reply' };
    if (FORWARD_SEPARATOR.test(bare) || FORWARD_LINE.test(bare)) return { index: i, kind: 'forwarded-message' };
    if (isAttribution(lines, i)) return { index: i, kind: 'quoted-reply' };
    if ((BLOCK_FROM.test(bare) || BLOCK_SENT.test(bare)) && isHeaderBlock(lines, i)) {
      const start = i > 0 && UNDERSCORE_RULE.test(lines[i - 1]!.trim()) ? i - 1 : i;
      return { index: start, kind: 'quoted-reply' };
    }
  }
  return undefined;
}

/**
 * How every attribution ends: a colon, or the verb of "… wrote". Lines ending otherwise skip the
 * attribution patterns, whose leading wildcards are costly on every line of a long mail.
 */
const ATTRIBUTION_END = /([:：]|wrote|writes|écrit|dit|escribió|escreveu|scritto|geschreven|写道|寫道|メッセージ|書きました)\s*$/iu;

function isAttribution(lines: string[], index: number): boolean {
  const one = lines[index]!.trim();
  if (ATTRIBUTION_END.test(one) && LINE_ATTRIBUTIONS.some((pattern) => pattern.test(one))) return true;
  if (WROTE_BEFORE_QUOTE.test(one) && nextLineIsQuoted(lines, index)) return true;
  const candidates = [one];
  const next = lines[index + 1]?.trim();
  if (next) {
    candidates.push(`${one} ${next}`);
    const third = lines[index + 2]?.trim();
    if (third) candidates.push(`${one} ${next} ${third}`);
  }
  return candidates.some(
    (candidate) => candidate.length <= 2 * MAX_HEADER_LINE_LENGTH && ATTRIBUTION_END.test(candidate) && WRAPPING_ATTRIBUTIONS.some((pattern) => pattern.test(candidate)),
  );
}

function nextLineIsQuoted(lines: string[], index: number): boolean {
  for (let j = index + 1; j < lines.length; j++) {
    if (lines[j]!.trim() !== '') return QUOTE_PREFIX.test(lines[j]!);
  }
  return false;
}

/**
 * A From or Sent line starts a block that holds a From, a Sent/Date and a To/Subject line within
 * 7 lines, with an address on the From line or a date on the Sent line ("Da: lunedì / Data: ieri /
 * A: voi" is text).
 */
function isHeaderBlock(lines: string[], index: number): boolean {
  let from: string | undefined;
  let sent: string | undefined;
  let toOrSubject = false;
  for (let j = index; j < Math.min(lines.length, index + 7); j++) {
    const bare = lines[j]!.trim();
    if (bare.length > MAX_HEADER_LINE_LENGTH) continue;
    if (BLOCK_FROM.test(bare)) from ??= bare;
    else if (BLOCK_SENT.test(bare)) sent ??= bare;
    else if (BLOCK_TO_SUBJECT.test(bare)) toOrSubject = true;
  }
  if (from === undefined || sent === undefined || !toOrSubject) return false;
  return from.includes('@') || /\d/.test(sent);
}

// ---------------------------------------------------------------------------
// Signature delimiter and device footers

const SIGNATURE_DELIMITER = /^-- ?$/;

/** The footer text without a link the app appends ("Get Outlook for Android<https://aka.ms/…>") or closing punctuation. */
function footerText(line: string): string {
  return line
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s*[<(]\s*https?:\/\/[^\s>)]*\s*[>)]/gi, '')
    .trim()
    .replace(/[.!。！]+$/, '');
}

function findFooter(lines: string[]): { index: number; kind: RemovedKind } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIGNATURE_DELIMITER.test(line)) return { index: i, kind: 'signature' };
    if (line.length > MAX_HEADER_LINE_LENGTH) continue;
    const text = footerText(line);
    if (text.length > 0 && DEVICE_FOOTERS.some((pattern) => pattern.test(text))) return { index: i, kind: 'device-footer' };
  }
  return undefined;
}
