import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import type { PendingSlaEmission, SweepClock, SweepObserver } from '../ports/sla-sweep.js';
import type { SlaSweepDependencies } from '../core/sla/sweep.js';
import { DEFAULT_LEASE_MS } from '../core/sla/sweep.js';
import { alertsConfigSchema, type AlertsConfig } from '../schemas/alerts-config.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { createDynamoClient, createEventBridgeClient } from './aws-clients.js';
import { loadRuntimeConfig } from './runtime-config.js';
import { DynamoSlaIndex } from './dynamo-sla-index.js';
import { DynamoSweeperStatus } from './dynamo-sweeper-status.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';

/** Environment of the `sla-sweep` function (CDK sets it; local mode sets the same names). */
const slaSweepEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  /** Seconds a recorded emission belongs to its sweep; keep it above the function timeout. */
  SLA_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
});

type SlaSweepEnv = z.infer<typeof slaSweepEnvSchema>;

function readSlaSweepEnv(env: NodeJS.ProcessEnv = process.env): SlaSweepEnv {
  const result = slaSweepEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
  throw new Error(`Replyline sla-sweep environment is incomplete or invalid: ${problems}`);
}

/**
 * The `alerts` section of a validated config. Parsing again is a no-op on a validated section
 * (the schema has no transforms) and gives the defaults when the key is absent.
 */
export function alertsOf(config: ReplylineConfig): AlertsConfig {
  return alertsConfigSchema.parse((config as { alerts?: unknown }).alerts ?? {});
}

/** Real time. setTimeout is capped at ~24.8 days; longer waits wake up and wait again. */
export const systemSweepClock: SweepClock = {
  now: () => new Date(),
  sleepUntil: (at, signal) => sleep(at.getTime() - Date.now(), signal),
};

/**
 * A clock running `scale` times faster than real time from `origin` on: at real time t it reads
 * origin + (t − origin) × scale. Waits are shortened by the same factor.
 */
export function scaledSweepClock(scale: number, origin: Date = new Date(), realNow: () => number = Date.now): SweepClock & { scale: number; origin: Date } {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`time scale must be a positive number, got ${scale}`);
  const start = origin.getTime();
  const now = () => new Date(start + (realNow() - start) * scale);
  return {
    scale,
    origin,
    now,
    sleepUntil: (at, signal) => sleep((at.getTime() - now().getTime()) / scale, signal),
  };
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.min(Math.ceil(ms), MAX_TIMEOUT_MS));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * CloudWatch metrics in EMF (namespace from POWERTOOLS_METRICS_NAMESPACE, `Replyline` in CDK):
 * `SlaWarnings` and `SlaBreaches` per team (dimensions service, team) and
 * `SlaAlertDelayMs` (deadline → event accepted by the bus; dimension service). Flushed per sweep.
 */
function createSlaMetrics(serviceName = 'replyline-sla-sweep'): SweepObserver & { flush(): void; openThreads(counts: Record<string, number>): void } {
  const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Replyline' });
  const perTeam = new Map<string, { warnings: number; breaches: number }>();
  return {
    published(emission: PendingSlaEmission, publishedAt: Date) {
      const team = emission.event.detail.team;
      const counts = perTeam.get(team) ?? { warnings: 0, breaches: 0 };
      if (emission.kind === 'warning') counts.warnings++;
      else counts.breaches++;
      perTeam.set(team, counts);
      metrics.addMetric('SlaAlertDelayMs', MetricUnit.Milliseconds, Math.max(0, publishedAt.getTime() - emission.deadline.getTime()));
    },
    openThreads(counts: Record<string, number>) {
      for (const [team, open] of Object.entries(counts)) metrics.singleMetric().addDimension('team', team).addMetric('OpenThreads', MetricUnit.Count, open);
    },
    flush() {
      for (const [team, counts] of perTeam) {
        // singleMetric() flushes one EMF document per call, each with its own team dimension.
        if (counts.warnings) metrics.singleMetric().addDimension('team', team).addMetric('SlaWarnings', MetricUnit.Count, counts.warnings);
        if (counts.breaches) metrics.singleMetric().addDimension('team', team).addMetric('SlaBreaches', MetricUnit.Count, counts.breaches);
      }
      perTeam.clear();
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}

export interface SlaSweepSetup {
  deps: SlaSweepDependencies;
  lookaheadMs: number;
  leaseMs: number;
  metrics: ReturnType<typeof createSlaMetrics> | undefined;
  /** Threads owing a reply, per configured team (the dashboard's "open threads by team"). */
  openThreadsByTeam(): Promise<Record<string, number>>;
}

/**
 * The real adapters for the sweeper, from the environment (AWS, or local emulators by the
 * AWS_ENDPOINT_URL_<SERVICE> variables). `clock` defaults to real time; local mode passes a
 * sped-up clock, tests a manual one.
 */
export function createSlaSweepDependencies(
  env: NodeJS.ProcessEnv = process.env,
  options: { clock?: SweepClock; config?: ReplylineConfig; metrics?: boolean } = {},
): SlaSweepSetup {
  const settings = readSlaSweepEnv(env);
  const config = options.config ?? loadRuntimeConfig(env);
  const alerts = alertsOf(config);
  const metrics = options.metrics ? createSlaMetrics() : undefined;
  const db = createDynamoClient(env);
  const index = new DynamoSlaIndex(db, settings.TABLE_NAME);
  return {
    openThreadsByTeam: async () => Object.fromEntries(await Promise.all(Object.keys(config.teams).map(async (team) => [team, await index.countOpenThreads(team)] as const))),
    deps: {
      index,
      events: new EventBridgePublisher(createEventBridgeClient(env), settings.EVENT_BUS_NAME),
      clock: options.clock ?? systemSweepClock,
      alerts,
      observer: metrics,
      heartbeat: new DynamoSweeperStatus(db, settings.TABLE_NAME),
    },
    lookaheadMs: alerts.sweepLookaheadSeconds * 1000,
    leaseMs: settings.SLA_LEASE_SECONDS ? settings.SLA_LEASE_SECONDS * 1000 : DEFAULT_LEASE_MS,
    metrics,
  };
}
