import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { threadItem, toThread } from '../../lambdas/adapters/table-items.js';
import { keys, PREFIX } from '../../lambdas/adapters/table-layout.js';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EventBridgePublisher } from '../../lambdas/adapters/eventbridge-publisher.js';
import { createAwsClients } from '../../lambdas/adapters/aws-clients.js';
import { createSlaSweepDependencies, systemSweepClock } from '../../lambdas/adapters/sla-wiring.js';
import type { SlaEventDetail } from '../../lambdas/core/events.js';
import type { SlaClock, ThreadRecord } from '../../lambdas/core/records.js';
import { onAgentReply } from '../../lambdas/core/sla-clock.js';
import { runSlaSweep, type SlaSweepDependencies } from '../../lambdas/core/sla/sweep.js';
import { slaChatBody } from '../../lambdas/core/sla/alert-text.js';
import { slaRecovered } from '../../lambdas/core/sla/sla-events.js';
import type { SweepClock } from '../../lambdas/ports/sla-sweep.js';
import { DEFAULT_ALERTS_CONFIG, type AlertsConfig } from '../../lambdas/schemas/alerts-config.js';
import { startLocalAlerts } from '../../local/alerts.js';
import { startLocalEventBus, type LocalEvent, type LocalEventBus } from '../../local/event-bus.js';
import type { LocalInstance } from '../../local/instance.js';
import { startSlaTimer } from '../../local/sla-timer.js';
import { outbox, rawMail, sendSmtp, startTestInstance, waitFor } from '../support/local-instance.js';
import { awaitingThread } from '../support/thread-record.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const refOf = (subject: string) => /RL-[0-9A-Z]{6}/.exec(subject)?.[0];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomRef = () => `RL-${Array.from({ length: 6 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('')}`;
const LEASE_MS = 120_000;

/** A clock set by hand; sleeping jumps it to the instant waited for. */
function manualClock(at: Date): SweepClock & { set(at: Date): void } {
  let now = new Date(at);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    sleepUntil: async (until) => {
      if (until > now) now = new Date(until);
    },
  };
}

describe('SLA sweep on the local emulators', () => {
  let instance: LocalInstance;
  let db: DynamoDBDocumentClient;
  let bus: LocalEventBus;
  let stateDir: string;
  /** The instance's environment, but SLA events go to a bus of this test (so it can subscribe and time them). */
  let sweepEnv: Record<string, string>;

  beforeAll(async () => {
    instance = await startTestInstance();
    stateDir = mkdtempSync(join(tmpdir(), 'replyline-sla-'));
    // With the local SQS, so that rules can target queues (the chat channel's rule → alert-chat queue).
    bus = await startLocalEventBus({ port: 0, eventsFile: join(stateDir, 'events.jsonl'), sqsEndpoint: inject('emulators').sqs });
    sweepEnv = { ...instance.env, AWS_ENDPOINT_URL_EVENTBRIDGE: bus.url };
    db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials }), {
      marshallOptions: { removeUndefinedValues: true },
    });
  });
  afterAll(async () => {
    await instance?.stop();
    await bus?.stop();
    db?.destroy();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  const table = () => instance.resources.table;
  const getThread = async (ref: string) => {
    const item = (await db.send(new GetCommand({ TableName: table(), Key: keys.thread(ref), ConsistentRead: true }))).Item;
    return item && { item, thread: toThread(item) };
  };
  const emissionItems = async (ref: string) =>
    (await db.send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sla)', ExpressionAttributeValues: { ':pk': keys.thread(ref).PK, ':sla': PREFIX.emission } }))).Items ?? [];
  const slaEvents = (ref: string) => bus.events().filter((event) => event['detail-type'].startsWith('SLA ') && event.detail.threadRef === ref);
  const kinds = (ref: string) => slaEvents(ref).map((event) => `${event['detail-type']} ${(event.detail as unknown as SlaEventDetail).target}`);

  function sweeper(clock: SweepClock, wrap: (deps: SlaSweepDependencies) => SlaSweepDependencies = (deps) => deps) {
    const setup = createSlaSweepDependencies(sweepEnv, { clock, config: instance.config });
    const deps = wrap(setup.deps);
    return (lookaheadMs = 0) => runSlaSweep(deps, { lookaheadMs, leaseMs: LEASE_MS });
  }

  /** A customer mail through SMTP → ingest, as in production; returns the new thread. */
  async function openThreadByMail(subject: string): Promise<{ ref: string; messageId: string; ack: Awaited<ReturnType<typeof outbox>>[number] }> {
    const messageId = `sla-${Date.now()}-${randomInt(1e9)}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'Sam Lee <sam.lee@customer.example.org>', to: 'support@example.com', subject, body: 'Where is my order 4711?', messageId }), {
      from: 'sam.lee@customer.example.org',
      to: ['support@example.com'],
    });
    const ack = await waitFor(async () => (await outbox()).find((entry) => entry.inReplyTo.includes(messageId)), 'the acknowledgement');
    const ref = refOf(ack.subject)!;
    await waitFor(async () => (await getThread(ref))?.thread.slaClock, 'the thread with its SLA clock');
    return { ref, messageId, ack };
  }

  /** A thread item as ingest writes it (threadItem), with a clock of our choosing. */
  async function putThread(sla: SlaClock, overrides: Partial<ThreadRecord> = {}): Promise<ThreadRecord> {
    const thread = awaitingThread(randomRef(), sla, overrides);
    await db.send(new PutCommand({ TableName: table(), Item: threadItem(thread), ConditionExpression: 'attribute_not_exists(PK)' }));
    return thread;
  }

  /** Writes the thread the way ingest does: whole item, conditional on the version read, version + 1. */
  async function writeAsIngest(before: ThreadRecord, after: ThreadRecord): Promise<void> {
    await db.send(
      new PutCommand({
        TableName: table(),
        Item: threadItem({ ...after, version: before.version + 1 }),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': before.version },
      }),
    );
  }

  it('raises the warning, then the breach, exactly once each — even with sweeps running twice at once and again later', async () => {
    const { ref } = await openThreadByMail('Kettle missing from my order');
    const { thread, item } = (await getThread(ref))!;
    const clock = thread.slaClock!;
    expect(item.GSI2SK).toBe(`${clock.warnAt.toISOString()}#${ref}`);
    const time = manualClock(new Date(clock.warnAt.getTime() - 1000));
    const sweep = sweeper(time);

    await Promise.all([sweep(), sweep()]);
    expect(kinds(ref)).toEqual([]);

    time.set(new Date(clock.warnAt.getTime() + 1000));
    const concurrent = await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(kinds(ref)).toEqual(['SLA Warning firstResponse']);
    expect(concurrent.reduce((sum, summary) => sum + summary.warnings, 0)).toBe(1);
    const warned = (await getThread(ref))!;
    expect(warned.thread.version).toBe(thread.version + 1);
    expect(warned.thread.slaClock!.warnedAt).toEqual(time.now());
    expect(warned.item.GSI2SK).toBe(`${clock.dueAt.toISOString()}#${ref}`);

    time.set(new Date(clock.dueAt.getTime() + 61_000));
    await Promise.all([sweep(), sweep()]);
    await sweep();
    time.set(new Date(clock.dueAt.getTime() + 86_400_000));
    await Promise.all([sweep(), sweep()]);
    expect(kinds(ref)).toEqual(['SLA Warning firstResponse', 'SLA Breached firstResponse']);

    const breach = slaEvents(ref)[1]!.detail as unknown as SlaEventDetail;
    expect(breach).toMatchObject({ version: 1, threadRef: ref, team: 'support', customer: 's***@customer.example.org', target: 'firstResponse', dueAt: clock.dueAt.toISOString(), minutesOverdue: 1 });
    expect(breach.subject).toBe('Kettle missing from my order');
    const breached = (await getThread(ref))!;
    expect(breached.thread.version).toBe(thread.version + 2);
    expect(breached.item.GSI2PK).toBeUndefined(); // nothing left to raise: out of the sparse index
    const records = await emissionItems(ref);
    expect(records.map((record) => [record.emission, Boolean(record.publishedAt), record.GSI2PK])).toEqual([
      ['breach', true, undefined],
      ['warning', true, undefined],
    ]);
  });

  it('raises nothing more once an agent has replied, and re-arms the clock when the customer writes again', async () => {
    const { ref, messageId, ack } = await openThreadByMail('Invoice copy please');
    const opened = (await getThread(ref))!.thread;
    const first = opened.slaClock!;
    const time = manualClock(new Date(first.warnAt.getTime() + 1000));
    const sweep = sweeper(time);
    await sweep();
    expect(kinds(ref)).toEqual(['SLA Warning firstResponse']);

    // An agent answers before the due time (what ingest writes on a relayed agent reply).
    const warned = (await getThread(ref))!.thread;
    const reply = onAgentReply(warned, new Date(first.dueAt.getTime() - 60_000), 'mei');
    expect(reply.recoveredFrom).toBeUndefined();
    await writeAsIngest(warned, reply.thread);
    expect((await getThread(ref))!.item.GSI2PK).toBeUndefined();
    time.set(new Date(first.dueAt.getTime() + 3_600_000));
    await sweep();
    expect(kinds(ref)).toEqual(['SLA Warning firstResponse']);

    // The customer writes back: ingest re-arms the clock with the next-reply target.
    await sendSmtp(
      instance,
      rawMail({ from: 'Sam Lee <sam.lee@customer.example.org>', to: ack.replyTo[0]!, subject: `Re: ${ack.subject}`, body: 'Still waiting for the invoice.', headers: { 'In-Reply-To': `<${messageId}>`, References: `<${messageId}>` } }),
      { from: 'sam.lee@customer.example.org', to: [ack.replyTo[0]!] },
    );
    const rearmed = await waitFor(async () => {
      const current = (await getThread(ref))?.thread;
      return current?.slaClock?.target === 'nextReply' ? current.slaClock : undefined;
    }, 'the re-armed clock');
    expect(rearmed).toMatchObject({ warnedAt: undefined, breachedAt: undefined });
    time.set(new Date(rearmed.warnAt.getTime() + 1000));
    await Promise.all([sweep(), sweep()]);
    time.set(new Date(rearmed.dueAt.getTime() + 1000));
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(kinds(ref)).toEqual(['SLA Warning firstResponse', 'SLA Warning nextReply', 'SLA Breached nextReply']);
  });

  it('follows a breach met late with SLA Recovered (the detail ingest publishes from slaRecovered)', async () => {
    const dueAt = new Date(Date.now() - 30 * 60_000);
    const created = await putThread({ target: 'firstResponse', startedAt: new Date(dueAt.getTime() - 3_600_000), dueAt, warnAt: new Date(dueAt.getTime() - 720_000), warnedAt: undefined, breachedAt: undefined });
    const time = manualClock(new Date(dueAt.getTime() + 5 * 60_000));
    await sweeper(time)();
    expect(kinds(created.ref)).toEqual(['SLA Warning firstResponse', 'SLA Breached firstResponse']);

    const breached = (await getThread(created.ref))!.thread;
    const lateReply = onAgentReply(breached, new Date(dueAt.getTime() + 42 * 60_000), 'mei');
    expect(lateReply.recoveredFrom?.breachedAt).toBeDefined();
    await writeAsIngest(breached, lateReply.thread);
    const recovered = slaRecovered(breached, lateReply.recoveredFrom!, new Date(dueAt.getTime() + 42 * 60_000), DEFAULT_ALERTS_CONFIG);
    await new EventBridgePublisher(createAwsClients(sweepEnv).events, instance.resources.bus).publish([recovered]);
    expect(kinds(created.ref)).toEqual(['SLA Warning firstResponse', 'SLA Breached firstResponse', 'SLA Recovered firstResponse']);
    expect(slaEvents(created.ref)[2]!.detail).toMatchObject({ minutesOverdue: 42, customer: 'k***@customer.example.org' });
  });

  it('crash between recording and publishing: the alert is published once, by the first sweep after the lease', async () => {
    const dueAt = new Date(Date.now() - 60_000);
    const created = await putThread({ target: 'firstResponse', startedAt: new Date(dueAt.getTime() - 3_600_000), dueAt, warnAt: new Date(dueAt.getTime() - 720_000), warnedAt: new Date(dueAt.getTime() - 700_000), breachedAt: undefined });
    const time = manualClock(new Date(dueAt.getTime() + 2000));
    const crashing = sweeper(time, (deps) => ({
      ...deps,
      events: {
        publish: async () => {
          throw new Error('the function was killed here');
        },
      },
    }));
    expect((await crashing()).failures).toBe(1);
    expect(kinds(created.ref)).toEqual([]);
    const [pending] = await emissionItems(created.ref);
    expect(pending!.publishedAt).toBeUndefined();
    expect(pending).toMatchObject({ emission: 'breach', GSI2SK: `${new Date(time.now().getTime() + LEASE_MS).toISOString()}#${created.ref}` });
    expect((await getThread(created.ref))!.thread.slaClock!.breachedAt).toBeDefined();

    const sweep = sweeper(time);
    await sweep(); // within the lease: the crashed sweep might still be publishing
    expect(kinds(created.ref)).toEqual([]);
    time.set(new Date(time.now().getTime() + LEASE_MS + 1000));
    const after = await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(kinds(created.ref)).toEqual(['SLA Breached firstResponse']);
    expect(after.reduce((sum, summary) => sum + summary.recovered, 0)).toBe(1);
    expect((await emissionItems(created.ref))[0]).toMatchObject({ attempts: 2, publishedAt: expect.any(String) });
    expect((await emissionItems(created.ref))[0]!.GSI2PK).toBeUndefined();
  });

  it('crash between publishing and marking it published: published again after the lease, identical, and then never again (at-least-once)', async () => {
    const dueAt = new Date(Date.now() - 60_000);
    const created = await putThread({ target: 'firstResponse', startedAt: new Date(dueAt.getTime() - 3_600_000), dueAt, warnAt: new Date(dueAt.getTime() - 720_000), warnedAt: new Date(dueAt.getTime() - 700_000), breachedAt: undefined });
    const time = manualClock(new Date(dueAt.getTime() + 2000));
    const crashing = sweeper(time, (deps) => ({
      ...deps,
      index: Object.assign(Object.create(Object.getPrototypeOf(deps.index)), deps.index, {
        markPublished: async () => {
          throw new Error('the function was killed here');
        },
      }),
    }));
    expect((await crashing()).failures).toBe(1);
    expect(kinds(created.ref)).toEqual(['SLA Breached firstResponse']);

    const sweep = sweeper(time);
    await sweep();
    expect(kinds(created.ref)).toHaveLength(1);
    time.set(new Date(time.now().getTime() + LEASE_MS + 1000));
    await Promise.all([sweep(), sweep()]);
    time.set(new Date(time.now().getTime() + 3_600_000));
    await sweep();
    const [original, repeat] = slaEvents(created.ref);
    expect(slaEvents(created.ref)).toHaveLength(2);
    expect(JSON.stringify(repeat!.detail)).toBe(JSON.stringify(original!.detail));
  });

  /** A chat webhook secret of this test in the local secrets (as `aws secretsmanager create-secret`, or REPLYLINE_CHAT_WEBHOOK_URL at `npm start`). */
  async function chatWebhookSecret(url: string): Promise<string> {
    const name = `${instance.name}/chat-webhook-${randomInt(1e9)}`;
    const client = new SecretsManagerClient({ endpoint: inject('emulators').secrets, region: 'us-east-1', credentials });
    try {
      await client.send(new CreateSecretCommand({ Name: name, SecretString: url }));
    } finally {
      client.destroy();
    }
    return name;
  }

  it('raises each event after its deadline in real time, and the local alerts post the CDK body once per alert', async () => {
    // A webhook that records what it is sent.
    const posts: { at: number; body: unknown }[] = [];
    const server: Server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        posts.push({ at: Date.now(), body: JSON.parse(text) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const webhook = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const alerts: AlertsConfig = { ...DEFAULT_ALERTS_CONFIG, includeWarnings: true, chatWebhookSecretName: await chatWebhookSecret(webhook), linkTemplate: 'https://helpdesk.example.com/threads/{ref}' };
    const lines: string[] = [];
    // The chat channel as deployed: a rule on the bus → an alert-chat queue → the alert-chat handler (URL from the secret).
    const localAlerts = await startLocalAlerts({ bus, alerts, busName: instance.resources.bus, log: (line) => lines.push(line), chat: { env: sweepEnv, name: `${instance.name}-posts`, visibilityTimeoutSeconds: 1 } });
    expect(localAlerts.chat).toBe(true);
    const received = new Map<string, number>();
    const unsubscribe = bus.subscribe((event: LocalEvent) => received.set(`${event['detail-type']} ${String(event.detail.threadRef)}`, Date.now()));

    try {
      // 1. The Lambda's way: one sweep with the system clock and a 60 s lookahead.
      const now = Date.now();
      const lambdaThread = await putThread({ target: 'firstResponse', startedAt: new Date(now - 3_600_000), dueAt: new Date(now + 3000), warnAt: new Date(now + 1500), warnedAt: undefined, breachedAt: undefined });
      // The sweeper and the channels read the same `alerts` section (here: with a link template).
      const config = { ...instance.config, alerts };
      const setup = createSlaSweepDependencies(sweepEnv, { clock: systemSweepClock, config });
      const summary = await runSlaSweep(setup.deps, { lookaheadMs: 60_000, leaseMs: LEASE_MS, stopBy: new Date(now + 10_000) });
      const delays = {
        warning: received.get(`SLA Warning ${lambdaThread.ref}`)! - lambdaThread.slaClock!.warnAt.getTime(),
        breach: received.get(`SLA Breached ${lambdaThread.ref}`)! - lambdaThread.slaClock!.dueAt.getTime(),
      };

      // 2. `npm start`'s way: the local timer (real time), publishing through the same adapters.
      const start = Date.now();
      const timerThread = await putThread({ target: 'firstResponse', startedAt: new Date(start - 3_600_000), dueAt: new Date(start + 2000), warnAt: new Date(start + 1000), warnedAt: new Date(start - 1), breachedAt: undefined });
      const timer = startSlaTimer({ env: sweepEnv, config: instance.config, scale: 1 });
      await waitFor(async () => received.get(`SLA Breached ${timerThread.ref}`), 'the breach from the local timer', 10_000);
      await timer.stop();
      const timerDelay = received.get(`SLA Breached ${timerThread.ref}`)! - timerThread.slaClock!.dueAt.getTime();

      // 3. Sped up ×120: a deadline 4 minutes of sweeper time ahead is reached after 2 real seconds.
      const scaledStart = new Date();
      const scaledThread = await putThread({
        target: 'firstResponse',
        startedAt: new Date(scaledStart.getTime() - 3_600_000),
        dueAt: new Date(scaledStart.getTime() + 240_000),
        warnAt: new Date(scaledStart.getTime() + 180_000),
        warnedAt: undefined,
        breachedAt: undefined,
      });
      const scaled = startSlaTimer({ env: sweepEnv, config: instance.config, scale: 120, origin: scaledStart });
      await waitFor(async () => received.get(`SLA Breached ${scaledThread.ref}`), 'the sped-up breach', 10_000);
      await scaled.stop();
      const scaledRealDelay = received.get(`SLA Breached ${scaledThread.ref}`)! - (scaledStart.getTime() + 240_000 / 120);

      expect(summary).toMatchObject({ warnings: 1, breaches: 1, failures: 0 });
      // Never before the deadline; how soon after is measured by `npm run bench` (sla), not asserted here.
      for (const delay of [delays.warning, delays.breach, timerDelay, scaledRealDelay]) expect(delay).toBeGreaterThanOrEqual(0);

      // Local alerts: a console line and the CDK input transformer's body, for breaches and (configured) warnings.
      await waitFor(async () => posts.length >= 5, 'the webhook posts', 10_000);
      const breachEvent = bus.events().find((event) => event['detail-type'] === 'SLA Breached' && event.detail.threadRef === lambdaThread.ref)!;
      expect(posts.map((post) => post.body)).toContainEqual(slaChatBody('SLA Breached', breachEvent.detail as unknown as SlaEventDetail, alerts));
      expect((posts.find((post) => JSON.stringify(post.body).includes(lambdaThread.ref) && JSON.stringify(post.body).includes('breached'))!.body as { text: string }).text).toMatch(
        new RegExp(`^🚨 SLA breached: ${lambdaThread.ref} \\(team support, priority high\\) was due .+; 0 min overdue\\. https://helpdesk\\.example\\.com/threads/${lambdaThread.ref}$`),
      );
      expect(lines.join('\n')).toContain(`SLA BREACHED  ${lambdaThread.ref}  team support  priority high`);
      expect(lines.join('\n')).not.toContain('kim@customer.example.org');

      // The sweeper's crash window re-publishes an identical event (a new event id, a new SQS message): not posted again.
      const postsOf = (ref: string, word: string) => posts.filter((post) => JSON.stringify(post.body).includes(ref) && JSON.stringify(post.body).includes(word));
      expect(postsOf(lambdaThread.ref, 'breached')).toHaveLength(1);
      await new EventBridgePublisher(createAwsClients(sweepEnv).events, instance.resources.bus).publish([{ detailType: 'SLA Breached', detail: breachEvent.detail as unknown as SlaEventDetail }]);
      await waitFor(async () => lines.some((line) => line.startsWith('alert  chat duplicate') && line.includes(`SLA Breached ${lambdaThread.ref}`)), 'the re-published breach handled as a duplicate', 10_000);
      expect(postsOf(lambdaThread.ref, 'breached')).toHaveLength(1);
      expect(posts).toHaveLength(5);
      expect(lines.join('\n')).not.toContain(webhook);
    } finally {
      unsubscribe();
      await localAlerts.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps going when the chat webhook is down', async () => {
    const lines: string[] = [];
    const unreachable = 'http://127.0.0.1:9/unreachable';
    const localAlerts = await startLocalAlerts({
      bus,
      alerts: { ...DEFAULT_ALERTS_CONFIG, chatWebhookSecretName: await chatWebhookSecret(unreachable) },
      busName: instance.resources.bus,
      log: (line) => lines.push(line),
      chat: { env: sweepEnv, name: `${instance.name}-down`, visibilityTimeoutSeconds: 1, maxReceiveCount: 2 },
    });
    const dueAt = new Date(Date.now() - 1000);
    const created = await putThread({ target: 'firstResponse', startedAt: new Date(dueAt.getTime() - 3_600_000), dueAt, warnAt: new Date(dueAt.getTime() - 720_000), warnedAt: new Date(), breachedAt: undefined });
    await sweeper(manualClock(new Date()))();
    // The post fails (nothing listens there) and is retried by the queue; the sweep itself is unaffected.
    const failure = await waitFor(async () => lines.find((line) => line.startsWith('alert  chat failed') && line.includes(created.ref)), 'the failed chat post', 10_000);
    await localAlerts.stop();
    expect(kinds(created.ref)).toEqual(['SLA Breached firstResponse']);
    expect(failure).toContain('chat webhook unreachable');
    expect(failure).toContain('-down-alert-chat-dlq');
    expect(lines.join('\n')).not.toContain(unreachable);
  });
});
