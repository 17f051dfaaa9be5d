import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageRejected, SendEmailCommand, SESv2Client, SESv2ServiceException, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { composeMimeParts } from '../../lambdas/adapters/mime-composer.js';
import { SesMailer } from '../../lambdas/adapters/ses-mailer.js';
import { sendEmailCommand, spliceRawContent, type RawContentCommand } from '../../lambdas/adapters/ses-raw-message-body.js';
import { MailTooLargeError } from '../../lambdas/core/message-size.js';
import { MailNotSentError, type RawMailStore } from '../../lambdas/ports/index.js';
import { TRACKING_TAG } from '../../lambdas/schemas/ses-feedback.js';
import { outgoingMail } from '../support/outgoing-mail.js';

// The composer's output is recorded, so that what SES is given can be compared with it byte for byte
// (each composition has its own boundaries and Date).
vi.mock('../../lambdas/adapters/mime-composer.js', async (importOriginal) => {
  const composer = await importOriginal<typeof import('../../lambdas/adapters/mime-composer.js')>();
  return { ...composer, composeMimeParts: vi.fn(composer.composeMimeParts) };
});

/** The message the mailer composed for its last send. */
async function lastComposed(): Promise<Buffer> {
  const results = vi.mocked(composeMimeParts).mock.results;
  return Buffer.concat(await (results.at(-1)!.value as Promise<Buffer[]>));
}

/** A mocked SES v2 client (aws-sdk-client-mock), fresh for each test. */
const mockSes = () => mockClient(SESv2Client);
type SesMock = ReturnType<typeof mockSes>;

interface SentRequest {
  path: string;
  body: Buffer;
  contentLength: string | undefined;
}

/** An SES v2 client whose requests are recorded instead of sent; it answers as SES does. */
function recordingClient(): { ses: SESv2Client; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const ses = new SESv2Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async (request: { path: string; body: unknown; headers: Record<string, string> }) => {
        // As bytes: the SDK's JSON body is a Uint8Array that also acts as a string (Buffer.from(body) would take that).
        const bytes = request.body as Uint8Array | string;
        const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        sent.push({ path: request.path, body, contentLength: request.headers['content-length'] });
        return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ MessageId: `id-${sent.length}` })) } };
      },
    } as never,
  });
  return { ses, sent };
}

async function sentBody(command: SendEmailCommand): Promise<SentRequest> {
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

const storeOf = (raw: Buffer): RawMailStore => ({
  open: async () =>
    (async function* () {
      for (let start = 0; start < raw.length; start += 16) yield raw.subarray(start, start + 16);
    })(),
});

const original = Buffer.from(
  ['From: Customer <customer@customer.example.org>', 'To: support@example.com', 'Subject: Broken kettle', 'Message-ID: <orig-1@customer.example.org>', '', 'It leaks.', ''].join('\r\n'),
);

const forward = outgoingMail({
  from: { address: 'support@example.com', name: 'Customer via Replyline' },
  to: [{ address: 'team@example.com', name: '' }],
  cc: [{ address: 'agent@example.com', name: 'Agent' }],
  subject: '[RL-ABC123] Broken kettle',
  text: 'Forwarded for the team.',
  messageId: 'fwd-1@example.com',
  inReplyTo: 'orig-1@customer.example.org',
  references: ['orig-1@customer.example.org'],
  attachments: [{ kind: 'original-message', location: { bucket: 'raw', key: 'inbound/1' }, filename: 'RL-ABC123-original.eml' }],
  trackingKey: 'deliver_1',
});

describe('SendEmail body written directly', () => {
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
    const input: Omit<SendEmailCommandInput, 'Content'> = {
      FromEmailAddress: 'support@example.com',
      Destination: { ToAddresses: ['team@example.com'], CcAddresses: ['agent+tag@example.com'] },
      EmailTags: [{ Name: TRACKING_TAG, Value: 'key_with-chars.1' }],
      ConfigurationSetName: 'replyline-sending',
    };
    const sdk = await sentBody(new SendEmailCommand({ ...input, Content: { Raw: { Data: data } } }));
    for (const parts of [[data], inParts(data)]) {
      const direct = await sentBody(sendEmailCommand(input, parts));
      expect(direct.path).toBe('/v2/email/outbound-emails');
      expect(direct.body.equals(sdk.body)).toBe(true);
      expect(direct.contentLength).toBe(String(sdk.body.length));
    }
  });

  it('refuses a body without the placeholder rather than send something else', () => {
    expect(() => spliceRawContent(Buffer.from('{"Content":{"Raw":{"Data":"aGVsbG8="}}}'), [Buffer.from('x')])).toThrow(/placeholder/);
  });
});

describe('SesMailer sending through SES v2', () => {
  let ses: SesMock;
  beforeEach(() => {
    vi.mocked(composeMimeParts).mockClear();
    ses = mockSes();
  });
  afterEach(() => ses.restore());

  it('sends SendEmail with the composed MIME as raw content, through the configuration set, tagged for the sent-log', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const store = storeOf(original);
    const result = await new SesMailer(new SESv2Client({ region: 'eu-west-1' }), store, 'replyline-sending').send(forward);

    // SES replaces our Message-ID: replies reference its id, the only one linked to the thread.
    expect(result).toEqual({ providerMessageId: 'ses-1', wireMessageIds: ['ses-1@eu-west-1.amazonses.com'] });
    const [call] = ses.commandCalls(SendEmailCommand);
    const command = call!.args[0] as RawContentCommand;
    expect(command.input).toMatchObject({
      FromEmailAddress: 'support@example.com',
      Destination: { ToAddresses: ['team@example.com'], CcAddresses: ['agent@example.com'] },
      ConfigurationSetName: 'replyline-sending',
      EmailTags: [{ Name: TRACKING_TAG, Value: 'deliver_1' }],
    });
    // The raw content is exactly the mail the composer wrote, in its parts.
    const sentMime = Buffer.concat(command.rawContent);
    expect(sentMime.equals(await lastComposed())).toBe(true);
    expect(sentMime.includes(original)).toBe(true);
    const parsed = await parseMail(sentMime);
    expect(parsed.subject).toBe('[RL-ABC123] Broken kettle');
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: 'RL-ABC123-original.eml', contentType: 'message/rfc822', sizeBytes: original.length })]);
  });

  it('puts exactly that MIME, base64-encoded, on the wire', async () => {
    ses.restore();
    const { ses: recording, sent } = recordingClient();
    const store = storeOf(original);
    const result = await new SesMailer(recording, store, 'replyline-sending').send(forward);
    recording.destroy();
    expect(result.providerMessageId).toBe('id-1');
    const body = JSON.parse(sent[0]!.body.toString('utf8')) as { Content: { Raw: { Data: string } }; ConfigurationSetName: string; EmailTags: unknown };
    expect(Buffer.from(body.Content.Raw.Data, 'base64').equals(await lastComposed())).toBe(true);
    expect(body.ConfigurationSetName).toBe('replyline-sending');
    expect(body.EmailTags).toEqual([{ Name: TRACKING_TAG, Value: 'deliver_1' }]);
  });

  it('sends without a configuration set when none is configured', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });
    await new SesMailer(new SESv2Client({ region: 'us-east-1' })).send(outgoingMail());
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).not.toHaveProperty('ConfigurationSetName');
  });
});

describe('SesMailer failures', () => {
  let ses: SesMock;
  beforeEach(() => (ses = mockSes()));
  afterEach(() => ses.restore());
  const mail = outgoingMail();
  const mailer = () => new SesMailer(new SESv2Client({ region: 'us-east-1' }));

  it('reports a refusal by SES (throttled) as certainly not sent, so the effect is retried at once', async () => {
    ses.on(SendEmailCommand).rejects(new SESv2ServiceException({ name: 'TooManyRequestsException', $fault: 'client', $metadata: { httpStatusCode: 429 }, message: 'Maximum sending rate exceeded.' }));
    const sending = mailer().send(mail);
    await expect(sending).rejects.toBeInstanceOf(MailNotSentError);
    await expect(sending).rejects.not.toBeInstanceOf(MailTooLargeError);
    await expect(sending).rejects.toThrow('TooManyRequestsException: Maximum sending rate exceeded.');
  });

  it('reports a rejection for another cause (unverified address) as not sent, not as too large', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ $metadata: { httpStatusCode: 400 }, message: 'Email address is not verified.' }));
    const sending = mailer().send(mail);
    await expect(sending).rejects.toBeInstanceOf(MailNotSentError);
    await expect(sending).rejects.not.toBeInstanceOf(MailTooLargeError);
  });

  it.each([
    ['MessageRejected saying the message is too long', new MessageRejected({ $metadata: { httpStatusCode: 400 }, message: 'Message length is more than 41943040 bytes long: 41943041.' })],
    ['an HTTP 413 on the way', Object.assign(new Error('request entity too large'), { name: 'PayloadTooLargeError', $fault: 'client', $metadata: { httpStatusCode: 413 } })],
  ])('reports %s as too large (not sent, and no use retrying as is)', async (_, error) => {
    ses.on(SendEmailCommand).rejects(error);
    await expect(mailer().send(mail)).rejects.toBeInstanceOf(MailTooLargeError);
  });

  it('does not offer SES a composed message over its limit: too large, and no request made', async () => {
    const limited = new SesMailer(new SESv2Client({ region: 'us-east-1' }), storeOf(original), undefined, 200);
    await expect(limited.send(forward)).rejects.toBeInstanceOf(MailTooLargeError);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('leaves a lost answer (timeout) open: the mail may have gone out', async () => {
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    const sending = mailer().send(mail);
    await expect(sending).rejects.toThrow('socket hang up');
    await expect(sending).rejects.not.toBeInstanceOf(MailNotSentError);
  });
});
