import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser } from 'mailparser';
import type { OutgoingAttachment, OutgoingMail } from '../core/outgoing.js';
import type { RawMailStore } from '../ports/index.js';

type ComposerAttachment = { filename: string; content: Buffer; contentType: string; contentDisposition?: 'attachment' | 'inline' };

/**
 * Builds RFC 5322 bytes with nodemailer's composer, which encodes every header
 * value (no injection by content). Referenced attachments are read from the raw-mail store.
 */
export async function composeMime(mail: OutgoingMail, rawMail?: RawMailStore): Promise<Buffer> {
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
  return composer.compile().build();
}

async function resolveAttachment(attachment: OutgoingAttachment, rawMail: RawMailStore | undefined): Promise<ComposerAttachment[]> {
  if (!rawMail) throw new Error('attachments need the raw-mail store');
  const raw = await readAll(await rawMail.open(attachment.location));
  // nodemailer would show a message/rfc822 part inline; agents should see the original as an attached .eml.
  if (attachment.kind === 'original-message') return [{ filename: attachment.filename, content: raw, contentType: 'message/rfc822', contentDisposition: 'attachment' }];
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  return parsed.attachments
    .filter((part) => part.contentDisposition !== 'inline')
    .map((part, index) => ({
      // A sender's filename may carry a path ("../../x"): keep only its last segment.
      filename: (part.filename ?? `attachment-${index + 1}`).split(/[\\/]/).pop()!.slice(0, 200) || `attachment-${index + 1}`,
      content: part.content,
      contentType: part.contentType,
      contentDisposition: 'attachment',
    }));
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
