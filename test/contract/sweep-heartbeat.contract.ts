import { describe, expect, it } from 'vitest';
import type { SweepHeartbeat, SweepHeartbeatStore } from '../../lambdas/ports/sla-sweep.js';
import { openSide, type Open } from './harness.js';
import { at } from './records.js';

export interface SweepHeartbeatSide {
  store: SweepHeartbeatStore;
  /** The last heartbeat as `replyline doctor` and the console read it. */
  last(): Promise<SweepHeartbeat | undefined>;
}

const sweep = (minutes: number, counts: Partial<SweepHeartbeat> = {}): SweepHeartbeat => ({
  startedAt: at(minutes),
  lastRunAt: new Date(at(minutes).getTime() + 1500),
  durationMs: 1500,
  found: 12,
  emitted: 3,
  failures: 1,
  deferred: 2,
  ...counts,
});

/** What the sweeper writes after each sweep and `replyline doctor` reads: its last run. */
export function describeSweepHeartbeatContract(name: string, open: Open<SweepHeartbeatSide>): void {
  describe(`SweepHeartbeatStore contract: ${name}`, () => {
    // One heartbeat per table: every case starts with none.
    const side = openSide(open, 'each');

    it('has no heartbeat before the first sweep', async () => {
      expect(await side().last()).toBeUndefined();
    });

    it('reads back every figure of the last sweep', async () => {
      const heartbeat = sweep(0);
      await side().store.record(heartbeat);
      expect(await side().last()).toEqual(heartbeat);
    });

    it('keeps only the newest sweep, and writing the same heartbeat twice changes nothing', async () => {
      await side().store.record(sweep(0));
      const newest = sweep(1, { found: 0, emitted: 0, failures: 0, deferred: 0 });
      await side().store.record(newest);
      await side().store.record(newest);
      expect(await side().last()).toEqual(newest);
    });
  });
}
