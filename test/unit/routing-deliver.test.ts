import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliverRoutedMail, PermanentDeliveryError, type DeliverDependencies } from '../../lambdas/core/deliver.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import type { HttpClient, HttpResponse } from '../../lambdas/ports/index.js';
import type { RoutingMessage } from '../../lambdas/schemas/routing.js';
import { routingMessageSchema } from '../../lambdas/schemas/routing.js';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { composeForward } from '../../lambdas/core/forward.js';
import { messageBytesAtMost, placeOriginal, SES_MAX_MESSAGE_BYTES } from '../../lambdas/core/message-size.js';
import type { InboundMail } from '../../lambdas/core/mail.js';
import { configWith, mailboxAndWebhookConfig, memoryDependencies, rawMail, receive } from '../support/fixtures.js';
import { memorySecrets } from '../support/memory-ports.js';

const webhookConfig = mailboxAndWebhookConfig;

/** Ingests a mail in memory and returns what was routed, plus dependencies for delivering it. */
async function routed(config = memoryDependencies().config, fields: Partial<Parameters<typeof rawMail>[0]> = {}, recipients?: string[]) {
  const deps = memoryDependencies(config);
  const raw = rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'Parcel not arrived', body: 'My parcel 4711 never arrived.', messageId: 'p1@customer.example.org', ...fields });
  await ingestMail(receive(deps, raw, recipients ? { recipients } : {}), deps);
  const responses: (HttpResponse | Error)[] = [];
  const posts: { url: string; body: string; headers: Record<string, string> }[] = [];
  const http: HttpClient = {
    post: async (url, body, headers) => {
      posts.push({ url, body, headers });
      const next = responses.shift() ?? { status: 200, retryAfterSeconds: undefined };
      if (next instanceof Error) throw next;
      return next;
    },
  };
  const slept: number[] = [];
  const deliverDeps: DeliverDependencies = {
    threads: deps.threads,
    rawMail: deps.rawMail,
    parser: deps.parser,
    mailer: deps.mailer,
    http,
    sleeper: { sleep: async (ms) => void slept.push(ms) },
    events: deps.events,
    secrets: memorySecrets('test-thread-key', { 'replyline/partners-webhook': 'whsec-test' }),
    clock: deps.clock,
    config: deps.config,
    slaPolicy: deps.slaPolicy,
    sendingLog: deps.sendingLog,
    instanceId: deps.instanceId,
  };
  return { deps, deliverDeps, message: deps.routing.sent.at(-1)?.message as RoutingMessage, queue: deps.routing.sent, responses, posts, slept };
}

describe('routing', () => {
  it('puts each customer mail on its team\'s queue with what the team needs and the customer\'s history', async () => {
    const { message, queue, deps } = await routed();
    expect(queue.map((entry) => entry.team)).toEqual(['support']);
    expect(routingMessageSchema.parse(message)).toMatchObject({
      version: 1,
      kind: 'new-thread',
      team: 'support',
      category: 'shipping',
      priority: 'normal',
      customer: { address: 'jane@customer.example.org', name: 'Jane Doe' },
      serviceAddress: 'support@example.com',
      history: [],
    });
    expect(message.threadAddress).toMatch(/^support\+rl-[0-9a-z]{6}\.[a-z2-7]{10}@example\.com$/);
    expect(message.replyDue).toBe(deps.threads.threads.get(message.threadRef)!.slaClock!.dueAt.toISOString());
  });

  it('lists the customer\'s earlier threads (up to five) in the routing message', async () => {
    const deps = memoryDependencies();
    for (let index = 0; index < 7; index++) {
      await ingestMail(receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: `Question ${index}`, body: 'x', messageId: `h${index}@customer.example.org` })), deps);
      deps.clock.advance(60_000);
    }
    const last = deps.routing.sent.at(-1)!.message;
    expect(last.history).toHaveLength(5);
    expect(last.history[0]!.subject).toBe('Question 5');
  });

  it('routes by classification rules: a rule can send mail to another team', async () => {
    const config = configWith({ classification: { rules: [{ when: { subject: 'quote|pricing' }, then: { team: 'sales', category: 'sales' } }] } });
    const { queue } = await routed(config, { subject: 'Pricing for 200 kettles' });
    expect(queue.map((entry) => entry.team)).toEqual(['sales']);
  });

  it('routes a mail held back by weak signals, with the reason, so the team can answer a person', async () => {
    const { queue, deps, message, deliverDeps } = await routed(undefined, { subject: 'Out of office', body: 'I am out of the office until 5 May. My parcel 4711 never arrived.' });
    expect(deps.mailer.sent).toHaveLength(0);
    expect(queue).toHaveLength(1);
    expect(message.unacknowledgedBecause).toMatch(/^machine-mail score 7 reaches 5; a person may still have written it$/);
    const thread = deps.threads.threads.get(message.threadRef)!;
    expect(thread).toMatchObject({ status: 'awaiting-agent', automated: false });
    expect(thread.firstReplyDue).toBeInstanceOf(Date);
    await deliverRoutedMail(message, deliverDeps);
    const forward = deps.mailer.sent.at(-1)!;
    expect(forward.text).toContain('No ack:    machine-mail score 7 reaches 5; a person may still have written it');
    expect(forward.text).toContain('if a person wrote this, please reply to them');
  });

  it('tells a webhook team why no acknowledgement went out', async () => {
    const { message, deliverDeps, posts } = await routed(mailboxAndWebhookConfig(), { to: 'partners@example.com', from: 'noreply@partner.example.org' }, ['partners@example.com']);
    await deliverRoutedMail(message, deliverDeps);
    expect(JSON.parse(posts[0]!.body).message.unacknowledgedBecause).toBe('the sender address does not take replies');
  });

  it('keeps machine mail that opens a thread with us instead of sending it to a team', async () => {
    const { queue, deps } = await routed(undefined, { headers: { 'List-Id': '<news.example.org>' } });
    expect(queue).toHaveLength(0);
    expect(deps.threads.threads.size).toBe(1);
  });
});

describe('delivering to a mailbox team', () => {
  it('forwards the mail with a header block, the original attached and Reply-To the thread address', async () => {
    const { message, deliverDeps, deps } = await routed();
    const result = await deliverRoutedMail(message, deliverDeps);
    expect(result).toEqual({ outcome: 'delivered', destination: 'mailbox' });
    const forward = deps.mailer.sent.at(-1)!;
    expect(forward.to).toEqual([{ address: 'support-team@mail.example.com', name: '' }]);
    expect(forward.replyTo?.address).toBe(message.threadAddress);
    expect(forward.subject).toBe(`[${message.threadRef}] Parcel not arrived`);
    expect(forward.text).toMatch(/^----- Replyline -----\nThread: {4}RL-/);
    expect(forward.text).toContain('Customer:  Jane Doe <jane@customer.example.org>');
    expect(forward.text).toContain('Category:  shipping');
    expect(forward.text).toContain('My parcel 4711 never arrived.');
    expect(forward.attachments).toEqual([{ kind: 'original-message', location: message.rawMail, filename: `${message.threadRef}-original.eml` }]);

    const mime = await composeMime(forward, deps.rawMail);
    const parsed = await parseMail(mime);
    expect(parsed.attachments).toEqual([expect.objectContaining({ contentType: 'message/rfc822', filename: `${message.threadRef}-original.eml` })]);
    expect(deps.events.published.at(-1)).toMatchObject({ detailType: 'Thread Routed', detail: { threadRef: message.threadRef, team: 'support', destination: 'mailbox' } });
  });

  it('sends mail for a named person (personal alias) to their own mailbox, with the team copied', async () => {
    const { message, deliverDeps, deps } = await routed(undefined, { to: 'mei@example.com' }, ['mei@example.com']);
    await deliverRoutedMail(message, deliverDeps);
    const forward = deps.mailer.sent.at(-1)!;
    expect(forward.to).toEqual([{ address: 'mei.chen@mail.example.com', name: 'Mei Chen' }]);
    expect(forward.cc).toEqual([{ address: 'support-team@mail.example.com', name: '' }]);
    expect(forward.from.address).toBe('mei@example.com');
  });

  it('publishes Thread Routed on the redelivery when publishing failed after the forward, without forwarding again', async () => {
    const { message, deliverDeps, deps } = await routed();
    const sentBefore = deps.mailer.sent.length;
    const publish = deps.events.publish.bind(deps.events);
    deliverDeps.events = { publish: async () => Promise.reject(Object.assign(new Error('PutEvents failed'), { name: 'InternalException' })) };
    await expect(deliverRoutedMail(message, deliverDeps)).rejects.toThrow('PutEvents failed');
    expect(deps.events.published.filter((event) => event.detailType === 'Thread Routed')).toEqual([]);

    deliverDeps.events = { publish };
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'duplicate', destination: 'mailbox' });
    expect(deps.events.published.filter((event) => event.detailType === 'Thread Routed')).toMatchObject([{ detail: { messageKey: message.messageKey, team: 'support', destination: 'mailbox' } }]);
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
    // Owed no longer: a third copy publishes nothing.
    await deliverRoutedMail(message, deliverDeps);
    expect(deps.events.published.filter((event) => event.detailType === 'Thread Routed')).toHaveLength(1);
  });

  it('delivers once when the routing message arrives twice', async () => {
    const { message, deliverDeps, deps } = await routed();
    const sentBefore = deps.mailer.sent.length;
    await deliverRoutedMail(message, deliverDeps);
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'duplicate', destination: 'mailbox' });
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
  });
});

const MiB = 1024 * 1024;

/** Deliver reads the stored original as if it were `sizeBytes` large (no need to hold 30 MB in a unit test). */
function originalOfSize(deliverDeps: DeliverDependencies, sizeBytes: number): void {
  deliverDeps.parser = { parse: async (raw) => ({ ...(await parseMail(raw)), sizeBytes }) };
}

describe('forwarding an original too large to attach', () => {
  it('links a 30 MB original (over acknowledgement.maxAttachmentBytes) instead of attaching it, and tells the team why', async () => {
    const { message, deliverDeps, deps } = await routed();
    originalOfSize(deliverDeps, 30 * MiB);
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'delivered', destination: 'mailbox' });
    const forward = deps.mailer.sent.at(-1)!;
    expect(forward.attachments).toEqual([]);
    expect(forward.text).toContain(`Original:  30.0 MB, too large to attach; kept at s3://${message.rawMail.bucket}/${message.rawMail.key}`);
    expect(forward.text).toContain('Why:       original-linked: 30.0 MB is over acknowledgement.maxAttachmentBytes (25.0 MB)');
    expect(forward.text).toContain('My parcel 4711 never arrived.');
    expect(forward.reasons).toEqual([{ code: 'original-linked', detail: '30.0 MB is over acknowledgement.maxAttachmentBytes (25.0 MB)' }]);
  });

  it('with a higher maxAttachmentBytes, attaches the largest original SES can carry and links one byte more', async () => {
    const config = configWith({ acknowledgement: { maxAttachmentBytes: 100 * MiB } });
    const probe = await routed(config);
    // The forward's text as it goes out with the original attached; the largest original that fits with it.
    const parsed = await parseMail(probe.deps.rawMail.objects.get(`${probe.message.rawMail.bucket}/${probe.message.rawMail.key}`)!);
    const textFor = (mail: InboundMail) => composeForward({ message: probe.message, mail, mailbox: 'support-team@mail.example.com', config, instanceId: probe.deps.instanceId, timeZone: 'Asia/Shanghai' }).text;
    const text = textFor({ ...parsed, sizeBytes: 1 });
    let fits = 0;
    for (let low = 0, high = SES_MAX_MESSAGE_BYTES; low <= high; ) {
      const middle = Math.floor((low + high) / 2);
      if (placeOriginal(middle, text, config.acknowledgement.maxAttachmentBytes).attach) (fits = middle), (low = middle + 1);
      else high = middle - 1;
    }
    // Base64 growth (4/3 and a CRLF every 76 characters) of the original, plus the text and headers, stays within 40 MB.
    expect(messageBytesAtMost(text, [{ sizeBytes: fits, contentType: 'message/rfc822' }])).toBeLessThanOrEqual(SES_MAX_MESSAGE_BYTES);
    expect(fits).toBeGreaterThan(29 * MiB);
    expect(fits).toBeLessThan(30 * MiB);

    const atLimit = await routed(config);
    originalOfSize(atLimit.deliverDeps, fits);
    await deliverRoutedMail(atLimit.message, atLimit.deliverDeps);
    expect(atLimit.deps.mailer.sent.at(-1)!.attachments).toEqual([{ kind: 'original-message', location: atLimit.message.rawMail, filename: `${atLimit.message.threadRef}-original.eml` }]);

    const over = await routed(config);
    originalOfSize(over.deliverDeps, fits + 1);
    await deliverRoutedMail(over.message, over.deliverDeps);
    const linked = over.deps.mailer.sent.at(-1)!;
    expect(linked.attachments).toEqual([]);
    expect(linked.text).toMatch(/Why: {7}original-linked: attached, the forward could reach 40\.0 MB; SES sends at most 40\.0 MB per message/);
  });

  it('when SES still refuses the forward as too large, sends it once more with the original linked: one forward, no retry loop', async () => {
    const { message, deliverDeps, deps } = await routed();
    deps.mailer.tooLarge = (mail) => (mail.attachments ?? []).length > 0;
    const sentBefore = deps.mailer.sent.length;
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'delivered', destination: 'mailbox' });
    expect(deps.mailer.refusedAsTooLarge).toHaveLength(1);
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
    const forward = deps.mailer.sent.at(-1)!;
    expect(forward.attachments).toEqual([]);
    expect(forward.messageId).toBe(deps.mailer.refusedAsTooLarge[0]!.messageId);
    expect(forward.text).toContain(`too large to attach; kept at s3://${message.rawMail.bucket}/${message.rawMail.key}`);
    expect(forward.text).toContain('Why:       original-linked: SES refused the forward with the original attached as too large');
    // Done: a redelivered routing message finds nothing more to send.
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'duplicate', destination: 'mailbox' });
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
  });
});

describe('delivering to a webhook team', () => {
  const partnersMail = { to: 'partners@example.com' };

  it('POSTs the documented JSON, signed with HMAC-SHA256 over the exact body', async () => {
    const { message, deliverDeps, posts } = await routed(webhookConfig(), partnersMail, ['partners@example.com']);
    await deliverRoutedMail(message, deliverDeps);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.url).toBe('https://desk.example.net/hooks/replyline');
    expect(post!.headers['x-replyline-signature']).toBe(`sha256=${createHmac('sha256', 'whsec-test').update(post!.body).digest('hex')}`);
    expect(post!.headers['x-replyline-delivery']).toBe(message.messageKey);
    const body = JSON.parse(post!.body);
    expect(body).toMatchObject({
      version: 1,
      type: 'replyline.message',
      deliveryId: message.messageKey,
      thread: { ref: message.threadRef, team: 'partners', category: 'shipping', priority: 'normal', replyAddress: message.threadAddress },
      message: { kind: 'new-thread', from: { address: 'jane@customer.example.org', name: 'Jane Doe' }, subject: 'Parcel not arrived', newText: expect.stringContaining('never arrived') },
    });
  });

  it('retries 5xx, 429 and network errors with backoff, honouring Retry-After', async () => {
    const { message, deliverDeps, posts, responses, slept } = await routed(webhookConfig(), partnersMail, ['partners@example.com']);
    responses.push({ status: 503, retryAfterSeconds: undefined }, { status: 429, retryAfterSeconds: 2 }, { status: 200, retryAfterSeconds: undefined });
    await deliverRoutedMail(message, deliverDeps);
    expect(posts).toHaveLength(3);
    expect(slept).toEqual([500, 2000, 2000]);
  });

  it('gives up on this attempt (SQS retries later) after three failures, leaving the delivery owed', async () => {
    const { message, deliverDeps, responses } = await routed(webhookConfig(), partnersMail, ['partners@example.com']);
    responses.push(new Error('ECONNREFUSED'), { status: 500, retryAfterSeconds: undefined }, { status: 502, retryAfterSeconds: undefined });
    await expect(deliverRoutedMail(message, deliverDeps)).rejects.toThrow(/webhook answered 502 after 3 attempts/);
    expect(await deliverRoutedMail(message, deliverDeps)).toEqual({ outcome: 'delivered', destination: 'webhook' });
  });

  it('treats a 4xx other than 429 as permanent: no retry, a reason for the dead-letter queue', async () => {
    const { message, deliverDeps, posts, responses } = await routed(webhookConfig(), partnersMail, ['partners@example.com']);
    responses.push({ status: 410, retryAfterSeconds: undefined });
    await expect(deliverRoutedMail(message, deliverDeps)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(posts).toHaveLength(1);
  });
});
