import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../lambdas/core/events.js';
import type { SlaClock, ThreadRecord } from '../../lambdas/core/records.js';
import { alertSubject, decideSlaEmissions, emissionKey, minutesOverdue, slaRecovered, threadLink } from '../../lambdas/core/sla/sla-events.js';
import { forwardedAlertTypes, slaAlertText, slaChatBody } from '../../lambdas/core/sla/alert-text.js';
import { runSlaSweep, type SlaSweepDependencies } from '../../lambdas/core/sla/sweep.js';
import type { SweepClock } from '../../lambdas/ports/sla-sweep.js';
import { nextSlaCheck } from '../../lambdas/core/records.js';
import { alertsConfigSchema, DEFAULT_ALERTS_CONFIG, type AlertsConfig } from '../../lambdas/schemas/alerts-config.js';
import { slaEventDetail, validateEvent } from '../../lambdas/schemas/events.js';
import { alertsOf, scaledSweepClock } from '../../lambdas/adapters/sla-wiring.js';
import { createSlaSweepHandler } from '../../lambdas/handlers/sla-sweep.js';
import { exampleConfig } from '../support/fixtures.js';
import { MemorySlaIndex, MemorySweepHeartbeat } from '../support/memory-ports.js';

const at = (iso: string) => new Date(iso);

/** Opened 10:00 Shanghai (02:00Z), high priority: 4 h target, warning at 80 % (48 min before). */
function clock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    target: 'firstResponse',
    startedAt: at('2026-11-24T02:00:00Z'),
    dueAt: at('2026-11-24T06:00:00Z'),
    warnAt: at('2026-11-24T05:12:00Z'),
    warnedAt: undefined,
    breachedAt: undefined,
    ...overrides,
  };
}

function thread(overrides: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    ref: 'RL-7K3F9Q',
    version: 3,
    status: 'awaiting-agent',
    customer: { address: 'jane.doe@customer.example.org', name: 'Jane Doe' },
    participants: [],
    subject: 'Kettle missing from order 4711',
    serviceAddress: 'support@example.com',
    team: 'support',
    agent: undefined,
    language: 'en',
    replyLanguage: 'en',
    priority: 'high',
    category: 'delivery',
    automated: false,
    createdAt: at('2026-11-24T02:00:00Z'),
    updatedAt: at('2026-11-24T02:00:00Z'),
    lastInboundAt: at('2026-11-24T02:00:00Z'),
    inboundCount: 1,
    rootMessageId: 'm1@customer.example.org',
    firstReplyDue: at('2026-11-24T06:00:00Z'),
    firstRespondedAt: undefined,
    lastAgentReplyAt: undefined,
    slaClock: clock(),
    expiresAt: at('2028-11-24T02:00:00Z'),
    ...overrides,
  };
}

const alerts = (overrides: Partial<AlertsConfig> = {}): AlertsConfig => ({ ...DEFAULT_ALERTS_CONFIG, ...overrides });

describe('deciding what a clock owes', () => {
  it('owes nothing before the warning time, and nothing without a clock', () => {
    expect(decideSlaEmissions(thread(), at('2026-11-24T05:11:59.999Z'), alerts())).toBeUndefined();
    expect(decideSlaEmissions(thread({ slaClock: undefined, status: 'awaiting-customer' }), at('2026-11-25T00:00:00Z'), alerts())).toBeUndefined();
  });

  it('raises SLA Warning once the warning time has passed, with the minutes left as a negative number', () => {
    const decision = decideSlaEmissions(thread(), at('2026-11-24T05:12:00Z'), alerts())!;
    expect(decision.emissions.map((e) => e.event.detailType)).toEqual(['SLA Warning']);
    expect(decision.emissions[0]!.deadline).toEqual(at('2026-11-24T05:12:00Z'));
    expect(decision.emissions[0]!.event.detail).toMatchObject({ threadRef: 'RL-7K3F9Q', team: 'support', priority: 'high', category: 'delivery', target: 'firstResponse', dueAt: '2026-11-24T06:00:00.000Z', minutesOverdue: -48 });
    expect(decision.clock).toEqual({ ...clock(), warnedAt: at('2026-11-24T05:12:00Z') });
    expect(nextSlaCheck(decision.clock)).toEqual(at('2026-11-24T06:00:00Z'));
  });

  it('never raises a warning twice for one clock', () => {
    expect(decideSlaEmissions(thread({ slaClock: clock({ warnedAt: at('2026-11-24T05:12:01Z') }) }), at('2026-11-24T05:59:00Z'), alerts())).toBeUndefined();
  });

  it('raises SLA Breached once the due time has passed, and never again', () => {
    const warned = thread({ slaClock: clock({ warnedAt: at('2026-11-24T05:12:01Z') }) });
    const decision = decideSlaEmissions(warned, at('2026-11-24T06:01:30Z'), alerts())!;
    expect(decision.emissions.map((e) => e.event.detailType)).toEqual(['SLA Breached']);
    expect(decision.emissions[0]!.event.detail.minutesOverdue).toBe(1);
    expect(decision.clock.breachedAt).toEqual(at('2026-11-24T06:01:30Z'));
    expect(nextSlaCheck(decision.clock)).toBeUndefined();
    expect(decideSlaEmissions({ ...warned, slaClock: decision.clock }, at('2026-11-24T09:00:00Z'), alerts())).toBeUndefined();
  });

  it('raises both, warning first, when the sweeper was away past both deadlines', () => {
    const decision = decideSlaEmissions(thread(), at('2026-11-24T07:30:00Z'), alerts())!;
    expect(decision.emissions.map((e) => [e.kind, e.event.detailType, e.event.detail.minutesOverdue])).toEqual([
      ['warning', 'SLA Warning', 90],
      ['breach', 'SLA Breached', 90],
    ]);
    expect(decision.clock).toMatchObject({ warnedAt: at('2026-11-24T07:30:00Z'), breachedAt: at('2026-11-24T07:30:00Z') });
    expect(nextSlaCheck(decision.clock)).toBeUndefined();
  });

  it('rounds minutes overdue down', () => {
    const due = at('2026-11-24T06:00:00Z');
    expect(minutesOverdue(due, at('2026-11-24T06:00:59Z'))).toBe(0);
    expect(minutesOverdue(due, at('2026-11-24T05:59:30Z'))).toBe(-1);
    expect(minutesOverdue(due, at('2026-11-24T06:47:10Z'))).toBe(47);
  });

  it('masks the customer unless the config asks for the full address', () => {
    const now = at('2026-11-24T05:13:00Z');
    expect(decideSlaEmissions(thread(), now, alerts())!.emissions[0]!.event.detail.customer).toBe('j***@customer.example.org');
    expect(decideSlaEmissions(thread(), now, alerts({ includeCustomerAddress: true }))!.emissions[0]!.event.detail.customer).toBe('jane.doe@customer.example.org');
  });

  it('links to the thread when a link template is configured', () => {
    const withLink = decideSlaEmissions(thread(), at('2026-11-24T05:13:00Z'), alerts({ linkTemplate: 'https://helpdesk.example.com/threads/{ref}?from=replyline' }))!;
    expect(withLink.emissions[0]!.event.detail.link).toBe('https://helpdesk.example.com/threads/RL-7K3F9Q?from=replyline');
    expect(decideSlaEmissions(thread(), at('2026-11-24T05:13:00Z'), alerts())!.emissions[0]!.event.detail.link).toBeUndefined();
    expect(threadLink('https://x.example.com/{ref}/"quoted" path', 'RL-7K3F9Q')).toBe('https://x.example.com/RL-7K3F9Q/%22quoted%22%20path');
  });

  it('makes the subject one plain line of at most 80 characters', () => {
    expect(alertSubject('Re: order\r\n 4711\tlate')).toBe('Re: order 4711 late');
    expect(alertSubject('   ')).toBe('(no subject)');
    expect(alertSubject('pay\u202Egnp.exe')).toBe('pay gnp.exe');
    const long = alertSubject('Where is my order? '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
    // 79 code units available: 39 emoji (2 units each) and never half of one.
    const emoji = alertSubject('😀'.repeat(60));
    expect(emoji).toBe(`${'😀'.repeat(39)}…`);
    expect(emoji.length).toBe(79);
    expect(alertSubject('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('produces details that pass the published event schema', () => {
    const tricky = thread({ subject: `Line one\nline two ${'ä'.repeat(100)}`, category: '', priority: 'urgent' });
    for (const emission of decideSlaEmissions(tricky, at('2026-11-25T00:00:00Z'), alerts({ linkTemplate: 'https://helpdesk.example.com/t/{ref}' }))!.emissions) {
      expect(() => validateEvent(emission.event)).not.toThrow();
      expect(slaEventDetail.parse(emission.event.detail).category).toBe('other');
    }
  });

  it('builds SLA Recovered for a breached clock met late', () => {
    const breached = clock({ warnedAt: at('2026-11-24T05:12:00Z'), breachedAt: at('2026-11-24T06:00:01Z') });
    const event = slaRecovered(thread({ slaClock: breached }), breached, at('2026-11-24T06:35:00Z'), alerts({ linkTemplate: 'https://helpdesk.example.com/threads/{ref}' }));
    expect(event).toEqual({
      detailType: 'SLA Recovered',
      detail: {
        version: 1,
        threadRef: 'RL-7K3F9Q',
        team: 'support',
        priority: 'high',
        category: 'delivery',
        subject: 'Kettle missing from order 4711',
        customer: 'j***@customer.example.org',
        target: 'firstResponse',
        dueAt: '2026-11-24T06:00:00.000Z',
        minutesOverdue: 35,
        link: 'https://helpdesk.example.com/threads/RL-7K3F9Q',
      },
    });
    expect(() => validateEvent(event)).not.toThrow();
  });

  it('keys each deadline by its clock and kind, so a re-armed clock has new keys', () => {
    expect(emissionKey(clock(), 'breach')).toBe('2026-11-24T02:00:00.000Z#firstResponse#breach');
    expect(emissionKey(clock({ target: 'nextReply', startedAt: at('2026-11-25T01:00:00Z') }), 'breach')).not.toBe(emissionKey(clock(), 'breach'));
  });
});

describe('the alert line', () => {
  it('is the Slack-compatible {"text"} body, naming ref, team, priority, due time, minutes overdue and link', () => {
    const decision = decideSlaEmissions(thread(), at('2026-11-24T06:12:00Z'), alerts({ linkTemplate: 'https://helpdesk.example.com/threads/{ref}' }))!;
    const breach = decision.emissions[1]!.event;
    expect(slaChatBody('SLA Breached', breach.detail, { linkTemplate: 'https://helpdesk.example.com/threads/{ref}' })).toEqual({
      text: '🚨 SLA breached: RL-7K3F9Q (team support, priority high) was due 2026-11-24T06:00:00.000Z; 12 min overdue. https://helpdesk.example.com/threads/RL-7K3F9Q',
    });
    expect(slaChatBody('SLA Warning', decision.emissions[0]!.event.detail, {}).text).toBe(
      '⚠️ SLA warning: RL-7K3F9Q (team support, priority high) is due 2026-11-24T06:00:00.000Z; minutes overdue: 12 (negative: time left).',
    );
  });

  it('is built from placeholders, so CDK can hand it to the input transformer', () => {
    expect(slaAlertText('SLA Breached', false, (name) => `<${name}>`)).toBe('🚨 SLA breached: <threadRef> (team <team>, priority <priority>) was due <dueAt>; <minutesOverdue> min overdue.');
  });

  it('forwards warnings only when configured', () => {
    expect(forwardedAlertTypes(alerts())).toEqual(['SLA Breached']);
    expect(forwardedAlertTypes(alerts({ includeWarnings: true }))).toEqual(['SLA Warning', 'SLA Breached']);
  });
});

describe('alerts configuration', () => {
  it('has safe defaults', () => {
    expect(alertsConfigSchema.parse({})).toEqual({ emails: [], includeWarnings: false, includeCustomerAddress: false, sweepLookaheadSeconds: 60 });
    expect(alertsOf(exampleConfig)).toEqual(alertsConfigSchema.parse((exampleConfig as { alerts?: unknown }).alerts ?? {}));
  });

  it('accepts a full section', () => {
    const parsed = alertsConfigSchema.parse({
      emails: ['OnCall@Example.com'],
      chatWebhookSecretName: 'replyline/chat-webhook',
      includeWarnings: true,
      includeCustomerAddress: true,
      linkTemplate: 'https://helpdesk.example.com/threads/{ref}',
      sweepLookaheadSeconds: 30,
    });
    expect(parsed.emails).toEqual(['oncall@example.com']);
  });

  it.each([
    [{ emails: ['not-an-address'] }, 'emails.0'],
    [{ emails: ['a@example.com', 'a@example.com'] }, 'emails'],
    // The URL is a credential: only the name of its secret is configured (test/unit/chat-alerts.test.ts has the message).
    [{ chatWebhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' }, 'chatWebhookUrl'],
    [{ chatWebhookSecretName: 'https://hooks.slack.com/services/T000/B000/XXXX' }, 'chatWebhookSecretName'],
    [{ chatWebhookSecretName: '' }, 'chatWebhookSecretName'],
    [{ linkTemplate: 'https://helpdesk.example.com/threads/' }, 'linkTemplate'],
    [{ linkTemplate: 'ftp://helpdesk.example.com/{ref}' }, 'linkTemplate'],
    [{ sweepLookaheadSeconds: 61 }, 'sweepLookaheadSeconds'],
    [{ sweepLookaheadSeconds: -1 }, 'sweepLookaheadSeconds'],
    [{ extra: true }, ''],
  ])('rejects %j', (input, path) => {
    const result = alertsConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

// ---- the sweep over an in-memory index -----------------------------------------------------------

/** A clock moved by hand; sleeping jumps it forward (and lets other tasks run). */
function manualClock(iso: string): SweepClock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    sleepUntil: async (until) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (until > now) now = new Date(until);
    },
  };
}

function sweepDeps(overrides: Partial<SlaSweepDependencies> = {}) {
  const index = new MemorySlaIndex();
  const published: DomainEvent[] = [];
  const deps: SlaSweepDependencies = {
    index,
    events: { publish: async (events) => void published.push(...structuredClone(events)) },
    clock: manualClock('2026-11-24T05:00:00Z'),
    alerts: alerts(),
    ...overrides,
  };
  return { deps, index, published, clock: deps.clock as ReturnType<typeof manualClock> };
}

const types = (events: DomainEvent[]) => events.map((event) => `${event.detailType} ${(event.detail as { threadRef: string }).threadRef}`);

describe('a sweep', () => {
  it('raises what is due, waits for what falls within the lookahead, and leaves the rest', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread({ ref: 'RL-AAAAAA' })); // warns 05:12
    index.put(thread({ ref: 'RL-BBBBBB', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T04:00:00Z') } })); // warning overdue
    index.put(thread({ ref: 'RL-CCCCCC', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T05:30:00Z') } })); // beyond the lookahead
    clock.set('2026-11-24T05:11:30Z');
    const summary = await runSlaSweep(deps, { lookaheadMs: 60_000 });
    expect(types(published)).toEqual(['SLA Warning RL-BBBBBB', 'SLA Warning RL-AAAAAA']);
    expect(summary).toMatchObject({ warnings: 2, breaches: 0, failures: 0 });
    // The waited-for warning was raised at its instant, not at the next sweep.
    expect(index.threads.get('RL-AAAAAA')!.slaClock!.warnedAt).toEqual(at('2026-11-24T05:12:00Z'));
    expect(index.threads.get('RL-AAAAAA')!.version).toBe(4);
    expect(index.threads.get('RL-CCCCCC')!.slaClock!.warnedAt).toBeUndefined();
  });

  it('never raises a deadline twice, even when two sweeps run at once and again later', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread());
    clock.set('2026-11-24T06:05:00Z');
    const [first, second] = await Promise.all([runSlaSweep(deps, { lookaheadMs: 0 }), runSlaSweep(deps, { lookaheadMs: 0 })]);
    await runSlaSweep(deps, { lookaheadMs: 0 });
    expect(types(published)).toEqual(['SLA Warning RL-7K3F9Q', 'SLA Breached RL-7K3F9Q']);
    expect(first.conflicts + second.conflicts).toBe(1);
  });

  it('decides again when the thread changed under it (an agent replied meanwhile)', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread());
    clock.set('2026-11-24T05:20:00Z');
    const answered = { ...thread(), version: 4, status: 'awaiting-customer' as const, slaClock: undefined };
    const realRecord = index.recordEmissions.bind(index);
    index.recordEmissions = async (...args) => {
      index.put(answered); // ingest wins the race
      return realRecord(...args);
    };
    const summary = await runSlaSweep(deps, { lookaheadMs: 0 });
    expect(published).toEqual([]);
    expect(summary.conflicts).toBe(1);
  });

  it('crash after recording, before publishing: the next sweep after the lease publishes it, once', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread());
    clock.set('2026-11-24T06:00:10Z');
    let crash = true;
    const events = {
      publish: async (list: DomainEvent[]) => {
        if (crash) throw new Error('process died');
        published.push(...structuredClone(list));
      },
    };
    const crashed = await runSlaSweep({ ...deps, events }, { lookaheadMs: 0, leaseMs: 120_000 });
    expect(crashed.failures).toBe(1);
    crash = false;
    // Within the lease nothing happens: the recording sweep might still be publishing.
    clock.set('2026-11-24T06:01:10Z');
    expect(await runSlaSweep({ ...deps, events }, { lookaheadMs: 0, leaseMs: 120_000 })).toMatchObject({ warnings: 0, breaches: 0 });
    // After it, two sweeps at once: exactly one takes the emission over.
    clock.set('2026-11-24T06:02:11Z');
    const after = await Promise.all([1, 2].map(() => runSlaSweep({ ...deps, events }, { lookaheadMs: 0, leaseMs: 120_000 })));
    expect(types(published)).toEqual(['SLA Warning RL-7K3F9Q', 'SLA Breached RL-7K3F9Q']);
    expect(after.reduce((sum, s) => sum + s.recovered, 0)).toBe(2);
    // The recorded detail is what went out: decided at 06:00:10, so 0 minutes overdue.
    expect(published[1]!.detail).toMatchObject({ minutesOverdue: 0 });
    await runSlaSweep({ ...deps, events }, { lookaheadMs: 0 });
    clock.set('2026-11-24T09:00:00Z');
    await runSlaSweep({ ...deps, events }, { lookaheadMs: 0 });
    expect(published).toHaveLength(2);
  });

  it('crash after publishing, before marking: republished after the lease, byte-identical (at-least-once)', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread({ slaClock: { ...thread().slaClock!, warnedAt: at('2026-11-24T05:12:00Z') } }));
    clock.set('2026-11-24T06:00:01Z');
    index.failMarkPublished = true;
    expect((await runSlaSweep(deps, { lookaheadMs: 0, leaseMs: 120_000 })).failures).toBe(1);
    index.failMarkPublished = false;
    clock.set('2026-11-24T06:02:02Z');
    await runSlaSweep(deps, { lookaheadMs: 0, leaseMs: 120_000 });
    clock.set('2026-11-24T07:00:00Z');
    await runSlaSweep(deps, { lookaheadMs: 0, leaseMs: 120_000 });
    expect(types(published)).toEqual(['SLA Breached RL-7K3F9Q', 'SLA Breached RL-7K3F9Q']);
    expect(JSON.stringify(published[1])).toBe(JSON.stringify(published[0]));
  });

  it('defers what it cannot finish before stopBy to the next sweep', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread({ ref: 'RL-AAAAAA', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T05:00:30Z') } }));
    const summary = await runSlaSweep(deps, { lookaheadMs: 60_000, stopBy: at('2026-11-24T05:00:15Z') });
    expect(summary.deferred).toBe(1);
    expect(published).toEqual([]);
    clock.set('2026-11-24T05:01:00Z');
    await runSlaSweep(deps, { lookaheadMs: 60_000 });
    expect(types(published)).toEqual(['SLA Warning RL-AAAAAA']);
  });

  it('keeps going when one thread fails, and reports it', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread({ ref: 'RL-AAAAAA' }));
    index.put(thread({ ref: 'RL-BBBBBB' }));
    clock.set('2026-11-24T05:30:00Z');
    const realGet = index.recordEmissions.bind(index);
    index.recordEmissions = async (record, ...rest) => {
      if (record.ref === 'RL-AAAAAA') throw new Error('ProvisionedThroughputExceededException');
      return realGet(record, ...rest);
    };
    const summary = await runSlaSweep(deps, { lookaheadMs: 0 });
    expect(summary).toMatchObject({ failures: 1, warnings: 1 });
    expect(types(published)).toEqual(['SLA Warning RL-BBBBBB']);
  });
});

describe('the sla-sweep handler', () => {
  it('sweeps with the lookahead, stops before the function times out, and fails the invocation when an entry failed', async () => {
    const { deps, index, published, clock } = sweepDeps();
    index.put(thread({ ref: 'RL-AAAAAA', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T05:00:40Z') } }));
    index.put(thread({ ref: 'RL-BBBBBB', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T05:00:59Z') } }));
    const silent = { info: () => {}, warn: () => {}, error: () => {} };
    const handler = createSlaSweepHandler(() => ({ deps: { ...deps, log: silent }, lookaheadMs: 60_000, leaseMs: 120_000, metrics: undefined, openThreadsByTeam: async () => ({}) }));
    // 60 s left in the invocation, 15 s margin: 05:00:45 is the last start.
    const summary = await handler({ scheduledTime: '2026-11-24T05:00:00Z' }, { getRemainingTimeInMillis: () => 60_000 });
    expect(summary).toMatchObject({ warnings: 1, deferred: 1 });
    expect(types(published)).toEqual(['SLA Warning RL-AAAAAA']);

    clock.set('2026-11-24T05:01:00Z');
    index.recordEmissions = async () => {
      throw new Error('boom');
    };
    await expect(handler('not even an object', undefined)).rejects.toThrow('1 SLA index entry failed');
  });
});

describe('the sped-up local clock', () => {
  it('runs scale times faster from its origin and shortens waits by the same factor', async () => {
    let real = Date.parse('2026-11-24T02:00:00Z');
    const scaled = scaledSweepClock(240, new Date(real), () => real);
    real += 60_000; // one real minute
    expect(scaled.now().toISOString()).toBe('2026-11-24T06:00:00.000Z'); // four scaled hours
    expect(() => scaledSweepClock(0)).toThrow('positive');
    vi.useFakeTimers();
    try {
      const live = scaledSweepClock(1000);
      let woke = false;
      const sleeping = live.sleepUntil(new Date(live.now().getTime() + 50_000)).then(() => (woke = true)); // 50 scaled seconds
      await vi.advanceTimersByTimeAsync(45);
      expect(woke).toBe(false);
      await vi.advanceTimersByTimeAsync(10); // 50 real milliseconds have passed
      await sleeping;
      expect(woke).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the sweeper heartbeat', () => {
  it('records each sweep\'s last run by the sweeper\'s clock, with what it found and emitted', async () => {
    const heartbeat = new MemorySweepHeartbeat();
    const { deps, index, clock } = sweepDeps({ heartbeat });
    index.put(thread({ ref: 'RL-AAAAAA' })); // warns 05:12, within the lookahead
    index.put(thread({ ref: 'RL-BBBBBB', slaClock: { ...thread().slaClock!, warnAt: at('2026-11-24T04:00:00Z') } })); // overdue
    clock.set('2026-11-24T05:11:30Z');
    await runSlaSweep(deps, { lookaheadMs: 60_000 });
    // The sweep waited for RL-AAAAAA's warning at 05:12:00, so that is when it finished.
    expect(heartbeat.written).toEqual([
      { lastRunAt: at('2026-11-24T05:12:00Z'), startedAt: at('2026-11-24T05:11:30Z'), durationMs: 30_000, found: 2, emitted: 2, failures: 0, deferred: 0 },
    ]);
    clock.set('2026-11-24T05:13:00Z');
    await runSlaSweep(deps, { lookaheadMs: 0 });
    expect(heartbeat.last).toMatchObject({ lastRunAt: at('2026-11-24T05:13:00Z'), found: 0, emitted: 0 });
  });

  it('a heartbeat that cannot be written is logged and never fails the sweep', async () => {
    const heartbeat = new MemorySweepHeartbeat();
    heartbeat.failWith = Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
    const warnings: [string, Record<string, unknown>][] = [];
    const log = { info: () => {}, warn: (message: string, fields: Record<string, unknown>) => void warnings.push([message, fields]), error: () => {} };
    const { deps, index, published, clock } = sweepDeps({ heartbeat, log });
    index.put(thread());
    clock.set('2026-11-24T06:05:00Z');
    const summary = await runSlaSweep(deps, { lookaheadMs: 0 });
    expect(summary).toMatchObject({ warnings: 1, breaches: 1, failures: 0 });
    expect(types(published)).toEqual(['SLA Warning RL-7K3F9Q', 'SLA Breached RL-7K3F9Q']);
    expect(warnings).toEqual([['sweeper heartbeat not recorded; the sweep itself finished', { reason: 'ProvisionedThroughputExceededException: Rate exceeded' }]]);
  });
});
