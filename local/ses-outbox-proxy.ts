import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** What the outbox keeps beside each raw mail (`NNNNN-<id>.json`): enough to serve the entry and re-publish its events. */
interface StoredSend {
  id: string;
  at: number;
  configurationSet: string | undefined;
  events: object[];
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
  const target = new URL(options.target);
  const stored = await loadOutbox(options.outboxDir);
  const entries: OutboxEntry[] = stored.map(({ entry }) => entry);
  const sends = new Map(stored.map(({ entry, send }) => [entry.id, send]));
  let lastNumber = stored.reduce((highest, { number }) => Math.max(highest, number), 0);
  // The emulator's web page keeps its mails in memory: show it what earlier runs sent.
  for (const entry of entries) await refillEmulator(target, entry.raw);
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
    if (req.method === 'GET' && url.pathname === '/_local/stored-events') {
      // The SES events (Send, Bounce, Complaint) of every kept mail sent with this configuration set, as feedback-queue messages,
      // oldest first. They went on the feedback queue when sent, but the local queues live in memory:
      // after a restart the instance hands them to the feedback function again, so the sent-log knows
      // every mail that went out before ingest decides whether to send one again.
      const configurationSet = url.searchParams.get('configurationSet');
      const since = Number(url.searchParams.get('since') ?? 0);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify([...sends.values()].filter((send) => send.configurationSet === configurationSet && send.at >= since).flatMap(feedbackMessages)));
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
    const sentRaw = upstream.status === 200 ? extractRawMessage(req, body) : undefined;
    // Kept on disk before the sender hears "sent": a mail the sender was told about is in the outbox.
    const sent = sentRaw ? await keep(req, body, sentRaw, providerIdOf(upstream.body.toString('utf8'))) : undefined;
    res.writeHead(upstream.status, upstream.headers);
    res.end(upstream.body);
    if (sent) await publish(sent).catch(() => undefined);
  }

  async function keep(req: IncomingMessage, body: Buffer, sentRaw: Buffer, providerId: string | undefined): Promise<StoredSend> {
    // What the recipient gets from SES: its own Message-ID in place of ours.
    const raw = providerId ? withMessageId(sentRaw, sesWireMessageId(providerId, LOCAL_REGION)) : sentRaw;
    const number = ++lastNumber;
    const entry = await describe(raw, providerId ?? `local-${number}`, Date.now());
    const sending = sendingOptions(req, body);
    const send: StoredSend = { id: entry.id, at: entry.at, configurationSet: sending?.configurationSet, events: sending ? sesEvents(sending, entry) : [] };
    const name = `${String(number).padStart(5, '0')}-${safeName(entry.id)}`;
    writeFileSync(join(options.outboxDir, `${name}.eml`), raw);
    writeFileSync(join(options.outboxDir, `${name}.json`), JSON.stringify(send));
    entries.push(entry);
    sends.set(entry.id, send);
    return send;
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

  /** Puts a sent mail's events on its configuration set's event destination, as SES → SNS → SQS would. */
  async function publish(send: StoredSend): Promise<void> {
    const queueUrl = send.configurationSet ? destinations.get(send.configurationSet) : undefined;
    if (!queueUrl) return;
    for (const body of feedbackMessages(send)) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
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

/** A sent mail's events as its feedback queue gets them: each wrapped by the configuration set's SNS topic. */
function feedbackMessages(send: StoredSend): string[] {
  if (!send.configurationSet) return [];
  const topicArn = `arn:aws:sns:${LOCAL_REGION}:000000000000:${send.configurationSet}`;
  return send.events.map((event) => snsEnvelopeFor(event, topicArn, randomUUID(), new Date()));
}

/** What SES publishes for a mail sent with a configuration set: Send, then Bounce/Complaint for simulator recipients. */
function sesEvents(sending: { configurationSet: string; tags: { name: string; value: string }[] }, entry: OutboxEntry): object[] {
  const tags: Record<string, string[]> = { 'ses:configuration-set': [sending.configurationSet], ...Object.fromEntries(sending.tags.map(({ name, value }) => [name, [value]])) };
  const recipients = entry.to;
  const timestamp = new Date(entry.at).toISOString();
  const mail = { timestamp, source: entry.from ?? '', messageId: entry.id, destination: recipients, tags };
  const events: object[] = [{ eventType: 'Send', mail, send: {} }];
  for (const recipient of recipients) {
    const outcome = SIMULATOR[recipient.toLowerCase()];
    if (outcome === 'Bounce') events.push({ eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: recipient, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }], timestamp } });
    if (outcome === 'Complaint') events.push({ eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: recipient }], timestamp, complaintFeedbackType: 'abuse' } });
  }
  return events;
}

/** aws-ses-v2-local only wants to see that a request is signed, as the SDK's are. */
const LOCAL_AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=local';

/** Hands a kept mail straight to aws-ses-v2-local (not through the proxy: it is not sent again), for its page and `/store`. */
async function refillEmulator(target: URL, raw: string): Promise<void> {
  const form = new URLSearchParams({ Action: 'SendRawEmail', 'RawMessage.Data': Buffer.from(raw, 'utf8').toString('base64') });
  await fetch(new URL('/', target), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LOCAL_AUTHORIZATION }, body: form.toString() }).catch(() => undefined);
}

/**
 * The mails an earlier run kept (`NNNNN-<id>.eml` with its `.json`), in the order they were sent.
 * A raw mail without its `.json` (kept by an older version) is served by its file's name and time,
 * with no events to re-publish.
 */
async function loadOutbox(dir: string): Promise<{ number: number; entry: OutboxEntry; send: StoredSend }[]> {
  const loaded: { number: number; entry: OutboxEntry; send: StoredSend }[] = [];
  for (const file of readdirSync(dir).filter((name) => /^\d+-.*\.eml$/.test(name)).sort()) {
    const path = join(dir, file);
    const sidecar = path.replace(/\.eml$/, '.json');
    let send: StoredSend | undefined;
    try {
      send = JSON.parse(readFileSync(sidecar, 'utf8')) as StoredSend;
    } catch {
      send = undefined;
    }
    const id = send?.id ?? file.replace(/^\d+-/, '').replace(/\.eml$/, '');
    const at = send?.at ?? statSync(path).mtimeMs;
    const entry = await describe(readFileSync(path), id, at);
    loaded.push({ number: Number(file.slice(0, file.indexOf('-'))), entry, send: send ?? { id, at, configurationSet: undefined, events: [] } });
  }
  return loaded;
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

async function describe(raw: Buffer, id: string, at: number): Promise<OutboxEntry> {
  const mail = await parseMail(raw);
  return {
    id,
    at,
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
