import { Readable } from 'node:stream';
import { MailParser, type AddressObject, type EmailAddress, type HeaderLines, type Headers } from 'mailparser';
import { normalizeMessageId, parseMessageIdList, type AttachmentInfo, type InboundMail, type MailAddress } from '../core/mail.js';
import { decodeText, SniffingIconv } from './charsets.js';

/** Longest HTML mailparser converts to text; beyond this the text part (if any) is used alone. */
const MAX_HTML_TO_PARSE = 4 * 1024 * 1024;
/** Raw bytes kept to repair undeclared 8-bit headers and bodies; larger mails are never held whole. */
const REPAIR_WINDOW = 1024 * 1024;

/**
 * Parses raw RFC 5322 bytes with mailparser's streaming parser. Attachments are
 * counted and released as they stream past, never held in memory: a 40 MB mail
 * costs its text parts, not its attachments.
 */
export async function parseMail(source: AsyncIterable<Uint8Array> | Uint8Array | string): Promise<InboundMail> {
  const parser = new MailParser({
    // Body parts are decoded by our sniffing decoder: declared charsets are often wrong.
    Iconv: SniffingIconv as unknown as NonNullable<ConstructorParameters<typeof MailParser>[0]>['Iconv'],
    keepDeliveryStatus: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: MAX_HTML_TO_PARSE,
  });

  let headers: Headers = new Map();
  let headerLines: HeaderLines = [];
  let text = '';
  let subject = '';
  let html = false;
  let sizeBytes = 0;
  const attachments: AttachmentInfo[] = [];
  const pendingAttachments: Promise<void>[] = [];

  parser.on('headers', (parsed: Headers) => (headers = parsed));
  parser.on('headerLines', (lines: HeaderLines) => (headerLines = lines));
  parser.on('data', (data: ParserData) => {
    if (data.type === 'text') {
      text = typeof data.text === 'string' ? data.text : '';
      html = typeof data.html === 'string' && data.html.length > 0;
      return;
    }
    pendingAttachments.push(countAndRelease(data, attachments));
  });

  const input = typeof source === 'string' || source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : Readable.from(source);
  const head: Buffer[] = [];
  const counted = input.on('data', (chunk: Buffer) => {
    if (sizeBytes < REPAIR_WINDOW) head.push(chunk);
    sizeBytes += chunk.length;
  });

  await new Promise<void>((resolve, reject) => {
    // mailparser emits non-fatal errors (e.g. HTML too long to convert) and still ends.
    const warnings: Error[] = [];
    parser.on('error', (error: Error) => warnings.push(error));
    parser.on('end', () => resolve());
    counted.on('error', reject);
    counted.pipe(parser);
  });
  await Promise.all(pendingAttachments);

  const contentType = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const repaired = repairUndeclared8bit(Buffer.concat(head), sizeBytes <= REPAIR_WINDOW, {
    subject: stringHeader(headers.get('subject')) ?? '',
    text,
    charset: contentType?.params?.charset,
    singleTextPart: !contentType?.value || /^text\/plain$/i.test(contentType.value),
  });
  subject = repaired.subject;
  text = repaired.text;
  return {
    messageId: normalizeMessageId(stringHeader(headers.get('message-id'))),
    from: addresses(headers.get('from'))[0],
    replyTo: addresses(headers.get('reply-to')),
    to: addresses(headers.get('to')),
    cc: addresses(headers.get('cc')),
    subject,
    date: validDate(headers.get('date')),
    inReplyTo: parseMessageIdList(rawHeader(headerLines, 'in-reply-to')),
    references: parseMessageIdList(rawHeader(headerLines, 'references')),
    headers: headerMap(headerLines),
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    contentTypeParams: lowercaseKeys(contentType?.params ?? {}),
    text,
    hasHtml: html,
    attachments,
    sizeBytes,
  };
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
