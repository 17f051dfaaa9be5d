import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  ChatAlertBusyError,
  chatAlertKey,
  chatWebhookUrlFrom,
  ChatWebhookRefusedError,
  ChatWebhookSecretError,
  ChatWebhookUnavailableError,
  CHAT_ALERT_LEASE_MS,
  deliverChatAlert,
  type ChatAlert,
  type ChatAlertDependencies,
} from '../../lambdas/core/chat-alerts.js';
import type { SlaEventDetail } from '../../lambdas/core/events.js';
import { slaChatBody } from '../../lambdas/core/sla/alert-text.js';
import { CHAT_WEBHOOK_CACHE_MS, SecretsManagerChatWebhook } from '../../lambdas/adapters/chat-webhook-secret.js';
import type { HttpResponse } from '../../lambdas/ports/index.js';
import { alertsConfigSchema, DEFAULT_ALERTS_CONFIG, type AlertsConfig } from '../../lambdas/schemas/alerts-config.js';
import { ConfigError, parseConfig } from '../../lambdas/schemas/config.js';
import { slaEventDetail } from '../../lambdas/schemas/events.js';
import { storeLocalChatWebhook } from '../../local/alerts.js';
import { fixedClock, MemoryAlertLedger, MemoryWebhook } from '../support/memory-ports.js';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/SECRETTOKEN';

function detail(overrides: Partial<SlaEventDetail> = {}): SlaEventDetail {
  return slaEventDetail.parse({
    version: 1,
    threadRef: 'RL-7K3F9Q',
    team: 'support',
    priority: 'high',
    category: 'refund',
    subject: 'Refund for order 99',
    customer: 'k***@customer.example.org',
    target: 'firstResponse',
    dueAt: '2026-11-24T06:00:00.000Z',
    minutesOverdue: 0,
    link: 'https://helpdesk.example.com/threads/RL-7K3F9Q',
    ...overrides,
  }) as SlaEventDetail;
}

const breach = (overrides: Partial<SlaEventDetail> = {}): ChatAlert => ({ type: 'SLA Breached', detail: detail(overrides) });
const warning = (overrides: Partial<SlaEventDetail> = {}): ChatAlert => ({ type: 'SLA Warning', detail: detail({ minutesOverdue: -48, ...overrides }) });

function setup(answers: (number | Error | HttpResponse)[] = [], alerts: AlertsConfig = { ...DEFAULT_ALERTS_CONFIG, linkTemplate: 'https://helpdesk.example.com/threads/{ref}' }) {
  const ledger = new MemoryAlertLedger();
  const http = new MemoryWebhook(answers);
  const clock = fixedClock('2026-11-24T06:00:05Z');
  const deps: ChatAlertDependencies = { ledger, http, clock, alerts, webhook: { url: async () => WEBHOOK } };
  return { ledger, http, clock, deps };
}

describe('chat alerts: once per alert', () => {
  it('posts the CDK body to the webhook from the secret, with a timeout', async () => {
    const { http, deps } = setup();
    const alert = breach();
    expect(await deliverChatAlert(alert, deps)).toEqual({ outcome: 'posted', reclaimed: false });
    expect(http.requests).toHaveLength(1);
    const [request] = http.requests;
    expect(request!.url).toBe(WEBHOOK);
    expect(JSON.parse(request!.body)).toEqual(slaChatBody('SLA Breached', alert.detail, deps.alerts));
    expect(JSON.parse(request!.body).text).toMatch(/^🚨 SLA breached: RL-7K3F9Q \(team support, priority high\) was due 2026-11-24T06:00:00.000Z; 0 min overdue\. https:\/\/helpdesk/);
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.timeoutMs).toBeGreaterThan(0);
  });

  it('posts once per alert identity: a redelivered record and an identical re-published event are duplicates', async () => {
    const { http, deps } = setup();
    expect((await deliverChatAlert(breach(), deps)).outcome).toBe('posted');
    // SQS redelivers the same record; the sweeper re-publishes an identical event in its crash window (a new event id, the same detail).
    expect(await deliverChatAlert(breach(), deps)).toEqual({ outcome: 'duplicate' });
    expect(await deliverChatAlert(structuredClone(breach()), deps)).toEqual({ outcome: 'duplicate' });
    expect(http.requests).toHaveLength(1);

    // Other identities are other alerts: the breach of a re-armed clock (new dueAt), another target, another thread.
    expect((await deliverChatAlert(breach({ dueAt: '2026-11-25T06:00:00.000Z' }), deps)).outcome).toBe('posted');
    expect((await deliverChatAlert(breach({ target: 'nextReply' }), deps)).outcome).toBe('posted');
    expect((await deliverChatAlert(breach({ threadRef: 'RL-8M4G0R' }), deps)).outcome).toBe('posted');
    expect(http.requests).toHaveLength(4);
  });

  it('identifies an alert by detail-type, thread ref, target and due time (one instant, however written)', () => {
    expect(chatAlertKey(breach())).toBe('SLA Breached|RL-7K3F9Q|firstResponse|2026-11-24T06:00:00.000Z');
    expect(chatAlertKey(breach({ dueAt: '2026-11-24T06:00:00Z' }))).toBe(chatAlertKey(breach()));
    expect(chatAlertKey(warning())).not.toBe(chatAlertKey(breach()));
  });

  it('lets only one of two concurrent deliveries post; the other retries later and finds it posted', async () => {
    const { http, deps } = setup();
    const results = await Promise.allSettled([deliverChatAlert(breach(), deps), deliverChatAlert(breach(), deps)]);
    expect(results.filter((result) => result.status === 'fulfilled').map((result) => (result as PromiseFulfilledResult<unknown>).value)).toEqual([{ outcome: 'posted', reclaimed: false }]);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason)).toEqual([expect.any(ChatAlertBusyError)]);
    expect(await deliverChatAlert(breach(), deps)).toEqual({ outcome: 'duplicate' });
    expect(http.requests).toHaveLength(1);
  });

  it('takes over the claim of a worker that died mid-post once its lease has run out', async () => {
    const { ledger, http, clock, deps } = setup();
    await ledger.claim(chatAlertKey(breach()), clock.now(), CHAT_ALERT_LEASE_MS);
    await expect(deliverChatAlert(breach(), deps)).rejects.toBeInstanceOf(ChatAlertBusyError);
    expect(http.requests).toHaveLength(0);
    clock.advance(CHAT_ALERT_LEASE_MS + 1);
    expect(await deliverChatAlert(breach(), deps)).toEqual({ outcome: 'posted', reclaimed: true });
  });

  it('releases the claim when the post fails, so the retry posts at once', async () => {
    const { http, deps } = setup([503, Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })]);
    const first = await deliverChatAlert(breach(), deps).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ChatWebhookUnavailableError);
    expect((first as Error).message).toBe('chat webhook answered 503');
    const second = await deliverChatAlert(breach(), deps).catch((error: unknown) => error);
    expect((second as Error).message).toBe('chat webhook unreachable (TypeError ECONNRESET)');
    // No clock advance: the claim was given back, not left to expire.
    expect(await deliverChatAlert(breach(), deps)).toEqual({ outcome: 'posted', reclaimed: false });
    expect(await deliverChatAlert(breach(), deps)).toEqual({ outcome: 'duplicate' });
    expect(http.requests).toHaveLength(3);
  });

  it('retries a throttled post later, telling how long the webhook asked to wait', async () => {
    const { deps } = setup([{ status: 429, retryAfterSeconds: 30 }]);
    const error = await deliverChatAlert(breach(), deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChatWebhookUnavailableError);
    expect(error).toMatchObject({ retryAfterSeconds: 30, message: 'chat webhook answered 429, retry after 30 s' });
  });

  it('reports a 4xx as a refusal whose reason names the status (the record then goes to the DLQ), and frees the alert for a redrive', async () => {
    const { http, deps } = setup([404, 403]);
    for (const status of [404, 403]) {
      const error = await deliverChatAlert(breach(), deps).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ChatWebhookRefusedError);
      expect(error).toMatchObject({ status });
      expect((error as ChatWebhookRefusedError).reason).toContain(`chat webhook answered ${status}`);
    }
    // The URL was replaced in the secret; a redriven record posts.
    expect((await deliverChatAlert(breach(), deps)).outcome).toBe('posted');
    expect(http.requests).toHaveLength(3);
  });

  it('never puts the URL in an error, even when the HTTP client quotes it', async () => {
    const { deps } = setup([new TypeError(`Failed to fetch ${WEBHOOK}`)]);
    const error = (await deliverChatAlert(breach(), deps).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe('chat webhook unreachable (TypeError)');
    expect(JSON.stringify(error)).not.toContain('SECRETTOKEN');
  });

  it('releases the claim when the webhook URL cannot be read', async () => {
    const { http, deps } = setup();
    let reads = 0;
    deps.webhook = {
      url: async () => {
        if (reads++ === 0) throw new ChatWebhookSecretError('the secret "replyline/chat-webhook" does not hold a URL');
        return WEBHOOK;
      },
    };
    await expect(deliverChatAlert(breach(), deps)).rejects.toBeInstanceOf(ChatWebhookSecretError);
    expect((await deliverChatAlert(breach(), deps)).outcome).toBe('posted');
    expect(http.requests).toHaveLength(1);
  });

  it('skips warnings unless alerts.includeWarnings, and always forwards breaches', async () => {
    const off = setup();
    expect(await deliverChatAlert(warning(), off.deps)).toEqual({ outcome: 'not-forwarded' });
    expect(off.http.requests).toHaveLength(0);
    expect(off.ledger.entries.size).toBe(0);

    const on = setup([], { ...DEFAULT_ALERTS_CONFIG, includeWarnings: true });
    expect((await deliverChatAlert(warning(), on.deps)).outcome).toBe('posted');
    expect(JSON.parse(on.http.bodies[0]!).text).toMatch(/^⚠️ SLA warning: RL-7K3F9Q/);
    expect((await deliverChatAlert(breach(), on.deps)).outcome).toBe('posted');
    expect(on.http.requests).toHaveLength(2);
  });
});

describe('chat webhook URL from its secret', () => {
  it('accepts https URLs, and plain http only to this machine (local mode)', () => {
    expect(chatWebhookUrlFrom(` ${WEBHOOK}\n`, 'replyline/chat-webhook')).toBe(WEBHOOK);
    expect(chatWebhookUrlFrom('http://127.0.0.1:4000/hook', 'local')).toBe('http://127.0.0.1:4000/hook');
    expect(chatWebhookUrlFrom('http://localhost:4000/hook', 'local')).toBe('http://localhost:4000/hook');
  });

  it.each([
    ['http://hooks.slack.com/services/T000/B000/SECRETTOKEN', 'holds an http URL; the chat webhook must be https'],
    ['SECRETTOKEN', 'does not hold a URL'],
    ['{"url":"https://hooks.slack.com/services/T000/B000/SECRETTOKEN"}', 'does not hold a URL (it holds JSON; the SecretString must be the plain URL)'],
    ['SECRETTOKEN:abc', 'holds something other than an https URL'],
    ['', 'does not hold a URL'],
  ])('refuses %j with a clear reason that never quotes the value', (value, reason) => {
    const error = (() => {
      try {
        chatWebhookUrlFrom(value, 'replyline/chat-webhook');
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(ChatWebhookSecretError);
    expect(error.message).toContain(`the secret "replyline/chat-webhook" ${reason}`);
    expect(error.message).toContain('aws secretsmanager put-secret-value --secret-id replyline/chat-webhook');
    expect(error.message).not.toContain('SECRETTOKEN');
  });
});

describe('chat webhook secret (Secrets Manager)', () => {
  const secrets = mockClient(SecretsManagerClient);
  beforeEach(() => secrets.reset());
  const answer = (url: string) => ({ SecretString: url, Name: 'replyline/chat-webhook' });

  it('reads the secret once, keeps the URL for 5 minutes, then reads it again so a rotated URL takes effect', async () => {
    const clock = fixedClock('2026-11-24T06:00:00Z');
    secrets.on(GetSecretValueCommand, { SecretId: 'replyline/chat-webhook' }).resolvesOnce(answer(WEBHOOK)).resolves(answer('https://hooks.slack.com/services/T000/B000/ROTATED'));
    const source = new SecretsManagerChatWebhook(new SecretsManagerClient({ region: 'us-east-1' }), 'replyline/chat-webhook', clock);

    expect(await Promise.all([source.url(), source.url()])).toEqual([WEBHOOK, WEBHOOK]);
    clock.advance(CHAT_WEBHOOK_CACHE_MS - 1);
    expect(await source.url()).toBe(WEBHOOK);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);

    clock.advance(1);
    expect(await source.url()).toBe('https://hooks.slack.com/services/T000/B000/ROTATED');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('does not keep failures: a missing or invalid secret is read again on the next alert', async () => {
    const clock = fixedClock('2026-11-24T06:00:00Z');
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret.", $metadata: {} }))
      .resolvesOnce(answer('hooks.slack.com/services/T000/B000/SECRETTOKEN'))
      .resolves(answer(WEBHOOK));
    const source = new SecretsManagerChatWebhook(new SecretsManagerClient({ region: 'us-east-1' }), 'replyline/chat-webhook', clock);
    await expect(source.url()).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(source.url()).rejects.toBeInstanceOf(ChatWebhookSecretError);
    expect(await source.url()).toBe(WEBHOOK);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });
});

describe('alerts configuration: the chat webhook is a secret', () => {
  const valid = {
    domain: 'example.com',
    timeZone: 'Asia/Shanghai',
    addresses: [{ address: 'support@example.com', team: 'support' }],
    teams: { support: { name: 'Support', destination: { type: 'mailbox', address: 'team@mail.example.com' } } },
  };
  const problemsOf = (alerts: unknown): string[] => {
    try {
      parseConfig({ ...valid, alerts }, 'replyline.config.json');
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('refuses chatWebhookUrl with one message saying the URL is a credential and how to store it instead', () => {
    const problems = problemsOf({ chatWebhookUrl: WEBHOOK, includeWarnings: true });
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatch(/^alerts\.chatWebhookUrl: the chat webhook URL is a credential/);
    expect(problem).toContain("aws secretsmanager create-secret --name replyline/chat-webhook --secret-string 'https://hooks.slack.com/…'");
    expect(problem).toContain('alerts.chatWebhookSecretName');
    expect(problem).toContain('REPLYLINE_CHAT_WEBHOOK_URL=');
    expect(problem).not.toContain('SECRETTOKEN');
  });

  it('takes the name of the secret holding the URL', () => {
    expect(alertsConfigSchema.parse({ chatWebhookSecretName: 'replyline/chat-webhook' }).chatWebhookSecretName).toBe('replyline/chat-webhook');
    expect(alertsConfigSchema.parse({}).chatWebhookSecretName).toBeUndefined();
  });

  it('refuses the URL itself as the secret name', () => {
    expect(problemsOf({ chatWebhookSecretName: WEBHOOK })).toEqual([
      'alerts.chatWebhookSecretName: expected a Secrets Manager secret name like replyline/chat-webhook (letters, digits and /_+=.@-), not the webhook URL itself',
    ]);
  });
});

describe('REPLYLINE_CHAT_WEBHOOK_URL at npm start', () => {
  const stored = new Map<string, string>();
  const secrets = { put: (name: string, value: string) => void stored.set(name, value) };
  beforeEach(() => stored.clear());
  const withSecret = { ...DEFAULT_ALERTS_CONFIG, chatWebhookSecretName: 'replyline/chat-webhook' };

  it('keeps the URL in the local secret the config names, and says so without echoing it', () => {
    const line = storeLocalChatWebhook(secrets, withSecret, WEBHOOK);
    expect(stored.get('replyline/chat-webhook')).toBe(WEBHOOK);
    expect(line).toBe('alert  stored REPLYLINE_CHAT_WEBHOOK_URL in the local secret "replyline/chat-webhook"');
  });

  it('tells what is missing instead of storing a URL it cannot use', () => {
    expect(storeLocalChatWebhook(secrets, DEFAULT_ALERTS_CONFIG, WEBHOOK)).toContain('add "chatWebhookSecretName": "replyline/chat-webhook" to "alerts"');
    expect(storeLocalChatWebhook(secrets, withSecret, 'http://hooks.slack.com/services/T000/B000/SECRETTOKEN')).toBe(
      'alert  REPLYLINE_CHAT_WEBHOOK_URL is not an https URL (plain http only to localhost); not stored in "replyline/chat-webhook"',
    );
    expect(stored.size).toBe(0);
    expect(storeLocalChatWebhook(secrets, withSecret, undefined)).toBeUndefined();
  });
});
