import { describe, expect, it } from 'vitest';
import type { ThreadRecord } from '../../lambdas/core/records.js';
import { decideSlaEmissions } from '../../lambdas/core/sla/sla-events.js';
import { pendingEmission } from '../../lambdas/core/sla/sweep.js';
import type { PendingSlaEmission, SlaIndex } from '../../lambdas/ports/sla-sweep.js';
import { DEFAULT_ALERTS_CONFIG } from '../../lambdas/schemas/alerts-config.js';
import { openSide, type Open } from './harness.js';
import { at, openedThread, plus } from './records.js';

export interface SlaIndexSide {
  index: SlaIndex;
  /** Stores a thread as ingest records it (on DynamoDB: its item, with the open-SLA index keys). */
  seed(thread: ThreadRecord): Promise<void>;
}

const LEASE_MS = 60_000;

/** What the sweep records for a thread at `now`: the clock after emitting, and one pending record per owed event. */
function decided(thread: ThreadRecord, now: Date): { recorded: ThreadRecord; pending: PendingSlaEmission[] } {
  const decision = decideSlaEmissions(thread, now, DEFAULT_ALERTS_CONFIG)!;
  const pending = decision.emissions.map((emission) => pendingEmission(thread, emission, now, LEASE_MS));
  return { recorded: { ...thread, version: thread.version + 1, slaClock: decision.clock }, pending };
}

const refsOf = (entries: Awaited<ReturnType<SlaIndex['dueBy']>>) => entries.map((entry) => (entry.kind === 'thread' ? `thread ${entry.thread.ref}` : `pending ${entry.emission.ref} ${entry.emission.kind}`)).sort();

/** The open-SLA index the sweep reads and writes: what is due, the emission records, their leases. */
export function describeSlaIndexContract(name: string, open: Open<SlaIndexSide>): void {
  describe(`SlaIndex contract: ${name}`, () => {
    // The index is read whole (every due entry): every case starts with an empty one.
    const side = openSide(open, 'each');

    it('lists a thread once its warning is due, at its next SLA instant, and not before', async () => {
      const { index, seed } = side();
      const thread = openedThread('RL-SLA001');
      await seed(thread);
      expect(await index.dueBy(plus(thread.slaClock!.warnAt, -1000))).toEqual([]);
      const due = await index.dueBy(thread.slaClock!.warnAt);
      expect(due).toEqual([{ kind: 'thread', at: thread.slaClock!.warnAt, thread }]);
      expect(await index.getThread(thread.ref)).toEqual(thread);
      expect(await index.getThread('RL-NOPE00')).toBeUndefined();
    });

    it('leaves out threads without a running clock', async () => {
      const { index, seed } = side();
      await seed(openedThread('RL-SLA002', { status: 'awaiting-customer', slaClock: undefined }));
      expect(await index.dueBy(at(100_000))).toEqual([]);
    });

    it('records the emissions with the clock when the thread is unchanged, then lists them under their lease until published', async () => {
      const { index, seed } = side();
      const thread = openedThread('RL-SLA003');
      await seed(thread);
      const now = thread.slaClock!.warnAt;
      const { recorded, pending } = decided(thread, now);
      expect(pending.map((emission) => emission.kind)).toEqual(['warning']);
      expect(await index.recordEmissions(recorded, thread.version, pending)).toBe('recorded');
      expect(await index.getThread(thread.ref)).toEqual(recorded);
      // The thread now waits for its breach; the warning waits, under its lease, to be published.
      expect(refsOf(await index.dueBy(plus(now, LEASE_MS)))).toEqual([`pending ${thread.ref} warning`]);
      expect(refsOf(await index.dueBy(recorded.slaClock!.dueAt))).toEqual([`pending ${thread.ref} warning`, `thread ${thread.ref}`]);
      await index.markPublished(pending[0]!, plus(now, 1000));
      expect(refsOf(await index.dueBy(recorded.slaClock!.dueAt))).toEqual([`thread ${thread.ref}`]);
    });

    it('refuses the record when the thread changed since it was read, and records nothing of it', async () => {
      const { index, seed } = side();
      const thread = openedThread('RL-SLA004');
      await seed(thread);
      const { recorded, pending } = decided(thread, thread.slaClock!.warnAt);
      expect(await index.recordEmissions(recorded, thread.version - 1, pending)).toBe('thread-changed');
      expect(await index.getThread(thread.ref)).toEqual(thread);
      expect(refsOf(await index.dueBy(plus(thread.slaClock!.warnAt, LEASE_MS)))).toEqual([`thread ${thread.ref}`]);
    });

    it('lets one sweep take over an emission whose lease ran out, counting the attempt; a published one cannot be taken', async () => {
      const { index, seed } = side();
      const thread = openedThread('RL-SLA005');
      await seed(thread);
      const now = thread.slaClock!.warnAt;
      const { recorded, pending } = decided(thread, now);
      await index.recordEmissions(recorded, thread.version, pending);
      const stale = pending[0]!;
      const takeover = plus(stale.leaseUntil, LEASE_MS);
      const claims = await Promise.all([index.claimPending(stale, takeover), index.claimPending(stale, takeover)]);
      const taken = claims.filter((claim) => claim !== undefined);
      expect(taken).toHaveLength(1);
      expect(taken[0]).toMatchObject({ ref: thread.ref, key: stale.key, leaseUntil: takeover, attempts: 2 });
      // The old lease no longer holds it.
      expect(await index.claimPending(stale, plus(takeover, 1000))).toBeUndefined();
      await index.markPublished(taken[0]!, plus(takeover, 1000));
      expect(await index.claimPending(taken[0]!, plus(takeover, 2000))).toBeUndefined();
    });
  });
}
