import { describe, expect, it } from 'vitest';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { deliverRoutedMail } from '../../lambdas/core/deliver.js';
import { ingestMail, type IngestResult } from '../../lambdas/core/ingest.js';
import type { OutgoingMail } from '../../lambdas/core/outgoing.js';
import type { RoutingMessage } from '../../lambdas/schemas/routing.js';
import { renderReason } from '../../lambdas/schemas/reasons.js';
import { mailboxAndWebhookConfig, memoryDependencies, PARTNERS_WEBHOOK, receive } from '../support/fixtures.js';
import { memorySecrets } from '../support/memory-ports.js';

/**
 * Every hostile input we guard against, end to end through ingest (and delivery to a
 * mailbox and a webhook team): each ends in a recorded state with a clear reason,
 * nothing crashes or loops, and nothing from the mail becomes a header or markup
 * in what we send.
 */
const config = mailboxAndWebhookConfig();

const lines = (...parts: string[]) => parts.join('\r\n');
const INJECTED = 'Bcc: victim@example.org';

interface Outcome {
  result: IngestResult;
  sent: OutgoingMail[];
  mimes: string[];
  webhookBodies: string[];
}

async function run(raw: string | Buffer, to = 'support@example.com'): Promise<Outcome> {
  const deps = memoryDependencies(config);
  const result = await ingestMail(receive(deps, raw, { recipients: [to] }), deps);
  const webhookBodies: string[] = [];
  for (const { message } of deps.routing.sent) {
    await deliverRoutedMail(message as RoutingMessage, {
      ...deps,
      http: { post: async (_url, body) => (webhookBodies.push(body), { status: 200, retryAfterSeconds: undefined }) },
      sleeper: { sleep: async () => undefined },
      secrets: memorySecrets('k', { [PARTNERS_WEBHOOK.secretName]: 'secret' }),
    });
  }
  const mimes = await Promise.all(deps.mailer.sent.map(async (mail) => (await composeMime(mail, deps.rawMail)).toString('utf8')));
  return { result, sent: deps.mailer.sent, mimes, webhookBodies };
}

/** The header block of each composed mail must not contain a line the sender wrote. */
function expectNoInjectedHeader(outcome: Outcome): void {
  for (const mime of outcome.mimes) {
    const headers = mime.slice(0, mime.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^X-Injected:/im);
  }
}

describe('hostile input', () => {

  it('CR/LF in the subject and display name cannot add headers to our mail or fields to the webhook JSON', async () => {
    const subject = `=?UTF-8?B?${Buffer.from(`Hi\r\n${INJECTED}\r\nX-Injected: 1`).toString('base64')}?=`;
    for (const to of ['support@example.com', 'partners@example.com']) {
      const outcome = await run(lines(`From: "Eve\\r\\n${INJECTED}" <eve@customer.example.org>`, `To: ${to}`, `Subject: ${subject}`, '', 'hello', ''), to);
      expect(outcome.result.disposition).toBe('new-thread');
      expect(outcome.result.reasons.map(renderReason).join()).toContain('header-control-characters');
      expectNoInjectedHeader(outcome);
      for (const body of outcome.webhookBodies) {
        const json = JSON.parse(body);
        expect(Object.keys(json)).toEqual(['version', 'type', 'deliveryId', 'sentAt', 'thread', 'message', 'reasons']);
        expect(json.message.subject).toContain('Bcc');
      }
    }
  });

  it('an oversized header line is cut and recorded', async () => {
    const outcome = await run(lines('From: eve@customer.example.org', 'To: support@example.com', `Subject: ${'A'.repeat(200_000)}`, '', 'hello', ''));
    expect(outcome.result.reasons).toContainEqual({ code: 'header-too-long', detail: 'subject of 200000 characters cut to 998' });
    expect(outcome.sent[0]!.subject.length).toBeLessThan(200);
  });

  it('1000 recipients: kept to a bounded list, answered only to the sender', async () => {
    const to = ['support@example.com', ...Array.from({ length: 999 }, (_, index) => `r${index}@elsewhere.example.net`)].join(', ');
    const outcome = await run(lines('From: eve@customer.example.org', `To: ${to}`, 'Subject: hello all', 'Date: Tue, 24 Nov 2026 07:00:00 +0100', 'Message-ID: <many.1@customer.example.org>', '', 'hello', ''));
    expect(outcome.result.reasons).toContainEqual({ code: 'recipients-capped', detail: '1000 To addresses, 200 kept' });
    const ack = outcome.sent.find((mail) => mail.headers['Auto-Submitted'] === 'auto-replied')!;
    expect(ack.to.map((recipient) => recipient.address)).toEqual(['eve@customer.example.org']);
    expect(ack.cc ?? []).toEqual([]);
  });

  it('deeply nested multiparts are refused before they can exhaust the parser, and quarantined', async () => {
    let body = '';
    for (let depth = 0; depth < 3000; depth++) body += `--b${depth}\r\nContent-Type: multipart/mixed; boundary="b${depth + 1}"\r\n\r\n`;
    const outcome = await run(lines('From: eve@customer.example.org', 'To: support@example.com', 'Subject: nest', 'Content-Type: multipart/mixed; boundary="b0"', '', body));
    expect(outcome.result.disposition).toBe('quarantine');
    expect(outcome.result.reasons).toEqual([{ code: 'mime-too-deep', detail: 'more than 100 multipart boundaries' }]);
    expect(outcome.sent).toHaveLength(0);
  });

  it('a zero-byte mail is quarantined as empty', async () => {
    const outcome = await run(Buffer.alloc(0));
    expect(outcome.result.disposition).toBe('quarantine');
    expect(outcome.result.reasons.map(renderReason).join()).toMatch(/empty|no-sender/);
  });

  it('invalid base64 in an attachment is listed as what it decodes to, without a crash', async () => {
    const outcome = await run(lines('From: eve@customer.example.org', 'To: support@example.com', 'Subject: file', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="q"', '', '--q', 'Content-Type: text/plain', '', 'see file', '--q', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Disposition: attachment; filename="a.pdf"', 'Content-Transfer-Encoding: base64', '', '!!!% not base64 @@@', '--q--', ''),
    );
    expect(outcome.result.disposition).toBe('new-thread');
  });

  it('HTML with scripts: no script text or markup reaches the team, the customer or the webhook', async () => {
    for (const to of ['support@example.com', 'partners@example.com']) {
      const outcome = await run(lines('From: eve@customer.example.org', `To: ${to}`, 'Subject: <script>alert(1)</script>', 'Content-Type: text/html', '', '<p>Hello</p><script>document.location="https://evil.example"</script><img src=x onerror=alert(1)>', ''),
        to,
      );
      expect(outcome.result.reasons.map(renderReason).join()).toContain('html-active-content');
      for (const mail of outcome.sent) {
        expect(mail.text).not.toContain('document.location');
        expect(mail.text).not.toMatch(/<script|onerror/i);
        expect(mail.subject).not.toMatch(/<script/i);
      }
      for (const body of outcome.webhookBodies) expect(JSON.parse(body).message.text).not.toContain('document.location');
    }
  });

  it('filenames with path traversal are reduced to their last segment and recorded', async () => {
    const outcome = await run(lines('From: eve@customer.example.org', 'To: partners@example.com', 'Subject: file', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="q"', '', '--q', 'Content-Type: text/plain', '', 'see file', '--q', 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="../../../etc/passwd"', 'Content-Transfer-Encoding: base64', '', Buffer.from('root:x:0:0').toString('base64'), '--q--', ''),
      'partners@example.com',
    );
    expect(outcome.result.reasons).toContainEqual({ code: 'attachment-name-sanitized', detail: 'path or control characters removed from an attachment name' });
    expect(JSON.parse(outcome.webhookBodies[0]!).message.attachments[0].filename).toBe('passwd');
  });
});
