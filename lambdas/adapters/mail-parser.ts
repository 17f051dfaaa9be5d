import { Readable } from 'node:stream';
import { MailParser, type AddressObject, type EmailAddress, type HeaderLines, type Headers } from 'mailparser';
import { normalizeMessageId, parseMessageIdList, UnparseableMailError, type AttachmentInfo, type InboundMail, type MailAddress } from '../core/mail.js';
import { uniqueReasons, type Reason } from '../schemas/reasons.js';
import { decodeText, SniffingIconv } from './charsets.js';
import { utcOffsetOfDateHeader } from '../core/mail-date.js';

/**
 * Characters of one HTML part converted to text: html-to-text costs about a microsecond a
 * character (more with thousands of links), and the customer's words come first.
 */
export const MAX_HTML_TO_CONVERT = 512 * 1024;
/** Body text kept (screening, classification, FAQ, the team's copy); the raw mail keeps the rest. */
export const MAX_TEXT_CHARS = 1024 * 1024;
/** Raw bytes kept to repair undeclared 8-bit headers and bodies; larger mails are never held whole. */
const REPAIR_WINDOW = 1024 * 1024;
/** Real mail nests a handful of multiparts; thousands only come from attacks, and blow the parser's stack. */
const MAX_MULTIPART_BOUNDARIES = 100;
/** RFC 5322's line limit: longer subjects are cut (stored records have size limits too). */
const MAX_SUBJECT_CHARS = 998;
const MAX_LISTED_ATTACHMENTS = 200;
const MAX_ADDRESSES = 200;

/**
 * Parses raw RFC 5322 bytes with mailparser's streaming parser. Attachments are
 * counted and released as they stream past, never held in memory: a 40 MB mail
 * costs its text parts, not its attachments.
 */
export async function parseMail(source: AsyncIterable<Uint8Array> | Uint8Array | string): Promise<InboundMail> {
  const parser = streamingParser();
  const cutHtmlParts = boundHtmlConversion(parser);
  const streamed = await streamThrough(parser, source);
  const { headers, headerLines, contentType } = streamed;
  const defects: Reason[] = cutHtmlParts.map((length) => ({ code: 'html-truncated', detail: `an HTML part of ${length} characters was converted to text from its first ${MAX_HTML_TO_CONVERT}` }));
  const { subject, text } = boundedText(streamed, defects);
  const attachments = sanitizedAttachments(streamed.attachments, defects);
  const fromHeader = addresses(headers.get('from'))[0];
  if (/[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(subject + (fromHeader?.name ?? ''))) {
    defects.push({ code: 'header-control-characters', detail: 'line breaks or control characters inside the subject or a name (neutralised in everything we send)' });
  }
  if (streamed.activeHtml) defects.push({ code: 'html-active-content', detail: 'scripts or event handlers in the HTML (only its text is used)' });
  return {
    messageId: normalizeMessageId(stringHeader(headers.get('message-id'))),
    from: fromHeader,
    replyTo: addresses(headers.get('reply-to')),
    to: cappedRecipients(addresses(headers.get('to')), 'To', defects),
    cc: cappedRecipients(addresses(headers.get('cc')), 'Cc', defects),
    subject,
    date: validDate(headers.get('date')),
    dateUtcOffsetMinutes: utcOffsetOfDateHeader(rawHeader(headerLines, 'date')),
    inReplyTo: parseMessageIdList(rawHeader(headerLines, 'in-reply-to')),
    references: parseMessageIdList(rawHeader(headerLines, 'references')),
    headers: headerMap(headerLines),
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    contentTypeParams: lowercaseKeys(contentType?.params ?? {}),
    text,
    hasHtml: streamed.html,
    attachments,
    sizeBytes: streamed.sizeBytes,
    defects: uniqueReasons(defects),
  };
}

function streamingParser(): MailParser {
  return new MailParser({
    // Body parts are decoded by our sniffing decoder: declared charsets are often wrong.
    Iconv: SniffingIconv as unknown as NonNullable<ConstructorParameters<typeof MailParser>[0]>['Iconv'],
    keepDeliveryStatus: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    // Never reached: longer parts are cut before conversion (boundHtmlConversion); kept as a backstop.
    maxHtmlLengthToParse: MAX_HTML_TO_CONVERT,
  });
}

/** What the parser saw of a mail, before anything is cut or cleaned. */
interface StreamedMail {
  headers: Headers;
  headerLines: HeaderLines;
  contentType: { value?: string; params?: Record<string, string> } | undefined;
  text: string;
  html: boolean;
  /** Scripts or event handlers in the HTML part. */
  activeHtml: boolean;
  attachments: AttachmentInfo[];
  sizeBytes: number;
  /** The first REPAIR_WINDOW bytes, for repairing undeclared 8-bit text. */
  head: Buffer;
}

/** Streams the mail through the parser, refusing one with more multipart boundaries than a parser should build. */
async function streamThrough(parser: MailParser, source: AsyncIterable<Uint8Array> | Uint8Array | string): Promise<StreamedMail> {
  const streamed: StreamedMail = { headers: new Map(), headerLines: [], contentType: undefined, text: '', html: false, activeHtml: false, attachments: [], sizeBytes: 0, head: Buffer.alloc(0) };
  const pendingAttachments: Promise<void>[] = [];
  parser.on('headers', (parsed: Headers) => (streamed.headers = parsed));
  parser.on('headerLines', (lines: HeaderLines) => (streamed.headerLines = lines));
  parser.on('data', (data: ParserData) => {
    if (data.type !== 'text') return void pendingAttachments.push(countAndRelease(data, streamed.attachments));
    streamed.text = typeof data.text === 'string' ? data.text : '';
    streamed.html = typeof data.html === 'string' && data.html.length > 0;
    streamed.activeHtml = streamed.html && /<script\b|\son[a-z]+\s*=|javascript:/i.test(data.html as string);
  });
  const input = typeof source === 'string' || source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : Readable.from(source);
  const head: Buffer[] = [];
  let boundaries = 0;
  let carry = '';
  await new Promise<void>((resolve, reject) => {
    input.on('data', (chunk: Buffer) => {
      if (streamed.sizeBytes < REPAIR_WINDOW) head.push(chunk);
      streamed.sizeBytes += chunk.length;
      // Count multipart boundaries as they stream past, before the parser builds its tree.
      const seen = carry + chunk.toString('latin1');
      boundaries += (seen.match(/boundary\s*=/gi) ?? []).length - (carry.match(/boundary\s*=/gi) ?? []).length;
      carry = seen.slice(-16);
      if (boundaries <= MAX_MULTIPART_BOUNDARIES) return;
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
      reject(new UnparseableMailError({ code: 'mime-too-deep', detail: `more than ${MAX_MULTIPART_BOUNDARIES} multipart boundaries` }));
    });
    // mailparser emits non-fatal errors (e.g. HTML too long to convert) and still ends.
    parser.on('error', () => undefined);
    parser.on('end', () => resolve());
    input.on('error', reject);
    input.pipe(parser);
  });
  await Promise.all(pendingAttachments);
  streamed.head = Buffer.concat(head);
  streamed.contentType = streamed.headers.get('content-type') as StreamedMail['contentType'];
  return streamed;
}

/** The subject and text, undeclared 8-bit text repaired and each cut to its cap (recorded). */
function boundedText(streamed: StreamedMail, defects: Reason[]): { subject: string; text: string } {
  const { contentType } = streamed;
  let { subject, text } = repairUndeclared8bit(streamed.head, streamed.sizeBytes <= REPAIR_WINDOW, {
    subject: stringHeader(streamed.headers.get('subject')) ?? '',
    text: streamed.text,
    charset: contentType?.params?.charset,
    singleTextPart: !contentType?.value || /^text\/plain$/i.test(contentType.value),
  });
  if (text.length > MAX_TEXT_CHARS) {
    defects.push({ code: 'text-truncated', detail: `body text of ${text.length} characters cut to ${MAX_TEXT_CHARS}` });
    text = cutAt(text, MAX_TEXT_CHARS);
  }
  if (subject.length > MAX_SUBJECT_CHARS) {
    defects.push({ code: 'header-too-long', detail: `subject of ${subject.length} characters cut to ${MAX_SUBJECT_CHARS}` });
    subject = subject.slice(0, MAX_SUBJECT_CHARS);
  }
  return { subject, text };
}

/** Attachment names without paths or control characters, and at most MAX_LISTED_ATTACHMENTS listed (recorded). */
function sanitizedAttachments(attachments: AttachmentInfo[], defects: Reason[]): AttachmentInfo[] {
  for (const attachment of attachments) {
    const safe = safeFilename(attachment.filename);
    if (safe === attachment.filename) continue;
    defects.push({ code: 'attachment-name-sanitized', detail: 'path or control characters removed from an attachment name' });
    attachment.filename = safe;
  }
  if (attachments.length > MAX_LISTED_ATTACHMENTS) defects.push({ code: 'attachments-capped', detail: `${attachments.length} attachments, ${MAX_LISTED_ATTACHMENTS} listed (all kept in the raw mail)` });
  return attachments.slice(0, MAX_LISTED_ATTACHMENTS);
}

function cappedRecipients(list: MailAddress[], header: string, defects: Reason[]): MailAddress[] {
  if (list.length <= MAX_ADDRESSES) return list;
  defects.push({ code: 'recipients-capped', detail: `${list.length} ${header} addresses, ${MAX_ADDRESSES} kept` });
  return list.slice(0, MAX_ADDRESSES);
}

/** What boundHtmlConversion relies on inside mailparser 3.9 (pinned): its tree of parts and the text step. */
interface MailParserInternals {
  tree: PartNode | false;
  hasText: boolean;
  getTextContent(): unknown;
}
interface PartNode {
  contentType?: string;
  textContent?: string;
  root?: boolean;
  children?: PartNode[];
}

/**
 * mailparser converts each HTML part it takes text from whole, in one call. Just before
 * that step, such parts longer than MAX_HTML_TO_CONVERT are cut (at a tag boundary), so a
 * multi-megabyte or link-stuffed HTML costs a bounded conversion. Returns the original
 * lengths of the parts that were cut, filled in when parsing ends.
 */
function boundHtmlConversion(parser: MailParser): number[] {
  const cut: number[] = [];
  const internals = parser as unknown as MailParserInternals;
  const convert = internals.getTextContent;
  if (typeof convert !== 'function') throw new Error('mailparser no longer has getTextContent(): HTML conversion cannot be bounded');
  internals.getTextContent = function (this: MailParserInternals) {
    const pending: { node: PartNode; alternative: boolean }[] = this.tree ? [{ node: this.tree, alternative: false }] : [];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { node, alternative } = next;
      // mailparser's own rule (getTextContent): HTML gives text outside an alternative next to text parts, or as the only root part.
      const converted = (!alternative && this.hasText) || (node.root === true && !this.hasText);
      if (converted && node.contentType === 'text/html' && typeof node.textContent === 'string' && node.textContent.length > MAX_HTML_TO_CONVERT) {
        cut.push(node.textContent.length);
        node.textContent = cutHtml(node.textContent, MAX_HTML_TO_CONVERT);
      }
      const inAlternative = alternative || node.contentType === 'multipart/alternative';
      for (const child of node.children ?? []) pending.push({ node: child, alternative: inAlternative });
    }
    return convert.call(this);
  };
  return cut;
}

/** The first `max` characters, without a tag cut in half at the end. */
function cutHtml(html: string, max: number): string {
  const head = cutAt(html, max);
  const open = head.lastIndexOf('<');
  return open > head.lastIndexOf('>') ? head.slice(0, open) : head;
}

/** The first `max` characters, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The last path segment, without control characters, at most 200 characters ("../../x" → "x"). */
function safeFilename(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').slice(0, 200);
}

interface ParserData {
  type: 'text' | 'attachment';
  text?: string;
  html?: string | false;
  content?: NodeJS.ReadableStream;
  contentType?: string;
  filename?: string;
  contentDisposition?: string;
  related?: boolean;
  release?: (() => void) | null;
}

function countAndRelease(data: ParserData, into: AttachmentInfo[]): Promise<void> {
  return new Promise((resolve) => {
    let size = 0;
    const content = data.content;
    const finish = (): void => {
      into.push({
        filename: typeof data.filename === 'string' ? data.filename : '',
        contentType: typeof data.contentType === 'string' ? data.contentType.toLowerCase() : 'application/octet-stream',
        sizeBytes: size,
        inline: data.contentDisposition === 'inline' || Boolean(data.related),
      });
      data.release?.();
      resolve();
    };
    if (!content) return finish();
    content.on('data', (chunk: Buffer) => (size += chunk.length));
    content.on('end', finish);
    content.on('error', finish);
  });
}

/**
 * mailparser reads raw 8-bit header bytes (and undeclared 8-bit bodies) as UTF-8;
 * when that left replacement characters, decode the raw bytes again with the
 * declared charset or a sniffed one.
 */
function repairUndeclared8bit(
  raw: Buffer,
  complete: boolean,
  parsed: { subject: string; text: string; charset: string | undefined; singleTextPart: boolean },
): { subject: string; text: string } {
  let { subject, text } = parsed;
  const separator = findHeaderEnd(raw);
  if (separator < 0) return { subject, text };
  if (subject.includes('\uFFFD')) {
    const rawSubject = /(?:^|\n)subject:[ \t]*((?:[^\r\n]|\r?\n[ \t])*)/i.exec(raw.subarray(0, separator).toString('latin1'));
    if (rawSubject) subject = decodeText(Buffer.from(rawSubject[1]!.replace(/\r?\n[ \t]+/g, ' '), 'latin1'), parsed.charset).trim();
  }
  if (text.includes('\uFFFD') && complete && parsed.singleTextPart) {
    const head = raw.subarray(0, separator).toString('latin1');
    if (!/^content-transfer-encoding:\s*(base64|quoted-printable)/im.test(head)) text = decodeText(raw.subarray(separator), parsed.charset);
  }
  return { subject, text };
}

function findHeaderEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
  return lf >= 0 ? lf + 2 : -1;
}

function headerMap(lines: HeaderLines): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const value = unfold(line.slice(line.indexOf(':') + 1));
    const existing = map.get(key);
    if (existing) existing.push(value);
    else map.set(key, [value]);
  }
  return map;
}

function rawHeader(lines: HeaderLines, name: string): string | undefined {
  const found = lines.filter((line) => line.key === name).map((line) => unfold(line.line.slice(line.line.indexOf(':') + 1)));
  return found.length ? found.join(' ') : undefined;
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function stringHeader(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function validDate(value: unknown): Date | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}

function addresses(value: unknown): MailAddress[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []) as AddressObject[];
  return objects.flatMap((object) => flatten(object.value ?? []));
}

function flatten(entries: EmailAddress[]): MailAddress[] {
  return entries.flatMap((entry) => {
    if (entry.group) return flatten(entry.group);
    const address = (entry.address ?? '').trim().toLowerCase();
    return address.includes('@') ? [{ address, name: (entry.name ?? '').trim() }] : [];
  });
}

function lowercaseKeys(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toLowerCase(), String(value)]));
}
