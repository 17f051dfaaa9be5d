import { describe, expect, it } from 'vitest';
import type { SideEffect, ThreadRecord } from '../../lambdas/core/records.js';
import type { ThreadStore } from '../../lambdas/ports/index.js';
import { openSide, uniqueIds, type Open } from './harness.js';
import { at, closedThread, followUpMail, newThreadMail, openedThread, plus, quarantinedMail, sentAcknowledgement, T0 } from './records.js';

export interface ThreadStoreSide {
  store: ThreadStore;
  /** Suppresses an address (a permanent bounce or a complaint), as the feedback function does for this store. */
  suppress(address: string): Promise<void>;
}

const LEASE_MS = 120_000;

/** What ingest, deliver, the SLA functions and the operator rely on from a ThreadStore. */
export function describeThreadStoreContract(name: string, open: Open<ThreadStoreSide>): void {
  describe(`ThreadStore contract: ${name}`, () => {
    const side = openSide(open, 'all');
    const id = uniqueIds();
    const refOf = (key: string) => `RL-${key.split('@')[0]!.toUpperCase()}`;

    /** A recorded customer mail opening its own thread; what it recorded. */
    async function recorded(label: string, options: Parameters<typeof newThreadMail>[2] = {}, thread: Partial<ThreadRecord> = {}) {
      const key = id(label);
      const mail = newThreadMail(key, openedThread(refOf(key), thread), options);
      expect(await side().store.recordInbound(mail)).toEqual({ kind: 'recorded' });
      return { key, thread: mail.thread.record, processing: mail.processing };
    }

    describe('recordInbound', () => {
      it('records a new thread with its mail: the thread, the processing record and the mail\'s own Message-ID read back', async () => {
        const { store } = side();
        const { key, thread, processing } = await recorded('new');
        expect(await store.getThread(thread.ref)).toEqual(thread);
        expect(await store.getProcessing(key)).toEqual(processing);
        expect(await store.threadsOfMessageIds([key])).toEqual(new Map([[key, thread.ref]]));
      });

      it('answers a second record of the same mail with the processing record as it is now, and writes nothing of the second', async () => {
        const { store } = side();
        const { key, thread, processing } = await recorded('twice');
        await store.completeEffects(key, ['acknowledge']);
        const second = newThreadMail(key, openedThread(`${thread.ref}-2`, { subject: 'Another subject' }), { processing: { pending: ['route'] } });
        expect(await store.recordInbound(second)).toEqual({ kind: 'duplicate', processing: { ...processing, pending: ['route', 'deliver', 'announce-routed', 'announce'] } });
        expect(await store.getThread(`${thread.ref}-2`)).toBeUndefined();
        expect(await store.getThread(thread.ref)).toEqual(thread);
      });

      it('answers ref-taken for a new thread under a ref another thread has, and records nothing of the mail', async () => {
        const { store } = side();
        const { thread: taken } = await recorded('taken');
        const key = id('unlucky');
        const other = newThreadMail(key, openedThread(taken.ref, { customer: { address: 'ann@customer.example.org', name: 'Ann' }, subject: 'Other' }));
        expect(await store.recordInbound(other)).toEqual({ kind: 'ref-taken' });
        expect(await store.getProcessing(key)).toBeUndefined();
        expect(await store.threadsOfMessageIds([key])).toEqual(new Map());
        expect(await store.getThread(taken.ref)).toEqual(taken);
      });

      it('records a follow-up on the thread at the version it read; a follow-up decided on an older version is thread-changed and records nothing', async () => {
        const { store } = side();
        const { thread: opened } = await recorded('thread');
        const followed = { ...opened, version: opened.version + 1, inboundCount: 2, lastInboundAt: at(30), updatedAt: at(30) };
        const follower = id('follow-up');
        expect(await store.recordInbound(followUpMail(follower, followed, opened.version))).toEqual({ kind: 'recorded' });
        expect(await store.getThread(opened.ref)).toEqual(followed);
        expect(await store.getProcessing(follower)).toMatchObject({ dedupeKey: follower, disposition: 'follow-up', threadRef: opened.ref });

        const late = id('late');
        expect(await store.recordInbound(followUpMail(late, { ...followed, subject: 'Stale' }, opened.version))).toEqual({ kind: 'thread-changed' });
        expect(await store.getProcessing(late)).toBeUndefined();
        expect(await store.getThread(opened.ref)).toEqual(followed);
      });

      it('answers thread-changed for a follow-up on a thread that is not stored, and creates no thread', async () => {
        const { store } = side();
        const key = id('orphan');
        const gone = openedThread(refOf(key), { version: 2 });
        expect(await store.recordInbound(followUpMail(key, gone, 1))).toEqual({ kind: 'thread-changed' });
        expect(await store.getThread(gone.ref)).toBeUndefined();
        expect(await store.getProcessing(key)).toBeUndefined();
      });

      it('answers duplicate before ref-taken: a redelivered mail finds its first record, not its own thread in the way', async () => {
        const { store } = side();
        const { key, thread, processing } = await recorded('redelivered');
        expect(await store.recordInbound(newThreadMail(key, thread))).toEqual({ kind: 'duplicate', processing });
      });

      it('takes the claims it is given with the record: a redelivery meanwhile finds them busy until they end', async () => {
        const { store } = side();
        const until = at(2);
        const { key, processing } = await recorded('claimed', { claims: { effects: ['acknowledge', 'route'], until } });
        expect(await store.claimEffect(key, 'acknowledge', at(1), LEASE_MS)).toEqual({ status: 'busy', leaseUntil: until });
        expect(await store.claimEffect(key, 'announce', at(1), LEASE_MS)).toEqual({ status: 'claimed', reclaimed: false, leaseUntil: plus(at(1), LEASE_MS), processing });
        expect(await store.claimEffect(key, 'route', at(3), LEASE_MS)).toEqual({ status: 'claimed', reclaimed: true, leaseUntil: plus(at(3), LEASE_MS), processing });
      });
    });

    describe('recordQuarantine', () => {
      it('records a quarantined mail once: it joins no thread, and a second record of it, quarantined or threaded, is a duplicate', async () => {
        const { store } = side();
        const key = id('spam');
        const { record, processing } = quarantinedMail(key);
        expect(await store.recordQuarantine(record, processing)).toEqual({ kind: 'recorded' });
        expect(await store.getProcessing(key)).toEqual(processing);
        expect(await store.threadsOfMessageIds([key])).toEqual(new Map());
        expect(await store.recordQuarantine({ ...record, receiptId: 'receipt-redelivered' }, { ...processing, receiptId: 'receipt-redelivered' })).toEqual({ kind: 'duplicate', processing });
        expect(await store.recordInbound(newThreadMail(key, openedThread(refOf(key))))).toEqual({ kind: 'duplicate', processing });
        expect(await store.getThread(refOf(key))).toBeUndefined();
      });

      it('answers duplicate for a mail recorded into a thread before', async () => {
        const { store } = side();
        const { key, processing } = await recorded('threaded');
        const { record, processing: quarantine } = quarantinedMail(key);
        expect(await store.recordQuarantine(record, quarantine)).toEqual({ kind: 'duplicate', processing });
      });
    });

    describe('getProcessing and getThread', () => {
      it('reads undefined for a mail or a thread never recorded', async () => {
        const { store } = side();
        expect(await store.getProcessing(id('unknown'))).toBeUndefined();
        expect(await store.getThread('RL-NEVER')).toBeUndefined();
      });

      it('reads back every field of a processing record and a thread as written', async () => {
        const { store } = side();
        const key = id('every-field');
        const thread = closedThread(refOf(key));
        const mail = newThreadMail(key, thread, {
          processing: {
            disposition: 'follow-up',
            role: 'agent',
            sender: 'mei.chen@mail.example.com',
            acknowledge: false,
            unacknowledgedBecause: 'rate-limited',
            reasons: [
              { code: 'agent-reply', detail: 'from an agent of the team' },
              { code: 'sla-recovered', detail: 'answered 10 minutes late' },
            ],
            pending: ['relay', 'announce'],
            recovered: thread.owedRecovery!.clock,
            createdAt: at(250),
          },
        });
        expect(await store.recordInbound(mail)).toEqual({ kind: 'recorded' });
        expect(await store.getProcessing(key)).toEqual(mail.processing);
        expect(await store.getThread(thread.ref)).toEqual(thread);
      });

      it('gives the owed effects in the order they run, whatever order they were recorded in', async () => {
        const { store } = side();
        const order: SideEffect[] = ['announce', 'deliver', 'route', 'acknowledge'];
        const { key } = await recorded('unordered', { processing: { pending: order } });
        expect((await store.getProcessing(key))!.pending).toEqual(['acknowledge', 'route', 'deliver', 'announce']);
        expect(await store.claimEffect(key, 'route', T0, LEASE_MS)).toMatchObject({ status: 'claimed', processing: { pending: ['acknowledge', 'route', 'deliver', 'announce'] } });
      });

      it('does not take a sent mail\'s Message-ID link for a processing record', async () => {
        const { store } = side();
        const { key, processing } = await recorded('linked');
        const sentId = id('ack');
        await store.completeEffects(key, ['acknowledge'], sentAcknowledgement(processing, [sentId]));
        expect(await store.getProcessing(sentId)).toBeUndefined();
        expect((await store.lookupInbound(sentId, undefined, [])).processing).toBeUndefined();
      });
    });

    describe('lookupInbound', () => {
      it('knows nothing of a new mail from an unknown sender', async () => {
        const { store } = side();
        expect(await store.lookupInbound(id('fresh'), 'new@customer.example.org', [id('unknown')])).toEqual({ processing: undefined, sentByUs: false, suppressed: false, knownMessageIds: new Map() });
        expect(await store.lookupInbound(id('fresh'), undefined, [])).toEqual({ processing: undefined, sentByUs: false, suppressed: false, knownMessageIds: new Map() });
      });

      it('reads the processing record, the sender\'s suppression (any case) and the stored Message-IDs in one call', async () => {
        const { store, suppress } = side();
        const { key, thread, processing } = await recorded('reply');
        const ackId = id('ack');
        await store.completeEffects(key, ['acknowledge'], sentAcknowledgement(processing, [ackId]));
        const sender = id('bounced');
        await suppress(sender);
        const lookup = await store.lookupInbound(key, sender.toUpperCase(), [key, ackId, id('unknown')]);
        expect(lookup).toEqual({
          processing: { ...processing, pending: processing.pending.filter((effect) => effect !== 'acknowledge') },
          sentByUs: false,
          suppressed: true,
          knownMessageIds: new Map([
            [key, thread.ref],
            [ackId, thread.ref],
          ]),
        });
        expect((await store.lookupInbound(key, undefined, [])).suppressed).toBe(false);
      });

      it('tells a mail we sent coming back by its Message-ID, whose key holds the link to its thread', async () => {
        const { store } = side();
        const { key, thread, processing } = await recorded('looped');
        const ackId = id('ack-looped');
        await store.completeEffects(key, ['acknowledge'], sentAcknowledgement(processing, [ackId]));
        expect(await store.lookupInbound(ackId, undefined, [])).toEqual({ processing: undefined, sentByUs: true, suppressed: false, knownMessageIds: new Map() });
        expect(await store.threadsOfMessageIds([ackId])).toEqual(new Map([[ackId, thread.ref]]));
      });
    });

    describe('threadsOfMessageIds and isSuppressed', () => {
      it('maps customers\' and our own stored Message-IDs to their threads; unknown and quarantined ones are absent', async () => {
        const { store } = side();
        const a = await recorded('customer-a');
        const b = await recorded('customer-b');
        const ours = [id('relay'), id('relay-wire')];
        await store.completeEffects(b.key, ['acknowledge'], sentAcknowledgement(b.processing, ours));
        const spam = id('spam');
        const quarantined = quarantinedMail(spam);
        await store.recordQuarantine(quarantined.record, quarantined.processing);
        const found = await store.threadsOfMessageIds([a.key, ours[0]!, id('unknown'), spam, ours[1]!, a.key]);
        expect(found).toEqual(
          new Map([
            [a.key, a.thread.ref],
            [ours[0]!, b.thread.ref],
            [ours[1]!, b.thread.ref],
          ]),
        );
        expect(await store.threadsOfMessageIds([])).toEqual(new Map());
      });

      it('tells a suppressed address in any case from one that is not', async () => {
        const { store, suppress } = side();
        const address = id('Complained').replace('customer.example.org', 'Customer.Example.ORG');
        await suppress(address);
        expect(await store.isSuppressed(address.toLowerCase())).toBe(true);
        expect(await store.isSuppressed(address.toUpperCase())).toBe(true);
        expect(await store.isSuppressed(id('welcome'))).toBe(false);
      });
    });

    describe('customerHistory', () => {
      it('gives the customer\'s threads newest first, at most `limit`, found by the address in any case', async () => {
        const { store } = side();
        const customer = { address: id('history'), name: 'Hal' };
        const created = [20, 0, 30, 10];
        const threads = [];
        for (const minutes of created) {
          const key = id('history-mail');
          const thread = openedThread(refOf(key), { customer }, at(minutes));
          threads.push(thread);
          expect(await store.recordInbound(newThreadMail(key, thread))).toEqual({ kind: 'recorded' });
        }
        const elsewhere = id('stranger');
        await store.recordInbound(newThreadMail(elsewhere, openedThread(refOf(elsewhere), { customer: { address: id('stranger'), name: 'Sy' } }, at(40))));
        const newestFirst = [threads[2]!, threads[0]!, threads[3]!, threads[1]!];
        expect(await store.customerHistory(customer.address, 3)).toEqual(newestFirst.slice(0, 3));
        expect(await store.customerHistory(customer.address.toUpperCase(), 10)).toEqual(newestFirst);
        expect(await store.customerHistory(id('nobody'), 5)).toEqual([]);
      });

      it('gives the threads as they are now', async () => {
        const { store } = side();
        const { thread } = await recorded('history-updated', {}, { customer: { address: id('history-updated'), name: 'Hal' } });
        const answered = { ...thread, version: thread.version + 1, status: 'awaiting-customer' as const, slaClock: undefined, firstRespondedAt: at(5) };
        expect(await store.updateThread(answered, thread.version)).toBe(true);
        expect(await store.customerHistory(thread.customer.address, 5)).toEqual([answered]);
      });
    });

    describe('updateThread', () => {
      it('writes a thread still at the expected version, and refuses a write decided on another version', async () => {
        const { store } = side();
        const { thread } = await recorded('update');
        const answered = { ...thread, version: thread.version + 1, status: 'awaiting-customer' as const, slaClock: undefined, lastAgentReplyAt: at(10), updatedAt: at(10) };
        expect(await store.updateThread(answered, thread.version)).toBe(true);
        expect(await store.getThread(thread.ref)).toEqual(answered);
        expect(await store.updateThread({ ...thread, version: thread.version + 1, agent: 'late@mail.example.com' }, thread.version)).toBe(false);
        expect(await store.getThread(thread.ref)).toEqual(answered);
      });

      it('lets exactly one of concurrent writes on the same version through', async () => {
        const { store } = side();
        const { thread } = await recorded('race');
        const agents = ['a', 'b', 'c', 'd'].map((name) => `${name}@mail.example.com`);
        const applied = await Promise.all(agents.map((agent) => store.updateThread({ ...thread, version: thread.version + 1, agent }, thread.version)));
        expect(applied.filter(Boolean)).toHaveLength(1);
        expect((await store.getThread(thread.ref))!.agent).toBe(agents[applied.indexOf(true)]);
      });

      it('refuses to write a thread that is not stored, and does not create it', async () => {
        const { store } = side();
        const thread = openedThread('RL-NOT-STORED');
        expect(await store.updateThread(thread, 1)).toBe(false);
        expect(await store.getThread(thread.ref)).toBeUndefined();
      });
    });

    describe('settleOwedRecovery', () => {
      it('forgets the owed recovery of exactly that reply once and bumps the version; anything else changes nothing', async () => {
        const { store } = side();
        const key = id('late-reply');
        const owing = closedThread(refOf(key));
        await store.recordInbound(newThreadMail(key, owing));
        const repliedAt = owing.owedRecovery!.repliedAt;

        await store.settleOwedRecovery(owing.ref, plus(repliedAt, 1));
        expect(await store.getThread(owing.ref)).toEqual(owing);

        await store.settleOwedRecovery(owing.ref, repliedAt);
        const settled = { ...owing, owedRecovery: undefined, version: owing.version + 1 };
        expect(await store.getThread(owing.ref)).toEqual(settled);
        await store.settleOwedRecovery(owing.ref, repliedAt);
        expect(await store.getThread(owing.ref)).toEqual(settled);
      });

      it('changes nothing on a thread that owes no recovery, and creates no thread', async () => {
        const { store } = side();
        const { thread } = await recorded('owes-nothing');
        await store.settleOwedRecovery(thread.ref, at(250));
        expect(await store.getThread(thread.ref)).toEqual(thread);
        await store.settleOwedRecovery('RL-GONE', at(250));
        expect(await store.getThread('RL-GONE')).toBeUndefined();
      });
    });

    describe('consumeAckAllowance', () => {
      const allowanceFor = (sender: string, windowStart = T0, max = 2) => ({ sender, windowStart, max, expiresAt: plus(windowStart, 2 * 86_400_000) });

      it('counts each mail once: a retried mail keeps its acknowledgement, a new one past the limit gets none', async () => {
        const { store } = side();
        const allowance = allowanceFor(id('sender'));
        const answers = [];
        for (const mail of ['a', 'a', 'b', 'c', 'b', 'a']) answers.push(await store.consumeAckAllowance(allowance, `${mail}@customer.example.org`));
        expect(answers).toEqual([true, true, true, false, true, true]);
      });

      it('counts each sender and each window apart', async () => {
        const { store } = side();
        const sender = id('sender');
        const full = allowanceFor(sender, T0, 1);
        expect(await store.consumeAckAllowance(full, 'first@x')).toBe(true);
        expect(await store.consumeAckAllowance(full, 'second@x')).toBe(false);
        expect(await store.consumeAckAllowance(allowanceFor(sender, at(60), 1), 'second@x')).toBe(true);
        expect(await store.consumeAckAllowance(allowanceFor(id('other-sender'), T0, 1), 'second@x')).toBe(true);
      });

      it('lets exactly the allowance through of concurrent new mails', async () => {
        const { store } = side();
        const allowance = allowanceFor(id('flood'), T0, 2);
        const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => store.consumeAckAllowance(allowance, `race-${index}@x`)));
        expect(answers.filter(Boolean)).toHaveLength(2);
      });
    });

    describe('claimEffect', () => {
      it('claims an owed effect for the lease, with the processing record as the claim found it', async () => {
        const { store } = side();
        const { key, processing } = await recorded('claim');
        expect(await store.claimEffect(key, 'acknowledge', T0, LEASE_MS)).toEqual({ status: 'claimed', reclaimed: false, leaseUntil: plus(T0, LEASE_MS), processing });
      });

      it('answers busy while the lease is live, up to and including its end; after it, another worker takes it over as reclaimed', async () => {
        const { store } = side();
        const { key, processing } = await recorded('lease');
        const leaseUntil = plus(T0, LEASE_MS);
        await store.claimEffect(key, 'route', T0, LEASE_MS);
        expect(await store.claimEffect(key, 'route', at(1), LEASE_MS)).toEqual({ status: 'busy', leaseUntil });
        expect(await store.claimEffect(key, 'route', leaseUntil, LEASE_MS)).toEqual({ status: 'busy', leaseUntil });
        const later = plus(leaseUntil, 1);
        expect(await store.claimEffect(key, 'route', later, LEASE_MS)).toEqual({ status: 'claimed', reclaimed: true, leaseUntil: plus(later, LEASE_MS), processing });
        // Each effect has its own claim.
        expect(await store.claimEffect(key, 'acknowledge', at(1), LEASE_MS)).toMatchObject({ status: 'claimed', reclaimed: false });
      });

      it('answers done for an effect not owed, with the record; and for a mail never recorded, without one', async () => {
        const { store } = side();
        const { key, processing } = await recorded('not-owed', { processing: { pending: ['route', 'announce'] } });
        expect(await store.claimEffect(key, 'acknowledge', T0, LEASE_MS)).toEqual({ status: 'done', processing });
        expect(await store.claimEffect(id('never'), 'acknowledge', T0, LEASE_MS)).toEqual({ status: 'done', processing: undefined });
      });

      it('lets exactly one of concurrent claims through; the others are told until when it is held', async () => {
        const { store } = side();
        const { key } = await recorded('crowd');
        const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimEffect(key, 'acknowledge', T0, LEASE_MS)));
        expect(claims.filter((claim) => claim.status === 'claimed')).toHaveLength(1);
        expect(claims.filter((claim) => claim.status === 'busy')).toEqual(Array(4).fill({ status: 'busy', leaseUntil: plus(T0, LEASE_MS) }));
      });
    });

    describe('releaseEffect', () => {
      it('frees a released claim at once: the next claim is not a takeover', async () => {
        const { store } = side();
        const { key } = await recorded('release');
        const first = await store.claimEffect(key, 'deliver', T0, LEASE_MS);
        if (first.status !== 'claimed') throw new Error(`not claimed: ${first.status}`);
        await store.releaseEffect(key, 'deliver', first.leaseUntil);
        expect(await store.claimEffect(key, 'deliver', at(1), LEASE_MS)).toMatchObject({ status: 'claimed', reclaimed: false, leaseUntil: plus(at(1), LEASE_MS) });
      });

      it('gives back only the claim that ends at the lease given: a holder whose lease ran out cannot free its successor\'s', async () => {
        const { store } = side();
        const { key } = await recorded('stale');
        const stale = await store.claimEffect(key, 'deliver', T0, LEASE_MS);
        if (stale.status !== 'claimed') throw new Error(`not claimed: ${stale.status}`);
        const later = plus(stale.leaseUntil, 1);
        const takeover = await store.claimEffect(key, 'deliver', later, LEASE_MS);
        if (takeover.status !== 'claimed') throw new Error(`not claimed: ${takeover.status}`);
        await store.releaseEffect(key, 'deliver', stale.leaseUntil);
        expect(await store.claimEffect(key, 'deliver', later, LEASE_MS)).toEqual({ status: 'busy', leaseUntil: takeover.leaseUntil });
        await store.releaseEffect(key, 'deliver', takeover.leaseUntil);
        expect(await store.claimEffect(key, 'deliver', later, LEASE_MS)).toMatchObject({ status: 'claimed', reclaimed: false });
      });

      it('changes nothing for an effect done meanwhile, or a mail never recorded', async () => {
        const { store } = side();
        const { key } = await recorded('done-meanwhile');
        const claim = await store.claimEffect(key, 'acknowledge', T0, LEASE_MS);
        if (claim.status !== 'claimed') throw new Error(`not claimed: ${claim.status}`);
        await store.completeEffects(key, ['acknowledge']);
        await store.releaseEffect(key, 'acknowledge', claim.leaseUntil);
        expect(await store.claimEffect(key, 'acknowledge', at(1), LEASE_MS)).toMatchObject({ status: 'done', processing: { dedupeKey: key } });
        const never = id('never');
        await store.releaseEffect(never, 'acknowledge', claim.leaseUntil);
        expect(await store.getProcessing(never)).toBeUndefined();
      });
    });

    describe('completeEffects', () => {
      it('marks effects done, idempotently, leaving the other owed effects in order', async () => {
        const { store } = side();
        const { key, processing } = await recorded('complete');
        await store.completeEffects(key, ['acknowledge', 'route']);
        await store.completeEffects(key, ['route', 'acknowledge']);
        expect(await store.getProcessing(key)).toEqual({ ...processing, pending: ['deliver', 'announce-routed', 'announce'] });
        await store.completeEffects(key, ['deliver', 'announce-routed', 'announce']);
        expect((await store.getProcessing(key))!.pending).toEqual([]);
        expect(await store.claimEffect(key, 'route', at(1), LEASE_MS)).toEqual({ status: 'done', processing: { ...processing, pending: [] } });
      });

      it('ends the claim of a completed effect: a later claim finds it done, not busy', async () => {
        const { store } = side();
        const { key } = await recorded('complete-claimed', { claims: { effects: ['acknowledge'], until: at(2) } });
        await store.completeEffects(key, ['acknowledge']);
        expect(await store.claimEffect(key, 'acknowledge', at(1), LEASE_MS)).toMatchObject({ status: 'done' });
      });

      it('links every Message-ID of the mail an effect sent to the thread, so replies quoting it find the thread; repeating it changes nothing', async () => {
        const { store } = side();
        const { key, thread, processing } = await recorded('sent');
        const wire = [id('ses-wire'), id('our-own')];
        const sent = sentAcknowledgement(processing, wire);
        await store.completeEffects(key, ['acknowledge'], sent);
        await store.completeEffects(key, ['acknowledge'], { ...sent, at: at(5) });
        expect(await store.threadsOfMessageIds(wire)).toEqual(new Map(wire.map((messageId) => [messageId, thread.ref])));
        expect((await store.lookupInbound(id('reply'), undefined, wire)).knownMessageIds).toEqual(new Map(wire.map((messageId) => [messageId, thread.ref])));
        expect((await store.getProcessing(key))!.pending).not.toContain('acknowledge');
      });

      it('records no processing record for a mail never recorded', async () => {
        const { store } = side();
        const never = id('never');
        await store.completeEffects(never, ['acknowledge']);
        expect(await store.getProcessing(never)).toBeUndefined();
        expect(await store.claimEffect(never, 'acknowledge', T0, LEASE_MS)).toEqual({ status: 'done', processing: undefined });
      });
    });
  });
}
