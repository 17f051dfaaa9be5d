import { describe, expect, it, vi } from 'vitest';
import { EffectBusyError, runClaimedEffects, type EffectHandler, type EffectHandlers } from '../../lambdas/core/effect-runner.js';
import type { InboundProcessing, SideEffect } from '../../lambdas/core/records.js';
import { fixedClock, MemoryThreadStore } from '../support/memory-ports.js';

const KEY = 'order-4711@customer.example.org';

function recorded(pending: SideEffect[]): { threads: MemoryThreadStore; clock: ReturnType<typeof fixedClock> } {
  const threads = new MemoryThreadStore();
  const processing: InboundProcessing = {
    dedupeKey: KEY,
    disposition: 'new-thread',
    role: 'customer',
    threadRef: 'RL-ABC123',
    receiptId: 'receipt-1',
    sender: 'kim@customer.example.org',
    acknowledge: true,
    reasons: [],
    pending,
    createdAt: new Date('2026-12-04T09:00:00Z'),
    expiresAt: new Date('2027-03-04T09:00:00Z'),
  };
  threads.processing.set(KEY, processing);
  return { threads, clock: fixedClock('2026-12-04T09:00:05Z') };
}

/** Handlers that log what they performed, failing where told. */
function logging(performed: SideEffect[], options: { claimed?: boolean; failing?: SideEffect; sending?: SideEffect } = {}): EffectHandlers<void> {
  const handler = (effect: SideEffect): EffectHandler<void> => ({
    claimed: options.claimed ?? true,
    async perform(_, { attempt }) {
      if (effect === options.sending) attempt.mayHaveSent = true;
      if (effect === options.failing) throw new Error(`${effect} failed`);
      performed.push(effect);
      return undefined;
    },
  });
  return { acknowledge: handler('acknowledge'), route: handler('route'), announce: handler('announce') };
}

describe('the claimed-effect runner', () => {
  it('performs the owed effects in order and records them done in one write', async () => {
    const { threads, clock } = recorded(['acknowledge', 'route', 'announce']);
    const performed: SideEffect[] = [];
    const done = await runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'route', 'announce'] }, logging(performed), undefined, { threads, clock });
    expect(done).toEqual(['acknowledge', 'route', 'announce']);
    expect(performed).toEqual(done);
    expect(threads.processing.get(KEY)!.pending).toEqual([]);
    expect(threads.leases.size).toBe(0);
  });

  it('skips an effect another delivery finished, and what that delivery finished after it', async () => {
    const { threads, clock } = recorded(['announce']);
    const performed: SideEffect[] = [];
    const done = await runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'route', 'announce'] }, logging(performed), undefined, { threads, clock });
    expect(done).toEqual(['announce']);
    expect(performed).toEqual(['announce']);
  });

  it('refuses an effect another delivery is performing right now, and gives back the claims it took', async () => {
    const { threads, clock } = recorded(['acknowledge', 'route']);
    threads.leases.set(`${KEY}|route`, new Date('2026-12-04T09:01:00Z'));
    const performed: SideEffect[] = [];
    await expect(runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'route'] }, logging(performed), undefined, { threads, clock })).rejects.toBeInstanceOf(EffectBusyError);
    // What it did is recorded; the effect it could not claim is still owed and still held by the other delivery.
    expect(threads.processing.get(KEY)!.pending).toEqual(['route']);
    expect([...threads.leases.keys()]).toEqual([`${KEY}|route`]);
  });

  it('after a failure records what was done and frees the rest, but keeps the claim of a mail that may have gone out', async () => {
    const { threads, clock } = recorded(['acknowledge', 'route', 'announce']);
    const performed: SideEffect[] = [];
    const run = runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'route', 'announce'] }, logging(performed, { failing: 'route', sending: 'route' }), undefined, { threads, clock });
    await expect(run).rejects.toThrow('route failed');
    expect(threads.processing.get(KEY)!.pending).toEqual(['route', 'announce']);
    // The route may have gone out: its claim stays until the lease ends, so the retry asks the sent-log first.
    expect([...threads.leases.keys()]).toEqual([`${KEY}|route`]);

    const retry: SideEffect[] = [];
    clock.advance(3 * 60 * 1000);
    await runClaimedEffects({ dedupeKey: KEY, owed: ['route', 'announce'] }, logging(retry), undefined, { threads, clock });
    expect(retry).toEqual(['route', 'announce']);
  });

  it('runs an unclaimed effect without a claim request, and only while its mail still owes it', async () => {
    const { threads, clock } = recorded(['announce']);
    const claims = vi.spyOn(threads, 'claimEffect');
    const performed: SideEffect[] = [];
    const handlers = { ...logging(performed), announce: logging(performed, { claimed: false }).announce! };
    expect(await runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'announce'] }, handlers, undefined, { threads, clock })).toEqual(['announce']);
    expect(claims).toHaveBeenCalledTimes(1);
    threads.processing.get(KEY)!.pending = [];
    expect(await runClaimedEffects({ dedupeKey: KEY, owed: ['acknowledge', 'announce'] }, handlers, undefined, { threads, clock })).toEqual([]);
    expect(performed).toEqual(['announce']);
  });
});
