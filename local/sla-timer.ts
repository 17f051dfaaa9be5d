import { runSlaSweep, type SweepSummary } from '../lambdas/core/sla/sweep.js';
import type { PendingSlaEmission, SweepClock } from '../lambdas/ports/sla-sweep.js';
import { maskAddress } from '../lambdas/core/mail.js';
import { createSlaSweepDependencies, scaledSweepClock, systemSweepClock } from '../lambdas/adapters/sla-wiring.js';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';

/**
 * The SLA sweeper on a local timer: the same sweep, over the same DynamoDB and EventBridge
 * adapters (pointed at the emulators by the instance's AWS_ENDPOINT_URL_* variables), as the
 * `sla-sweep` Lambda runs every minute on AWS.
 *
 * Time scale. With `scale` N the sweeper's clock runs N times faster than real time from the
 * moment the timer starts: at real time t it reads start + (t − start) × N. Ingest keeps real
 * time, so a deadline D (computed by ingest in real time) is raised at real time
 * start + (D − start) / N. For a mail sent right after `npm start -- --time-scale 240`, a 4-hour
 * promise therefore breaches after 4 h / 240 = 1 minute (of business time: a mail outside
 * business hours waits for the next opening, sped up as well). A mail sent later in the demo
 * breaches sooner than that, because the sweeper's clock is already ahead of real time; events
 * and their minutesOverdue are in the sweeper's (sped-up) time. Restart to realign.
 * A sweep runs every 60 s of sweeper time (at least every 250 ms real), and waits for deadlines
 * until the next sweep, so each event is raised within milliseconds of real time of its deadline.
 */
interface SlaTimerOptions {
  /** The instance environment (`LocalInstance.env`): table, bus, endpoints, config file. */
  env: Record<string, string>;
  config: ReplylineConfig;
  /** Speed-up of the sweeper's clock; 1 = real time. */
  scale?: number;
  log?: ((line: string) => void) | undefined;
  /** Real time the sped-up clock starts from (default: now). */
  origin?: Date;
  /** Replace the clock entirely (tests). */
  clock?: SweepClock;
}

interface SlaTimer {
  /** The sweeper's clock (sped up when scale > 1). */
  clock: SweepClock;
  scale: number;
  /** Resolves after the sweep that is running now (or the next one) finished. */
  nextSweep(): Promise<SweepSummary>;
  stop(): Promise<void>;
}

/** Sweeps run every minute of sweeper time, but never more often than this (real ms). */
const MIN_REAL_INTERVAL_MS = 250;
const SWEEP_INTERVAL_MS = 60_000;

export function startSlaTimer(options: SlaTimerOptions): SlaTimer {
  const scale = options.scale ?? 1;
  const clock = options.clock ?? (scale === 1 ? systemSweepClock : scaledSweepClock(scale, options.origin ?? new Date()));
  const setup = createSlaSweepDependencies(options.env, { clock, config: options.config });
  const interval = Math.max(SWEEP_INTERVAL_MS, MIN_REAL_INTERVAL_MS * scale);
  const controller = new AbortController();
  const log = options.log;
  let waiters: ((summary: SweepSummary) => void)[] = [];

  const deps = {
    ...setup.deps,
    log: {
      info: () => {},
      warn: (message: string, fields: Record<string, unknown>) => log?.(`sla    ${message} ${JSON.stringify(fields)}`),
      error: (message: string, fields: Record<string, unknown>) => log?.(`sla    ${message} ${JSON.stringify(fields)}`),
    },
    observer: {
      published: (emission: PendingSlaEmission, publishedAt: Date) => {
        const lateMs = publishedAt.getTime() - emission.deadline.getTime();
        log?.(
          `sla    ${emission.event.detailType} ${emission.event.detail.threadRef} raised ${formatLate(lateMs / scale)} after its deadline` +
            (scale === 1 ? '' : ` (${formatLate(lateMs)} of sweeper time at ×${scale})`),
        );
      },
    },
  };

  const loop = (async () => {
    while (!controller.signal.aborted) {
      const started = clock.now();
      let summary: SweepSummary | undefined;
      try {
        // Look ahead to the next sweep: every deadline is waited for and raised on time.
        summary = await runSlaSweep(deps, { lookaheadMs: interval, leaseMs: setup.leaseMs, signal: controller.signal });
      } catch (error) {
        log?.(`sla    sweep failed: ${(error as Error).message.slice(0, 300)}`);
      }
      if (summary) {
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve(summary);
      }
      await clock.sleepUntil(new Date(started.getTime() + interval), controller.signal);
    }
  })();

  log?.(`sla    sweeper running${scale === 1 ? '' : ` with time ×${scale} (sweeper clock now ${clock.now().toISOString()})`}; customer addresses in events are ${setup.deps.alerts.includeCustomerAddress ? 'full' : `masked (${maskAddress('customer@example.org')})`}`);

  return {
    clock,
    scale,
    nextSweep: () => new Promise((resolve) => waiters.push(resolve)),
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}

function formatLate(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
