import { randomBytes } from 'node:crypto';

/** A minimal RFC 5322 mail; CRLF line ends as on the wire. */
export function rawMail(fields: { from: string; to: string; subject: string; body: string; messageId?: string; headers?: Record<string, string> }): string {
  const lines = [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    `Subject: ${fields.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${fields.messageId ?? `${randomBytes(8).toString('hex')}@test.example.org`}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...Object.entries(fields.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '',
    fields.body,
    '',
  ];
  return lines.join('\r\n');
}
