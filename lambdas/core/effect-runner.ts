import type { Clock, SentRecord, ThreadStore } from '../ports/index.js';
import type { InboundProcessing, SideEffect } from './records.js';

/** Longer than any single send takes; an expired lease means its holder died. */
export const EFFECT_LEASE_MS = 2 * 60 * 1000;

/** Another delivery of the same mail is performing a side effect right now; retrying later finds it done. */
export class EffectBusyError extends Error {
  constructor(
    readonly effect: SideEffect,
    readonly leaseUntil: Date,
  ) {
    super(`another delivery of this mail is performing "${effect}" (lease until ${leaseUntil.toISOString()})`);
    this.name = 'EffectBusyError';
  }
}

/** Whether a mail of this effect may have gone out: then its claim is kept (see releaseUnlessSent). */
export interface SendAttempt {
  mayHaveSent: boolean;
  /** False under a claim taken with the mail's record: nothing can have been sent before, so the sent-log is not asked. */
  sentLogMayKnow: boolean;
}

/** How one side effect is performed. */
export interface EffectHandler<Context> {
  /**
   * Claimed with a lease before it is performed, so two deliveries of one mail never both perform
   * it. An unclaimed effect must be safe to repeat (an event consumers recognise by its `eventId`)
   * and saves the claim's request.
   */
  claimed: boolean;
  /**
   * Performs it; a mail it sent is returned, so its Message-IDs are linked to the thread. `processing`
   * is the record as the claim taken now saw it (none for an unclaimed effect or a claim taken with the record).
   */
  perform(context: Context, run: { attempt: SendAttempt; processing: InboundProcessing | undefined }): Promise<SentRecord | undefined>;
}

export type EffectHandlers<Context> = Readonly<Partial<Record<SideEffect, EffectHandler<Context>>>>;

interface EffectRun {
  dedupeKey: string;
  /** The effects still owed, in order. */
  owed: readonly SideEffect[];
  /** The claims' end, when the run that recorded the mail took every claim with the record. */
  claimedUntil?: Date | undefined;
}

export interface EffectRunnerDependencies {
  threads: ThreadStore;
  clock: Clock;
  /**
   * How long a claimed side effect stays claimed (default 2 min): longer than the function's
   * timeout (a live holder is never overtaken), shorter than the queue's redeliveries last.
   */
  effectLeaseMs?: number;
}

interface Held {
  leaseUntil: Date;
  attempt: SendAttempt;
}

/**
 * Performs the owed effects of one recorded mail in order, each by its handler, then records them
 * done in one write. A claimed effect found done is skipped, and the effects after it are narrowed
 * to what its processing record still owes. If an effect fails, the ones before it are recorded
 * done and every other claim is given back for the retry, except one whose mail may have gone out
 * (releaseUnlessSent).
 */
export async function runClaimedEffects<Context>(run: EffectRun, handlers: EffectHandlers<Context>, context: Context, deps: EffectRunnerDependencies): Promise<SideEffect[]> {
  const held = new Map<SideEffect, Held>();
  // Under claims taken with the record nothing can have been sent before: the sent-log is not asked.
  if (run.claimedUntil) for (const effect of run.owed) held.set(effect, { leaseUntil: run.claimedUntil, attempt: { mayHaveSent: false, sentLogMayKnow: false } });
  let stillOwed: ReadonlySet<SideEffect> = new Set(run.owed);
  const done: SideEffect[] = [];
  let sent: SentRecord | undefined;
  let recording = false;
  try {
    for (const effect of run.owed) {
      if (!stillOwed.has(effect)) continue;
      const handler = handlers[effect];
      if (!handler) throw new Error(`no handler performs "${effect}" here`);
      let attempt: SendAttempt = { mayHaveSent: false, sentLogMayKnow: true };
      let processing: InboundProcessing | undefined;
      if (handler.claimed) {
        const claim = await claimOf(run.dedupeKey, effect, held, deps);
        if (claim.found === 'done') {
          // Another delivery did it; what it left owed is in the record the claim saw.
          stillOwed = new Set(claim.processing?.pending ?? []);
          continue;
        }
        processing = claim.processing;
        attempt = claim.attempt;
      }
      sent = (await handler.perform(context, { attempt, processing })) ?? sent;
      done.push(effect);
    }
    recording = true;
    if (done.length) await deps.threads.completeEffects(run.dedupeKey, done, sent);
    return done;
  } catch (error) {
    const recorded = !recording && (done.length === 0 || (await deps.threads.completeEffects(run.dedupeKey, done, sent).then(() => true, () => false)));
    for (const [effect, claim] of held) if (!(recorded && done.includes(effect))) await releaseUnlessSent(run.dedupeKey, effect, claim.leaseUntil, claim.attempt, deps);
    throw error;
  }
}

interface Claim {
  found: 'held' | 'claimed' | 'done';
  attempt: SendAttempt;
  /** The processing record as the claim saw it (none for a claim taken with the record). */
  processing: InboundProcessing | undefined;
}

/** The claim of one effect: held already, taken now, or found done. */
async function claimOf(dedupeKey: string, effect: SideEffect, held: Map<SideEffect, Held>, deps: EffectRunnerDependencies): Promise<Claim> {
  const holding = held.get(effect);
  if (holding) return { found: 'held', attempt: holding.attempt, processing: undefined };
  const taken = await deps.threads.claimEffect(dedupeKey, effect, deps.clock.now(), deps.effectLeaseMs ?? EFFECT_LEASE_MS);
  if (taken.status === 'busy') throw new EffectBusyError(effect, taken.leaseUntil);
  const attempt: SendAttempt = { mayHaveSent: false, sentLogMayKnow: true };
  if (taken.status === 'done') return { found: 'done', attempt, processing: taken.processing };
  held.set(effect, { leaseUntil: taken.leaseUntil, attempt });
  return { found: 'claimed', attempt, processing: taken.processing };
}

/**
 * After a failure, frees the effect for the next delivery, unless its mail may have gone out
 * (the provider's answer was lost, or a later step failed): then the claim stays until its lease
 * runs out, by which time SES's Send event is in the sent-log and the next delivery finds it
 * there instead of sending the mail again.
 */
async function releaseUnlessSent(dedupeKey: string, effect: SideEffect, leaseUntil: Date, attempt: SendAttempt, deps: { threads: ThreadStore }): Promise<void> {
  if (attempt.mayHaveSent) return;
  await deps.threads.releaseEffect(dedupeKey, effect, leaseUntil).catch(() => undefined);
}
