/**
 * Finds the words a person wrote *in this mail*: removes quoted earlier mail,
 * reply headers, signatures, device footers and Replyline's own forwarded
 * header block. Pure and line-based; works for English, Chinese and Japanese
 * mail clients. Classification and language detection run on `newText`.
 */

/** What was removed, in order of first appearance. */
export type RemovedKind =
  /** `>` quoted lines, or everything from a reply header ("On … wrote:", "-----Original Message-----", Outlook "From:/Sent:" block…). */
  | 'quoted-reply'
  /** Everything from a "---------- Forwarded message ----------" style separator. */
  | 'forwarded-message'
  /** Everything from the `-- ` delimiter, a sign-off ("Best regards,") followed by a short block, or a decoration line closing the mail. */
  | 'signature'
  /** "Sent from my iPhone", "Get Outlook for iOS", "发自我的iPhone", "iPhoneから送信" and the like (and what follows). */
  | 'device-footer'
  /** Lines between `----- Replyline -----` and `----- end Replyline -----` (put on forwarded mail by the deliver Lambda). */
  | 'forwarded-header-block';

export interface StrippedText {
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

/** Splits off quoted replies, forwarded parts, signatures and footers; `removed` lists what was found. */
export function stripQuotedAndSignature(text: string): StrippedText {
  const removed = new Set<RemovedKind>();
  const block = stripReplylineBlock(text);
  if (block.found) removed.add('forwarded-header-block');
  let lines = splitLines(block.text);

  // 1. Cut at the first reply/forward header: what follows is earlier mail.
  const cut = findReplyHeader(lines);
  if (cut) {
    lines = lines.slice(0, cut.index);
    removed.add(cut.kind);
  }

  // 2. Cut at the signature delimiter or a device footer.
  const footer = findFooter(lines);
  if (footer) {
    lines = lines.slice(0, footer.index);
    removed.add(footer.kind);
  }

  // 3. Drop `>` quoted lines that remain (interleaved replies keep the customer's own lines).
  const unquoted = lines.filter((line) => !QUOTE_PREFIX.test(line));
  if (unquoted.length !== lines.length) removed.add('quoted-reply');
  lines = unquoted;

  // 4. A sign-off followed by a short block (name, title, phone) closes the mail.
  const signOff = findSignOff(lines);
  if (signOff !== undefined) {
    lines = lines.slice(0, signOff);
    removed.add('signature');
  }

  return { newText: tidy(lines), removed: [...removed] };
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

/** A separator line carrying the words "Original Message" and the like, in dashes or underscores. */
const ORIGINAL_SEPARATOR =
  /^[ \t]*[-_=]{2,}[ \t]*(original message|original|ursprüngliche nachricht|message d'origine|mensaje original|原始邮件|原始郵件|原邮件|元のメッセージ|オリジナル メッセージ|オリジナルメッセージ)[ \t]*[-_=]{2,}[ \t]*$/i;
const FORWARD_SEPARATOR =
  /^[ \t]*[-_=]{2,}[ \t]*(forwarded message|forwarded|begin forwarded message|weitergeleitete nachricht|message transféré|转发邮件|转发的邮件|転送メッセージ|転送されたメッセージ)[ \t]*[-_=]{2,}[ \t]*$|^[ \t]*(begin forwarded message|下面是被转发的邮件|以下は転送されたメッセージです)[ \t]*[:：]?[ \t]*$/i;

/**
 * Reply attributions that start with a distinctive word or a date. Each is
 * tested on one line and on that line joined with the next one or two (Gmail
 * wraps long "On … wrote:" lines).
 */
const WRAPPING_ATTRIBUTIONS: RegExp[] = [
  // English (Gmail, Apple Mail, Thunderbird): "On Tue, 24 Nov 2026 at 10:00, Jane <jane@x.org> wrote:"
  /^On\b.{4,300}\b(wrote|writes)[ \t]*:?$/is,
  // French, German, Spanish, Portuguese, Italian, Dutch (customers abroad).
  /^Le\b.{4,300}\ba écrit[ \t]*:?$/is,
  /^Am\b.{4,300}\bschrieb.{0,120}:$/is,
  /^El\b.{4,300}\bescribió[ \t]*:?$/is,
  /^(Em|On)\b.{4,300}\bescreveu[ \t]*:?$/is,
  /^Il\b.{4,300}\bha scritto[ \t]*:?$/is,
  /^Op\b.{4,300}\bschreef.{0,120}:$/is,
  // Chinese: "在 2026年11月24日 10:00，张三 <x@y.cn> 写道："
  /^(在|于).{2,300}(写道|寫道)[ \t]*[:：]?$/s,
  // Japanese (Gmail): "2026年11月24日(火) 10:00 山田太郎 <yamada@example.jp>:"
  /^\d{4}[年/.-]\s?\d{1,2}[月/.-]\s?\d{1,2}日?.{0,200}@.{0,200}[:：]$/s,
];

/** Attributions recognised on a single line only (their start is ordinary text). */
const LINE_ATTRIBUTIONS: RegExp[] = [
  // "Jane Doe <jane@x.org> wrote:" / "jane@x.org wrote:" (mailing-list and some mobile clients)
  /^.{0,120}(<[^<>\s]+@[^<>\s]+>|[^\s@]+@[^\s@]+\.[a-z]{2,})[ \t]*(wrote|writes)[ \t]*:$/i,
  // Chinese: "2026-11-24 10:00，"张三" <x@y.cn> 写道："
  /^.{2,300}(写道|寫道)[ \t]*[:：]$/,
  // Japanese: "「山田太郎」のメッセージ:", "2026/11/24 10:00、山田 <yamada@x.jp> のメール:", "… さんは書きました:"
  /^.{0,300}「.{1,120}」.{0,120}のメッセージ[ \t]*[:：]?$/,
  /^.{0,300}のメ(ッセージ|ール)[ \t]*[:：]$/,
  /^.{0,300}(さん|様)?は書きました[ \t]*[:：]?$/,
];

/** Outlook-style header blocks: a From line, then a Sent/Date line and a To/Subject line. */
const BLOCK_FROM = /^[ \t*]*(from|von|de|发件人|發件人|寄件者|寄件人|差出人|送信者|送信元)[ \t*]*[:：]/i;
const BLOCK_SENT = /^[ \t*]*(sent|date|gesendet|datum|envoyé|enviado|fecha|发送时间|發送時間|时间|日期|寄件日期|送信日時|日付|日時)[ \t*]*[:：]/i;
const BLOCK_TO_SUBJECT = /^[ \t*]*(to|subject|an|betreff|à|objet|para|asunto|收件人|收件者|主题|主題|主旨|宛先|件名)[ \t*]*[:：]/i;
const UNDERSCORE_RULE = /^[ \t]*_{8,}[ \t]*$/;

function findReplyHeader(lines: string[]): { index: number; kind: RemovedKind } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = line.trim();
    if (bare.length === 0 || QUOTE_PREFIX.test(line)) continue;
    if (ORIGINAL_SEPARATOR.test(bare)) return { index: i, kind: 'quoted-reply' };
    if (FORWARD_SEPARATOR.test(bare)) return { index: i, kind: 'forwarded-message' };
    if (isAttribution(lines, i)) return { index: i, kind: 'quoted-reply' };
    if (BLOCK_FROM.test(bare) && isHeaderBlock(lines, i)) {
      const start = i > 0 && UNDERSCORE_RULE.test(lines[i - 1]!) ? i - 1 : i;
      return { index: start, kind: 'quoted-reply' };
    }
  }
  return undefined;
}

function isAttribution(lines: string[], index: number): boolean {
  const one = lines[index]!.trim();
  if (one.length > 400) return false;
  if (LINE_ATTRIBUTIONS.some((pattern) => pattern.test(one))) return true;
  const candidates = [one];
  const next = lines[index + 1]?.trim();
  if (next) {
    candidates.push(`${one} ${next}`);
    const third = lines[index + 2]?.trim();
    if (third) candidates.push(`${one} ${next} ${third}`);
  }
  return candidates.some((candidate) => WRAPPING_ATTRIBUTIONS.some((pattern) => pattern.test(candidate)));
}

function isHeaderBlock(lines: string[], index: number): boolean {
  let sent = false;
  let toOrSubject = false;
  for (let j = index + 1; j < Math.min(lines.length, index + 7); j++) {
    const bare = lines[j]!.trim();
    if (BLOCK_SENT.test(bare)) sent = true;
    if (BLOCK_TO_SUBJECT.test(bare)) toOrSubject = true;
  }
  return sent && toOrSubject;
}

// ---------------------------------------------------------------------------
// Signatures and footers

const SIGNATURE_DELIMITER = /^-- ?$/;
const DEVICE_FOOTER =
  /^[ \t]*(sent from my \S.{0,40}|sent from (mail|outlook|yahoo mail|aol|my mobile|samsung|gmail)\b.{0,40}|sent (with|via) (proton ?mail|blackberry|spark|airmail)\b.{0,40}|get outlook for (ios|android)|envoyé de mon \S.{0,30}|von meinem \S.{0,40}gesendet|enviado desde mi \S.{0,30}|(发自|来自|發自|从|從)我的\s?\S{0,12}(iphone|ipad|android|手机|手機|华为|huawei|小米|xiaomi|oppo|vivo|荣耀|honor|samsung|三星|galaxy)\S{0,12}|(iphone|ipad|android|スマートフォン|スマホ|携帯)\S{0,12}から送信)[ \t]*$/i;

function findFooter(lines: string[]): { index: number; kind: RemovedKind } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIGNATURE_DELIMITER.test(line)) return { index: i, kind: 'signature' };
    if (DEVICE_FOOTER.test(line.trim())) return { index: i, kind: 'device-footer' };
  }
  return undefined;
}

const SIGN_OFFS =
  /^[ \t]*(((best|kind|warm|warmest|many|with)\s+)?(regards|wishes|thanks)|best|cheers|sincerely|yours sincerely|yours truly|yours faithfully|respectfully|thank you( very much| so much)?|thanks( (a lot|again|in advance))?|thx|mit freundlichen grüßen|cordialement|saludos|此致|敬礼|顺祝商祺|祝好|谢谢|多谢|感谢|以上(、|，)?(よろしくお願い(いた|致)?します)?|よろしくお願い(いた|致)?します|何卒よろしくお願い(いた|致|申し上げ)?(します|ます)|宜しくお願い(いた|致)?します)[ \t]*[,，.。!！]?[ \t]*$/i;
const DECORATION = /^[ \t]*([-=_*~#+━─═＝－]\s*){5,}$/;
const MAX_SIGNATURE_LINES = 8;
const MAX_SIGNATURE_LINE_LENGTH = 60;

/**
 * A sign-off ("Best regards,", "谢谢", "よろしくお願いします") or a decoration
 * rule ("━━━━━") followed only by a short signature-like block (at most 8
 * lines of name, title, company, phone: short, no question) ends the message.
 * Returns the cut index; the earliest qualifying line wins.
 */
function findSignOff(lines: string[]): number | undefined {
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  if (last < 1) return undefined;
  for (let i = Math.max(1, last - MAX_SIGNATURE_LINES); i <= last; i++) {
    const bare = lines[i]!.trim();
    if (!SIGN_OFFS.test(bare) && !DECORATION.test(bare)) continue;
    const after = lines.slice(i + 1, last + 1).filter((line) => line.trim() !== '');
    if (after.length > MAX_SIGNATURE_LINES || !after.every(isSignatureLike)) continue;
    // Keep some text before the cut: a mail that is only "Thanks" stays as it is.
    if (lines.slice(0, i).join('\n').trim().length === 0) return undefined;
    return i;
  }
  return undefined;
}

/** Sentence particles and verb endings: a line with them is text, not a name, title, company or address. */
const CJK_SENTENCE = /[了吗呢吧请没不]|ます|です|ません|ください|でした/;

function isSignatureLike(line: string): boolean {
  const bare = line.trim();
  if (bare.length > MAX_SIGNATURE_LINE_LENGTH || /[?？。！]$/.test(bare) || CJK_SENTENCE.test(bare)) return false;
  const words = bare.split(/\s+/).length;
  if (words >= 4 && /[.!]$/.test(bare)) return false;
  return words <= 7;
}
