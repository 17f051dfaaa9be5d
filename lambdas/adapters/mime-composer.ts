import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../core/outgoing.js';

/** Builds RFC 5322 bytes with nodemailer's composer, which encodes every header value (no injection by content). */
export async function composeMime(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${mail.messageId}>`,
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.references.map((id) => `<${id}>`),
    headers: mail.headers,
  });
  return composer.compile().build();
}
