import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** A minimal RFC 5322 mail; CRLF line ends as on the wire. */
export function rawMail(fields: { from: string; to: string; subject: string; body: string; messageId?: string; date?: string; headers?: Record<string, string> }): string {
  const lines = [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    `Subject: ${fields.subject}`,
    // `-0000`: the sender's zone is unknown (RFC 5322), so promised times show in the company's zone only.
    `Date: ${fields.date ?? new Date().toUTCString().replace('GMT', '-0000')}`,
    `Message-ID: <${fields.messageId ?? `${randomBytes(8).toString('hex')}@test.example.org`}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...Object.entries(fields.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '',
    fields.body,
    '',
  ];
  rememberForPrivacyScan(fields);
  return lines.join('\r\n');
}

/** Registers what must never appear in a log: the sender's and other recipients' addresses, the subject, the body. */
function rememberForPrivacyScan(fields: { from: string; to: string; subject: string; body: string }): void {
  const dir = process.env.REPLYLINE_PRIVACY_DIR;
  if (!dir) return;
  const addresses = `${fields.from}, ${fields.to}`.match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? [];
  const customerAddresses = addresses.filter((address) => !/@example\.(com|net)$/i.test(address));
  appendFileSync(join(dir, `mails-${process.pid}.jsonl`), `${JSON.stringify({ addresses: customerAddresses, subject: fields.subject, body: fields.body })}\n`);
}
