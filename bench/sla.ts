import { randomInt } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { threadItem } from '../lambdas/adapters/table-items.js';
import type { ThreadRecord } from '../lambdas/core/records.js';
import type { Emulators } from '../local/emulators.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.js';
import type { LocalEvent } from '../local/event-bus.js';
import { startInstance } from '../local/instance.js';
import { startSlaTimer } from '../local/sla-timer.js';
import { awaitingThread } from '../test/support/thread-record.js';
import { percentile, sleep, type BenchOptions, type BenchSection } from './support.js';

const CONFIG = 'replyline.config.json';
/** Sweeper time runs this many times faster than real time: a 4-hour promise breaks after 4 real minutes. */
const SCALE = 60;
/** Real seconds between consecutive deadlines; the first falls this long after the sweeper starts. */
const SPACING_MS = 400;
const FIRST_DEADLINE_MS = 2000;
const PROMISE_MS = 4 * 3_600_000;

interface Delays {
  /** Real ms from each deadline to its `SLA Breached` event on the local bus. */
  delays: number[];
  missing: number;
}

/**
 * Delay from a promised reply time to its `SLA Breached` event, in real seconds, with the
 * local sweeper (the sla-sweep Lambda's code on a timer) running time-scaled, against a
 * baseline of a bare timer that publishes the same event at the deadline.
 */
export async function benchSla(emulators: Emulators, options: BenchOptions): Promise<BenchSection> {
  const count = options.quick ? 10 : 40;
  const instance = await startInstance(emulators.endpoints, { name: 'sla', configFile: CONFIG, smtpPort: 0 });
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...clientOptions, endpoint: emulators.endpoints.dynamodb }), { marshallOptions: { removeUndefinedValues: true } });
  const events = new EventBridgeClient({ ...clientOptions, endpoint: emulators.endpoints.events });
  const breachedAt = new Map<string, number>();
  const unsubscribe = emulators.bus.subscribe((event: LocalEvent) => {
    if (event['detail-type'] === 'SLA Breached') breachedAt.set(String(event.detail.threadRef), Date.now());
  });
  try {
    options.log(`sla: baseline, a timer publishing ${count} events at their deadlines`);
    const baseline = await measure(count, breachedAt, async (deadlines) => {
      await Promise.all(
        deadlines.map(async ({ ref, realDeadline }) => {
          await sleep(realDeadline - Date.now());
          await events.send(new PutEventsCommand({ Entries: [{ EventBusName: instance.resources.bus, Source: 'bench.baseline', DetailType: 'SLA Breached', Detail: JSON.stringify({ threadRef: ref }) }] }));
        }),
      );
    });

    options.log(`sla: replyline, ${count} threads breaching under the local sweeper at ×${SCALE}`);
    const replyline = await measure(count, breachedAt, async (deadlines, origin) => {
      const sweeperDeadline = (real: number) => new Date(origin + (real - origin) * SCALE);
      for (const { ref, realDeadline } of deadlines) await db.send(new PutCommand({ TableName: instance.resources.table, Item: threadItem(openThread(ref, sweeperDeadline(realDeadline))) }));
      const timer = startSlaTimer({ env: instance.env, config: instance.config, scale: SCALE, origin: new Date(origin) });
      await waitUntil(() => deadlines.every(({ ref }) => breachedAt.has(ref)), deadlines.at(-1)!.realDeadline + 10_000);
      await timer.stop();
    });

    const row = (path: string, result: Delays, baseP50?: number) => {
      const sorted = [...result.delays].sort((a, b) => a - b);
      const seconds = (ms: number) => (ms / 1000).toFixed(3);
      return [path, sorted.length, result.missing, seconds(percentile(sorted, 0.5)), seconds(percentile(sorted, 0.9)), seconds(sorted.at(-1) ?? 0), baseP50 === undefined ? 1 : Math.round((percentile(sorted, 0.5) / Math.max(1, baseP50)) * 10) / 10];
    };
    const baseP50 = percentile([...baseline.delays].sort((a, b) => a - b), 0.5);
    const sorted = [...replyline.delays].sort((a, b) => a - b);
    const breachDelaySeconds = Math.round(percentile(sorted, 0.5)) / 1000;
    return {
      tables: [
        {
          title: `SLA: real seconds from a deadline to its SLA Breached event on the local bus (${count} threads, sweeper ×${SCALE})`,
          header: ['path', 'events', 'missing', 'p50 s', 'p90 s', 'max s', 'p50 ratio'],
          rows: [row('baseline: timer at the deadline → PutEvents', baseline), row(`replyline: local sweeper ×${SCALE} → DynamoDB → PutEvents`, replyline, baseP50)],
          notes: [
            `Threads promised a ${PROMISE_MS / 3_600_000} h first reply, deadlines ${SPACING_MS} ms apart in real time; the sweeper's clock runs ×${SCALE} (npm start -- --time-scale ${SCALE}).`,
            'The sweeper looks ahead to its next sweep and waits for each deadline, as the sla-sweep Lambda does every minute on AWS; an event is recorded in DynamoDB before it is published.',
          ],
        },
      ],
      json: { breachDelaySeconds, breachDelay: { p50: breachDelaySeconds, p90: Math.round(percentile(sorted, 0.9)) / 1000, max: Math.round(sorted.at(-1) ?? 0) / 1000, missing: replyline.missing, scale: SCALE } },
    };
  } finally {
    unsubscribe();
    db.destroy();
    events.destroy();
    await instance.stop();
  }
}

/** Runs one path over `count` fresh deadlines and collects each event's delay. */
async function measure(count: number, breachedAt: Map<string, number>, run: (deadlines: { ref: string; realDeadline: number }[], origin: number) => Promise<void>): Promise<Delays> {
  const origin = Date.now();
  const deadlines = Array.from({ length: count }, (_, index) => ({ ref: benchRef(), realDeadline: origin + FIRST_DEADLINE_MS + index * SPACING_MS }));
  await run(deadlines, origin);
  await waitUntil(() => deadlines.every(({ ref }) => breachedAt.has(ref)), Date.now() + 5000);
  const delays = deadlines.flatMap(({ ref, realDeadline }) => (breachedAt.has(ref) ? [breachedAt.get(ref)! - realDeadline] : []));
  return { delays, missing: count - delays.length };
}

async function waitUntil(done: () => boolean, until: number): Promise<void> {
  while (!done() && Date.now() < until) await sleep(20);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const benchRef = () => `RL-${Array.from({ length: 6 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('')}`;

/** A thread awaiting its first reply, due at `dueAt` (sweeper time), its warning already sent. */
function openThread(ref: string, dueAt: Date): ThreadRecord {
  const startedAt = new Date(dueAt.getTime() - PROMISE_MS);
  const sla = { target: 'firstResponse' as const, startedAt, dueAt, warnAt: new Date(dueAt.getTime() - 3_600_000), warnedAt: startedAt, breachedAt: undefined };
  return awaitingThread(ref, sla, { priority: 'normal', expiresAt: new Date(dueAt.getTime() + 86_400_000) }, startedAt);
}
