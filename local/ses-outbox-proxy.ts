import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { parseMail } from '../lambdas/adapters/mail-parser.js';
import { sesWireMessageId } from '../lambdas/adapters/ses-mailer.js';
import { snsEnvelopeFor } from '../lambdas/schemas/ses-notification.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.js';
import { closeServer, listenOnLoopback, readBody } from './http.js';

/**
 * Sits in front of aws-ses-v2-local on the SES port. Everything is forwarded
 * unchanged (its web page and `/store` keep working); in addition each raw mail
 * sent is kept byte for byte, because the emulator's store drops most headers
 * (In-Reply-To, References, Auto-Submitted…), which are exactly what we must check.
 */
export interface OutboxEntry {
  id: string;
  at: number;
  source: string | undefined;
  from: string | undefined;
  to: string[];
  replyTo: string[];
  subject: string;
  messageId: string | undefined;
  inReplyTo: string[];
  references: string[];
  headers: Record<string, string>;
  text: string;
  raw: string;
}

export interface SesOutboxProxy {
  url: string;
  entries(): readonly OutboxEntry[];
  stop(): Promise<void>;
}

/**
 * SES's mailbox simulator: mail to these addresses is "delivered" with a fixed
 * outcome, which SES reports through the configuration set's event destination.
 */
const SIMULATOR: Record<string, 'Bounce' | 'Complaint'> = {
  'bounce@simulator.amazonses.com': 'Bounce',
  'complaint@simulator.amazonses.com': 'Complaint',
};

export async function startSesOutboxProxy(options: { port: number; target: string; outboxDir: string; sqsEndpoint: string }): Promise<SesOutboxProxy> {
  mkdirSync(options.outboxDir, { recursive: true });
  const entries: OutboxEntry[] = [];
  const target = new URL(options.target);
  /** Configuration set → queue URL, like an SES event destination (via SNS) per install. */
  const destinations = new Map<string, string>();
  const sqs = new SQSClient({ endpoint: options.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: Error) => {
      res.statusCode = 502;
      res.end(`ses outbox proxy: ${error.message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/outbox') {
      const since = Number(url.searchParams.get('since') ?? 0);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(entries.filter((entry) => entry.at >= since).map(({ raw: _raw, ...rest }) => rest)));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/_local/event-destinations') {
      const { configurationSet, queueUrl } = JSON.parse((await readBody(req)).toString('utf8')) as { configurationSet: string; queueUrl: string };
      destinations.set(configurationSet, queueUrl);
      res.statusCode = 204;
      res.end();
      return;
    }
    const rawMatch = /^\/outbox\/([^/]+)\.eml$/.exec(url.pathname);
    if (req.method === 'GET' && rawMatch) {
      const entry = entries.find((candidate) => candidate.id === decodeURIComponent(rawMatch[1]!));
      res.statusCode = entry ? 200 : 404;
      res.setHeader('content-type', 'message/rfc822');
      res.end(entry?.raw ?? 'not found');
      return;
    }

    const body = await readBody(req);
    const upstream = await forward(req, body);
    res.writeHead(upstream.status, upstream.headers);
    res.end(upstream.body);
    if (upstream.status === 200) {
      const sentRaw = extractRawMessage(req, body);
      if (sentRaw) {
        const providerId = providerIdOf(upstream.body.toString('utf8'));
        // What the recipient gets from SES: its own Message-ID in place of ours.
        const raw = providerId ? withMessageId(sentRaw, sesWireMessageId(providerId, LOCAL_REGION)) : sentRaw;
        const entry = await describe(raw, providerId, entries.length + 1);
        entries.push(entry);
        writeFileSync(join(options.outboxDir, `${String(entries.length).padStart(5, '0')}-${safeName(entry.id)}.eml`), raw);
        await publishEvents(req, body, entry).catch(() => undefined);
      }
    }
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = request(
        { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (response) => {
          void readBody(response).then((responseBody) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: responseBody }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  /** What SES publishes for a sent mail with a configuration set: Send, then Bounce/Complaint for simulator recipients. */
  async function publishEvents(req: IncomingMessage, body: Buffer, entry: OutboxEntry): Promise<void> {
    const sending = sendingOptions(req, body);
    const queueUrl = sending ? destinations.get(sending.configurationSet) : undefined;
    if (!sending || !queueUrl) return;
    const { configurationSet } = sending;
    const tags: Record<string, string[]> = { 'ses:configuration-set': [configurationSet], ...Object.fromEntries(sending.tags.map(({ name, value }) => [name, [value]])) };
    const recipients = entry.to;
    const timestamp = new Date().toISOString();
    const mail = { timestamp, source: entry.from ?? '', messageId: entry.id, destination: recipients, tags };
    const events: object[] = [{ eventType: 'Send', mail, send: {} }];
    for (const recipient of recipients) {
      const outcome = SIMULATOR[recipient.toLowerCase()];
      if (outcome === 'Bounce') events.push({ eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: recipient, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }], timestamp } });
      if (outcome === 'Complaint') events.push({ eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: recipient }], timestamp, complaintFeedbackType: 'abuse' } });
    }
    const topicArn = `arn:aws:sns:${LOCAL_REGION}:000000000000:${configurationSet}`;
    for (const event of events) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: snsEnvelopeFor(event, topicArn, randomUUID(), new Date()) }));
  }

  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    entries: () => entries,
    stop: async () => {
      await closeServer(server);
      sqs.destroy();
    },
  };
}

/**
 * The configuration set and message tags of a send: v1 SendRawEmail names them in its form
 * body (ConfigurationSetName, Tags.member.N.Name/Value), v2 SendEmail in its JSON body
 * (ConfigurationSetName, EmailTags). Undefined without a configuration set.
 */
function sendingOptions(req: IncomingMessage, body: Buffer): { configurationSet: string; tags: { name: string; value: string }[] } | undefined {
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(body.toString('utf8'));
    const configurationSet = form.get('ConfigurationSetName');
    if (!configurationSet) return undefined;
    const tags: { name: string; value: string }[] = [];
    for (let index = 1; form.has(`Tags.member.${index}.Name`); index++) tags.push({ name: form.get(`Tags.member.${index}.Name`)!, value: form.get(`Tags.member.${index}.Value`) ?? '' });
    return { configurationSet, tags };
  }
  if (contentType.includes('json') && req.url?.includes('/outbound-emails')) {
    const json = JSON.parse(body.toString('utf8') || '{}') as { ConfigurationSetName?: unknown; EmailTags?: unknown };
    if (typeof json.ConfigurationSetName !== 'string' || !json.ConfigurationSetName) return undefined;
    const tags = (Array.isArray(json.EmailTags) ? json.EmailTags : [])
      .filter((tag): tag is { Name: string; Value?: unknown } => typeof (tag as { Name?: unknown })?.Name === 'string')
      .map((tag) => ({ name: tag.Name, value: typeof tag.Value === 'string' ? tag.Value : '' }));
    return { configurationSet: json.ConfigurationSetName, tags };
  }
  return undefined;
}

/** The raw MIME of an SES v1 SendRawEmail (query protocol) or v2 SendEmail with Content.Raw. */
function extractRawMessage(req: IncomingMessage, body: Buffer): Buffer | undefined {
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(body.toString('utf8'));
    const data = form.get('Action') === 'SendRawEmail' ? form.get('RawMessage.Data') : null;
    return data ? Buffer.from(data, 'base64') : undefined;
  }
  if (contentType.includes('json') && req.url?.includes('/outbound-emails')) {
    const json = JSON.parse(body.toString('utf8') || '{}') as { Content?: { Raw?: { Data?: string } } };
    return json.Content?.Raw?.Data ? Buffer.from(json.Content.Raw.Data, 'base64') : undefined;
  }
  return undefined;
}

function providerIdOf(responseBody: string): string | undefined {
  return /<MessageId>([^<]+)<\/MessageId>/.exec(responseBody)?.[1] ?? /"MessageId"\s*:\s*"([^"]+)"/.exec(responseBody)?.[1];
}

/** The raw mail with its Message-ID header (folded lines included) replaced, or added if it had none. */
export function withMessageId(raw: Buffer, messageId: string): Buffer {
  const text = raw.toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const newline = head.includes('\r\n') ? '\r\n' : '\n';
  const line = `Message-ID: <${messageId}>`;
  const replaced = /^message-id:/im.test(head) ? head.replace(/^message-id:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im, line) : `${line}${newline}${head}`;
  return Buffer.from(replaced + text.slice(head.length), 'latin1');
}

async function describe(raw: Buffer, providerId: string | undefined, sequence: number): Promise<OutboxEntry> {
  const mail = await parseMail(raw);
  return {
    id: providerId ?? `local-${sequence}`,
    at: Date.now(),
    source: mail.from?.address,
    from: mail.from?.address,
    to: mail.to.map((to) => to.address),
    replyTo: mail.replyTo.map((replyTo) => replyTo.address),
    subject: mail.subject,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: Object.fromEntries([...mail.headers].map(([name, values]) => [name, values.join('\n')])),
    text: mail.text,
    raw: raw.toString('utf8'),
  };
}


function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
}
