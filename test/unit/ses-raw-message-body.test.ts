import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SendRawEmailCommand, SESClient, SESServiceException, type SendRawEmailCommandInput } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { SesMailer } from '../../lambdas/adapters/ses-mailer.js';
import { sendRawEmailCommand, spliceRawMessage } from '../../lambdas/adapters/ses-raw-message-body.js';
import { MailNotSentError, type RawMailStore } from '../../lambdas/ports/index.js';
import { outgoingMail } from '../support/outgoing-mail.js';

interface SentRequest {
  body: Buffer;
  contentLength: string | undefined;
}

/** An SES client whose requests are recorded instead of sent; it answers as SES does. */
function recordingClient(): { ses: SESClient; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const ses = new SESClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async (request: { body: unknown; headers: Record<string, string> }) => {
        const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body as Uint8Array);
        sent.push({ body, contentLength: request.headers['content-length'] });
        const xml = `<SendRawEmailResponse><SendRawEmailResult><MessageId>id-${sent.length}</MessageId></SendRawEmailResult></SendRawEmailResponse>`;
        return { response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: Buffer.from(xml) } };
      },
    } as never,
  });
  return { ses, sent };
}

async function sentBody(command: SendRawEmailCommand): Promise<SentRequest> {
  const { ses, sent } = recordingClient();
  await ses.send(command);
  ses.destroy();
  return sent[0]!;
}

/** The message cut at uneven places, so that base64 groups straddle parts. */
function inParts(data: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0, size = 1; start < data.length; start += size, size = (size * 7 + 5) % 65_536 || 1) parts.push(data.subarray(start, start + size));
  return parts;
}

describe('SendRawEmail body written directly', () => {
  const messages: [string, Buffer][] = [
    ['a short mail', Buffer.from('Subject: hello\r\n\r\nhi there\r\n')],
    ['one byte', Buffer.from('x')],
    ['two bytes', Buffer.from('xy')],
    ['binary bytes of every value', Buffer.from(Array.from({ length: 1024 }, (_, index) => index % 256))],
    // Lengths that leave 0, 1 and 2 bytes after the last whole 3-byte group (base64 padding).
    ['2 MB of random bytes', randomBytes(2 * 1024 * 1024 + 1)],
    ['three bytes', Buffer.from('xyz')],
  ];

  it.each(messages)('is byte for byte the body the SDK serializes: %s', async (_, data) => {
    const input: Omit<SendRawEmailCommandInput, 'RawMessage'> = {
      Source: 'support@example.com',
      Destinations: ['team@example.com', 'agent+tag@example.com'],
      Tags: [{ Name: 'replyline-tracking', Value: 'key_with-chars.1' }],
      ConfigurationSetName: 'replyline-sending',
    };
    const sdk = await sentBody(new SendRawEmailCommand({ ...input, RawMessage: { Data: data } }));
    for (const parts of [[data], inParts(data)]) {
      const direct = await sentBody(sendRawEmailCommand(input, parts));
      expect(direct.body.equals(sdk.body)).toBe(true);
      expect(direct.contentLength).toBe(String(sdk.body.length));
    }
  });

  it('refuses a body without the placeholder rather than send something else', () => {
    expect(() => spliceRawMessage('Action=SendRawEmail&RawMessage.Data=aGVsbG8%3D&Version=2010-12-01', [Buffer.from('x')])).toThrow(/placeholder/);
  });
});

describe('SesMailer with an attached original', () => {
  it('sends the composed mail, original included, through the direct body', async () => {
    const original = Buffer.from(
      ['From: Customer <customer@customer.example.org>', 'To: support@example.com', 'Subject: Broken kettle', 'Message-ID: <orig-1@customer.example.org>', '', 'It leaks.', ''].join('\r\n'),
    );
    const store: RawMailStore = {
      open: async () =>
        (async function* () {
          for (let start = 0; start < original.length; start += 16) yield original.subarray(start, start + 16);
        })(),
    };
    const { ses, sent } = recordingClient();
    const mail = outgoingMail({
      from: { address: 'support@example.com', name: 'Customer via Replyline' },
      to: [{ address: 'team@example.com', name: '' }],
      subject: '[RL-ABC123] Broken kettle',
      text: 'Forwarded for the team.',
      messageId: 'fwd-1@example.com',
      inReplyTo: 'orig-1@customer.example.org',
      references: ['orig-1@customer.example.org'],
      attachments: [{ kind: 'original-message', location: { bucket: 'raw', key: 'inbound/1' }, filename: 'RL-ABC123-original.eml' }],
      trackingKey: 'deliver_1',
    });
    const result = await new SesMailer(ses, store, 'replyline-sending').send(mail);
    ses.destroy();

    expect(result.providerMessageId).toBe('id-1');
    const form = new URLSearchParams(sent[0]!.body.toString('utf8'));
    expect(form.get('ConfigurationSetName')).toBe('replyline-sending');
    const composed = Buffer.from(form.get('RawMessage.Data')!, 'base64');
    expect(composed.includes(original)).toBe(true);
    const parsed = await parseMail(composed);
    expect(parsed.subject).toBe('[RL-ABC123] Broken kettle');
    expect(parsed.text).toContain('Forwarded for the team.');
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: 'RL-ABC123-original.eml', contentType: 'message/rfc822', sizeBytes: original.length })]);
  });
});

describe('SesMailer failures', () => {
  const mail = outgoingMail();

  it('reports a refusal by SES (throttled) as certainly not sent, so the effect is retried at once', async () => {
    const ses = mockClient(SESClient);
    ses.on(SendRawEmailCommand).rejects(new SESServiceException({ name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Maximum sending rate exceeded.' }));
    const sending = new SesMailer(new SESClient({ region: 'us-east-1' }), undefined, undefined).send(mail);
    await expect(sending).rejects.toBeInstanceOf(MailNotSentError);
    await expect(sending).rejects.toThrow('Throttling: Maximum sending rate exceeded.');
    ses.restore();
  });

  it('leaves a lost answer (timeout) open: the mail may have gone out', async () => {
    const ses = mockClient(SESClient);
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    const sending = new SesMailer(new SESClient({ region: 'us-east-1' }), undefined, undefined).send(mail);
    await expect(sending).rejects.toThrow('socket hang up');
    await expect(sending).rejects.not.toBeInstanceOf(MailNotSentError);
    ses.restore();
  });
});
