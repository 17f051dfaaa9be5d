import { describe, expect, it } from 'vitest';
import type { SendingLog } from '../../lambdas/core/feedback.js';
import { openSide, uniqueIds, type Open } from './harness.js';
import { at } from './records.js';

export interface SendingLogSide {
  log: SendingLog;
  /** Whether ingest now finds the address suppressed (the thread store's read of the same table, on DynamoDB). */
  isSuppressed(address: string): Promise<boolean>;
}

/** What the feedback function writes and the sending effects read (send-once): SES's Send events, bounces and complaints. */
export function describeSendingLogContract(name: string, open: Open<SendingLogSide>): void {
  describe(`SendingLog contract: ${name}`, () => {
    const side = openSide(open, 'all');
    const id = uniqueIds('tracking.example');

    it('knows no mail for a tracking key SES reported nothing for', async () => {
      expect(await side().log.sentFor(id('never-sent'))).toBeUndefined();
    });

    it('gives the SES message id a Send event reported for the tracking key, and for that key only', async () => {
      const { log } = side();
      const key = id('acknowledge');
      await log.markSent(key, 'ses-0001', at(1));
      expect(await log.sentFor(key)).toBe('ses-0001');
      expect(await log.sentFor(id('relay'))).toBeUndefined();
    });

    it('keeps the same answer when SES delivers the Send event again', async () => {
      const { log } = side();
      const key = id('deliver');
      await log.markSent(key, 'ses-0002', at(1));
      await log.markSent(key, 'ses-0002', at(2));
      expect(await log.sentFor(key)).toBe('ses-0002');
    });

    it('suppresses a bounced or complaining address in any case, and no other', async () => {
      const { log, isSuppressed } = side();
      await log.suppress('Bounced.Customer@Example.ORG', 'bounce: General', at(3));
      await log.suppress('Bounced.Customer@Example.ORG', 'complaint: abuse', at(4));
      expect(await isSuppressed('bounced.customer@example.org')).toBe(true);
      expect(await isSuppressed('BOUNCED.CUSTOMER@EXAMPLE.ORG')).toBe(true);
      expect(await isSuppressed('happy.customer@example.org')).toBe(false);
    });
  });
}
