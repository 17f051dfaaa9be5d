import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { runSlaSweep, type SweepSummary } from '../core/sla/sweep.js';
import { createLogger, describeError } from '../adapters/logger.js';
import { createSlaSweepDependencies, type SlaSweepSetup } from '../adapters/sla-wiring.js';

const logger = createLogger('replyline-sla-sweep');

/**
 * What EventBridge Scheduler sends (lib/constructs/sla-monitor.ts sets it). Read loosely: a
 * manual test invocation with `{}` sweeps just the same.
 */
const sweepEvent = z
  .looseObject({ scheduledTime: z.string().optional() })
  .catch({});

/** Nothing new starts this close to the function's timeout (see `stopBy` in runSlaSweep). */
const STOP_MARGIN_MS = 15_000;

/**
 * EventBridge Scheduler (every minute) → one sweep: everything already due, then everything due
 * within `alerts.sweepLookaheadSeconds`, each raised when its instant comes.
 * Throws after the sweep if any entry failed, so the Errors alarm sees it; the failed entries
 * stay in the index for the next run.
 */
export function createSlaSweepHandler(setup: () => SlaSweepSetup) {
  let ready: SlaSweepSetup | undefined;
  return async (event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SweepSummary> => {
    try {
      ready ??= setup();
    } catch (error) {
      logger.error('sla-sweep cannot start', { reason: describeError(error) });
      throw error;
    }
    const { scheduledTime } = sweepEvent.parse(event);
    const { deps, lookaheadMs, leaseMs, metrics, openThreadsByTeam } = ready;
    const now = deps.clock.now();
    const stopBy = context ? new Date(now.getTime() + context.getRemainingTimeInMillis() - STOP_MARGIN_MS) : undefined;
    let summary: SweepSummary;
    try {
      summary = await runSlaSweep({ ...deps, log: deps.log ?? logger }, { lookaheadMs, leaseMs, stopBy });
    } finally {
      metrics?.flush();
    }
    if (metrics) metrics.openThreads(await openThreadsByTeam().catch(() => ({})));
    const fields = { scheduledTime, ...summary };
    if (summary.failures) {
      logger.error('sla sweep finished with failures; they are retried by the next sweep', fields);
      throw new Error(`${summary.failures} SLA index entr${summary.failures === 1 ? 'y' : 'ies'} failed`);
    }
    logger.info('sla sweep finished', fields);
    return summary;
  };
}


export const handler = createSlaSweepHandler(() => createSlaSweepDependencies(process.env, { metrics: true }));
