import { PassThrough, Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MailParser } from 'mailparser';
import type { OutgoingAttachment, OutgoingMail } from '../core/outgoing.js';
import type { RawMailLocation } from '../core/mail.js';
import type { RawMailStore } from '../ports/index.js';

type ComposerAttachment = {
  filename: string;
  content: Buffer | Readable;
  contentType: string;
  contentDisposition?: 'attachment' | 'inline';
  contentTransferEncoding?: '7bit' | '8bit';
};

/**
 * Builds RFC 5322 bytes with nodemailer's composer, which encodes every header
 * value (no injection by content). Referenced attachments are read from the raw-mail store.
 */
export async function composeMime(mail: OutgoingMail, rawMail?: RawMailStore): Promise<Buffer> {
  return Buffer.concat(await composeMimeParts(mail, rawMail));
}

/** The same bytes as composeMime, in the composer's output chunks: joining them would hold a large mail twice. */
export async function composeMimeParts(mail: OutgoingMail, rawMail?: RawMailStore): Promise<Buffer[]> {
  const attachments = (await Promise.all((mail.attachments ?? []).map((attachment) => resolveAttachment(attachment, rawMail)))).flat();
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc?.length ? mail.cc : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${mail.messageId}>`,
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.references.map((id) => `<${id}>`),
    headers: mail.headers,
    attachments,
  });
  const parts: Buffer[] = [];
  for await (const chunk of composer.compile().createReadStream()) parts.push(chunk as Buffer);
  return parts;
}

async function resolveAttachment(attachment: OutgoingAttachment, rawMail: RawMailStore | undefined): Promise<ComposerAttachment[]> {
  if (!rawMail) throw new Error('attachments need the raw-mail store');
  if (attachment.kind === 'attachments-of') return streamedAttachmentsOf(attachment.location, rawMail);
  // nodemailer would show a message/rfc822 part inline; agents should see the original as an attached .eml.
  // Read whole: nodemailer labels a message/rfc822 part 7bit or 8bit by its content, which a stream would hide.
  const raw = await readAll(await rawMail.open(attachment.location));
  return [{ filename: attachment.filename, content: raw, contentType: 'message/rfc822', contentDisposition: 'attachment' }];
}

interface ListedAttachment {
  filename: string | undefined;
  contentType: string;
  inline: boolean;
  /** For message/* parts, which nodemailer copies unencoded: whether 7bit describes the content. */
  sevenBit: boolean;
}

/**
 * The attachments of a stored mail (an agent's reply), re-attached as they were,
 * without holding them decoded: a first pass over the stored mail lists them, a
 * second hands each one's decoded content to the composer as it reads it.
 */
async function streamedAttachmentsOf(location: RawMailLocation, rawMail: RawMailStore): Promise<ComposerAttachment[]> {
  const listed = await listAttachments(await rawMail.open(location));
  const kept = listed.filter((attachment) => !attachment.inline);
  if (kept.length === 0) return [];
  // A read error may reach a stream before the composer listens to it; the composer still sees it when it reads.
  const contents = kept.map(() => new PassThrough().on('error', () => undefined));
  pipeAttachmentContents(await rawMail.open(location), contents);
  return kept.map((attachment, index) => ({
    // A sender's filename may carry a path ("../../x"): keep only its last segment.
    filename: (attachment.filename ?? `attachment-${index + 1}`).split(/[\\/]/).pop()!.slice(0, 200) || `attachment-${index + 1}`,
    content: contents[index]!,
    contentType: attachment.contentType,
    contentDisposition: 'attachment',
    ...(/^message\//i.test(attachment.contentType) ? { contentTransferEncoding: attachment.sevenBit ? '7bit' : '8bit' } : {}),
  }));
}

interface ParsedAttachment {
  type: 'attachment';
  content: Readable;
  contentType: string;
  filename?: string;
  contentDisposition?: string;
  release: () => void;
}

/** Each attachment of the mail in order, its content streamed and dropped. */
function listAttachments(source: AsyncIterable<Uint8Array>): Promise<ListedAttachment[]> {
  const listed: ListedAttachment[] = [];
  return new Promise((resolve, reject) => {
    const parser = attachmentParser(source, reject);
    parser.on('data', (data: { type: string }) => {
      if (data.type !== 'attachment') return;
      const part = data as ParsedAttachment;
      const sevenBit = /^message\//i.test(part.contentType) ? sevenBitCheck() : undefined;
      part.content.on('data', (chunk: Buffer) => sevenBit?.update(chunk));
      part.content.on('end', () => {
        listed.push({ filename: part.filename, contentType: part.contentType, inline: part.contentDisposition === 'inline', sevenBit: sevenBit?.fits() ?? false });
        part.release();
      });
    });
    parser.on('end', () => resolve(listed));
  });
}

/** Pipes the content of each attachment that is not inline into the next stream of `into`. */
function pipeAttachmentContents(source: AsyncIterable<Uint8Array>, into: PassThrough[]): void {
  let next = 0;
  const fail = (error: Error) => {
    for (const stream of into.slice(Math.max(0, next - 1))) stream.destroy(error);
  };
  const parser = attachmentParser(source, fail);
  parser.on('data', (data: { type: string }) => {
    if (data.type !== 'attachment') return;
    const part = data as ParsedAttachment;
    part.content.on('end', () => part.release());
    if (part.contentDisposition === 'inline') return void part.content.resume();
    const target = into[next++];
    if (!target) return fail(new Error('the stored mail changed between reading its attachment list and its attachments'));
    part.content.pipe(target);
  });
  parser.on('end', () => {
    if (next < into.length) fail(new Error('the stored mail changed between reading its attachment list and its attachments'));
  });
  // The composer gave up (it destroys its input streams): stop reading the stored mail.
  for (const stream of into) stream.on('close', () => stream.writableFinished || parser.destroy());
}

function attachmentParser(source: AsyncIterable<Uint8Array>, onError: (error: Error) => void): MailParser {
  const parser = new MailParser({ skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const input = Readable.from(source);
  input.once('error', (error) => {
    parser.destroy();
    onError(error);
  });
  parser.once('error', (error: Error) => {
    input.destroy();
    onError(error);
  });
  input.pipe(parser);
  return parser;
}

/** nodemailer's test for labelling a message/* part 7bit: ASCII only, no NUL, no line over 998 octets. */
function sevenBitCheck(): { update(chunk: Buffer): void; fits(): boolean } {
  let fits = true;
  let lineLength = 0;
  return {
    update(chunk) {
      for (let index = 0; fits && index < chunk.length; index++) {
        const byte = chunk[index]!;
        if (byte === 0 || byte > 0x7f) fits = false;
        else if (byte === 0x0a || byte === 0x0d) lineLength = 0;
        else if (++lineLength > 998) fits = false;
      }
    },
    fits: () => fits,
  };
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
