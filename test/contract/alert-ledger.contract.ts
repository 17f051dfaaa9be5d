import { describe, expect, it } from 'vitest';
import type { AlertDeliveryLedger } from '../../lambdas/ports/index.js';
import { openSide, type Open } from './harness.js';
import { at, plus, T0 } from './records.js';

const LEASE_MS = 60_000;

/** What the chat alert function relies on from its delivery ledger: one post per alert, however often it is delivered. */
export function describeAlertLedgerContract(name: string, open: Open<AlertDeliveryLedger>): void {
  describe(`AlertDeliveryLedger contract: ${name}`, () => {
    const ledger = openSide(open, 'all');
    let counter = 0;
    const newAlert = () => `SLA Breached|RL-7K3F9Q|firstResponse|2026-11-24T06:00:${String(counter++).padStart(2, '0')}.000Z`;

    it('claims a new alert for the lease', async () => {
      expect(await ledger().claim(newAlert(), T0, LEASE_MS)).toEqual({ status: 'claimed', reclaimed: false, leaseUntil: plus(T0, LEASE_MS) });
    });

    it('answers busy while the lease is live, up to and including its end; after it, another worker takes it over as reclaimed', async () => {
      const alert = newAlert();
      const leaseUntil = plus(T0, LEASE_MS);
      await ledger().claim(alert, T0, LEASE_MS);
      expect(await ledger().claim(alert, plus(T0, 1000), LEASE_MS)).toEqual({ status: 'busy', leaseUntil });
      expect(await ledger().claim(alert, leaseUntil, LEASE_MS)).toEqual({ status: 'busy', leaseUntil });
      const later = plus(leaseUntil, 1);
      expect(await ledger().claim(alert, later, LEASE_MS)).toEqual({ status: 'claimed', reclaimed: true, leaseUntil: plus(later, LEASE_MS) });
    });

    it('answers done with the first completion\'s time once the alert is posted, however often it is completed, whatever the lease', async () => {
      const alert = newAlert();
      await ledger().claim(alert, T0, LEASE_MS);
      await ledger().complete(alert, at(1));
      await ledger().complete(alert, at(2));
      expect(await ledger().claim(alert, plus(T0, 1000), LEASE_MS)).toEqual({ status: 'done', at: at(1) });
      expect(await ledger().claim(alert, at(60), LEASE_MS)).toEqual({ status: 'done', at: at(1) });
      const unclaimed = newAlert();
      await ledger().complete(unclaimed, at(3));
      expect(await ledger().claim(unclaimed, at(3), LEASE_MS)).toEqual({ status: 'done', at: at(3) });
    });

    it('frees a released claim at once, but only for the holder of the lease, and never once the alert is posted', async () => {
      const alert = newAlert();
      const first = await ledger().claim(alert, T0, LEASE_MS);
      if (first.status !== 'claimed') throw new Error(`not claimed: ${first.status}`);
      await ledger().release(alert, first.leaseUntil);
      const second = await ledger().claim(alert, T0, LEASE_MS);
      expect(second).toEqual({ status: 'claimed', reclaimed: false, leaseUntil: plus(T0, LEASE_MS) });

      const later = plus(T0, LEASE_MS + 1000);
      const takeover = await ledger().claim(alert, later, LEASE_MS);
      expect(takeover).toEqual({ status: 'claimed', reclaimed: true, leaseUntil: plus(later, LEASE_MS) });
      await ledger().release(alert, first.leaseUntil);
      expect(await ledger().claim(alert, later, LEASE_MS)).toEqual({ status: 'busy', leaseUntil: plus(later, LEASE_MS) });

      await ledger().complete(alert, later);
      await ledger().release(alert, plus(later, LEASE_MS));
      expect(await ledger().claim(alert, later, LEASE_MS)).toEqual({ status: 'done', at: later });
    });

    it('lets exactly one of concurrent claims through; the others are told until when it is held', async () => {
      const alert = newAlert();
      const claims = await Promise.all(Array.from({ length: 6 }, () => ledger().claim(alert, T0, LEASE_MS)));
      expect(claims.filter((claim) => claim.status === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim.status === 'busy')).toEqual(Array(5).fill({ status: 'busy', leaseUntil: plus(T0, LEASE_MS) }));
    });
  });
}
