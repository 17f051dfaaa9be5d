import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { LocalInstance } from '../../local/instance.js';
import { acknowledgementsOf, busEvents, forwardsOf, outbox, rawMail, sendSmtp, startTestInstance, waitFor, waitUntilProcessed } from '../support/local-instance.js';
import { keys } from '../../lambdas/adapters/table-layout.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A team webhook receiver whose answer the test controls. */
interface Hook {
  server: Server;
  url: string;
  received: { body: string; headers: Record<string, string | string[] | undefined> }[];
  status: number;
}

async function startHook(): Promise<Hook> {
  const hook = { received: [], status: 200 } as unknown as Hook;
  hook.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      hook.received.push({ body, headers: req.headers });
      res.statusCode = hook.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', () => resolve()));
  hook.url = `http://127.0.0.1:${(hook.server.address() as { port: number }).port}/replyline`;
  return hook;
}

describe('routing and delivery on the local emulators', () => {
  let instance: LocalInstance;
  let hook: Hook;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    hook = await startHook();
    const config = JSON.parse(readFileSync('replyline.config.json', 'utf8'));
    config.$schema = undefined;
    config.addresses.push({ address: 'partners@example.com', team: 'partners' });
    config.teams.partners = { name: 'Partner Desk', destination: { type: 'webhook', url: hook.url, secretName: `partners-webhook-${Date.now()}` } };
    const configFile = join(mkdtempSync(join(tmpdir(), 'routing-')), 'replyline.config.json');
    writeFileSync(configFile, JSON.stringify(config));
    // Webhook backoff waits are real seconds on AWS; here they are skipped so retries finish quickly.
    instance = await startTestInstance({ configFile, wrapDeliverDependencies: (deps) => ({ ...deps, sleeper: { sleep: async () => undefined } }) });
    db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials }));
  });
  afterAll(async () => {
    await instance?.stop();
    await new Promise((resolve) => hook?.server.close(resolve));
  });

  const thread = async (ref: string) => (await db.send(new GetCommand({ TableName: instance.resources.table, Key: keys.thread(ref) }))).Item;

  it('forwards a mail to sales@ through the sales queue to the sales mailbox, Reply-To the thread address', async () => {
    const messageId = `sales-${Date.now()}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'Pat Buyer <pat@buyer.example.org>', to: 'sales@example.com', subject: 'Quote for 200 kettles', body: 'Could you send a quote for 200 kettles?', messageId }), {
      from: 'pat@buyer.example.org',
      to: ['sales@example.com'],
    });
    const forward = await waitFor(async () => (await forwardsOf(messageId))[0], 'the forward to the sales mailbox');
    expect(forward.to).toEqual(['sales-inbox@mail.example.com']);
    expect(forward.from).toBe('sales@example.com');
    expect(forward.replyTo[0]).toMatch(/^sales\+rl-[0-9a-z]{6}\.[a-z2-7]{10}@example\.com$/);
    expect(forward.text).toContain('----- Replyline -----');
    expect(forward.text).toContain('Could you send a quote for 200 kettles?');
    const raw = await (await fetch(`${inject('emulators').ses}/outbox/${encodeURIComponent(forward.id)}.eml`)).text();
    expect(raw).toMatch(/Content-Type: message\/rfc822; name=RL-[0-9A-Z]{6}-original\.eml/);
    const ref = /RL-[0-9A-Z]{6}/.exec(forward.subject)![0];
    await waitFor(async () => (await busEvents(instance.resources.bus)).some((event) => event['detail-type'] === 'Thread Routed' && event.detail.threadRef === ref), 'Thread Routed');
  });

  it('POSTs a correctly signed JSON document to a webhook team', async () => {
    const messageId = `partner-${Date.now()}@partner.example.org`;
    await sendSmtp(instance, rawMail({ from: 'Ola <ola@partner.example.org>', to: 'partners@example.com', subject: 'Invoice 77 is wrong', body: 'The invoice total is wrong.', messageId }), {
      from: 'ola@partner.example.org',
      to: ['partners@example.com'],
    });
    const delivery = await waitFor(async () => hook.received.find((entry) => entry.body.includes('Invoice 77')), 'the webhook POST');
    const secrets = new SecretsManagerClient({ endpoint: inject('emulators').secrets, region: 'us-east-1', credentials });
    const secretName = JSON.parse(readFileSync(instance.env.REPLYLINE_CONFIG_FILE!, 'utf8')).teams.partners.destination.secretName;
    const secret = (await secrets.send(new GetSecretValueCommand({ SecretId: secretName }))).SecretString!;
    expect(delivery.headers['x-replyline-signature']).toBe(`sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
    expect(JSON.parse(delivery.body)).toMatchObject({ version: 1, thread: { team: 'partners', category: 'billing' }, message: { from: { address: 'ola@partner.example.org' }, subject: 'Invoice 77 is wrong' } });
    secrets.destroy();
  });

  it('keeps a mail whose webhook keeps failing: retried, then in the team DLQ; refused (4xx) goes there at once with the reason', async () => {
    const sqs = new SQSClient({ endpoint: inject('emulators').sqs, region: 'us-east-1', credentials });
    const deadLetters = async () =>
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: instance.resources.teams.partners!.dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, MessageAttributeNames: ['All'] }))).Messages ?? [];
    hook.status = 503;
    await sendSmtp(instance, rawMail({ from: 'ola@partner.example.org', to: 'partners@example.com', subject: 'Failing one', body: 'x', messageId: `fail-${Date.now()}@partner.example.org` }), {
      from: 'ola@partner.example.org',
      to: ['partners@example.com'],
    });
    const failed = await waitFor(async () => (await deadLetters()).find((message) => message.Body?.includes('Failing one')), 'the failing delivery in the DLQ', 30_000);
    expect(hook.received.filter((entry) => entry.body.includes('Failing one')).length).toBeGreaterThanOrEqual(3);
    expect(failed.MessageAttributes?.reason).toBeUndefined();

    hook.status = 410;
    await sendSmtp(instance, rawMail({ from: 'ola@partner.example.org', to: 'partners@example.com', subject: 'Refused one', body: 'x', messageId: `gone-${Date.now()}@partner.example.org` }), {
      from: 'ola@partner.example.org',
      to: ['partners@example.com'],
    });
    const refused = await waitFor(async () => (await deadLetters()).find((message) => message.Body?.includes('Refused one')), 'the refused delivery in the DLQ');
    expect(refused.MessageAttributes?.reason?.StringValue).toMatch(/webhook answered 410/);
    expect(hook.received.filter((entry) => entry.body.includes('Refused one'))).toHaveLength(1);
    hook.status = 200;
    sqs.destroy();
  });

  it('relays an agent\'s reply to the customer, signed and threaded, and records the first response', async () => {
    const messageId = `needs-answer-${Date.now()}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'Lid cracked', body: 'The lid cracked.', messageId }), {
      from: 'jane@customer.example.org',
      to: ['support@example.com'],
    });
    const forward = await waitFor(async () => (await forwardsOf(messageId))[0], 'the forward to the support team');
    const ref = /RL-[0-9A-Z]{6}/.exec(forward.subject)![0];

    await sendSmtp(
      instance,
      rawMail({ from: 'Mei Chen <mei.chen@mail.example.com>', to: forward.replyTo[0]!, subject: `Re: ${forward.subject}`, body: `Hi Jane, a new lid is on its way.\n\n> ----- Replyline -----\n> Thread: ${ref}\n> ----- end Replyline -----`, headers: { 'In-Reply-To': `<${forward.messageId}>` } }),
      { from: 'mei.chen@mail.example.com', to: [forward.replyTo[0]!] },
    );
    const relay = await waitFor(async () => (await outbox()).find((entry) => entry.to.includes('jane@customer.example.org') && entry.text.includes('a new lid is on its way')), 'the relayed reply');
    expect(relay.from).toBe('support@example.com');
    expect(relay.headers.from).toBe('"Mei Chen (Example Support)" <support@example.com>');
    expect(relay.inReplyTo).toEqual([messageId]);
    expect(relay.text).not.toContain('Replyline');
    expect(relay.text).toContain('Mei Chen');
    await waitFor(async () => (await thread(ref))?.status === 'awaiting-customer', 'the first response on the thread');
    expect((await thread(ref))?.firstRespondedAt).toBeDefined();
  });

  it('does not relay a stranger who writes to a thread address; they get a thread of their own', async () => {
    const messageId = `victim2-${Date.now()}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'Vic <vic@customer.example.org>', to: 'support@example.com', subject: 'Refund', body: 'Refund please.', messageId }), { from: 'vic@customer.example.org', to: ['support@example.com'] });
    const forward = await waitFor(async () => (await forwardsOf(messageId))[0], 'the forward');
    const strangerId = `stranger-${Date.now()}@elsewhere.example.net`;
    await sendSmtp(instance, rawMail({ from: 'Mal <mal@elsewhere.example.net>', to: forward.replyTo[0]!, subject: 'Refund', body: 'Send the refund to my account instead.', messageId: strangerId }), {
      from: 'mal@elsewhere.example.net',
      to: [forward.replyTo[0]!],
    });
    // The stranger's mail is finished (its own thread acknowledged and forwarded): a relay to Vic would have gone out by now.
    expect(await waitUntilProcessed(instance, strangerId)).toMatchObject({ disposition: 'new-thread', acknowledge: true });
    expect(await acknowledgementsOf(strangerId)).toHaveLength(1);
    expect((await outbox()).filter((entry) => entry.to.includes('vic@customer.example.org') && entry.text.includes('refund to my account'))).toHaveLength(0);
  });
});
