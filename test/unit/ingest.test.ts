import { describe, expect, it } from 'vitest';
import { renderReason } from '../../lambdas/schemas/reasons.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { MailNotSentError } from '../../lambdas/ports/index.js';
import { memoryDependencies, rawMail, receive } from '../support/fixtures.js';

const customerMail = (overrides: Partial<Parameters<typeof rawMail>[0]> = {}) =>
  rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'Kettle missing', body: 'Order 4711 is late.', messageId: 'm1@customer.example.org', ...overrides });

describe('ingesting a customer mail', () => {
  it('opens a thread for the team that owns the address and acknowledges the customer once', async () => {
    const deps = memoryDependencies();
    const result = await ingestMail(receive(deps, customerMail()), deps);

    expect(result).toMatchObject({ outcome: 'recorded', disposition: 'new-thread', acknowledge: true });
    const thread = deps.threads.threads.get(result.threadRef!)!;
    expect(thread).toMatchObject({ team: 'support', status: 'awaiting-agent', customer: { address: 'jane@customer.example.org', name: 'Jane Doe' } });
    expect(deps.mailer.sent).toHaveLength(1);
    const ack = deps.mailer.sent[0]!;
    expect(ack.to).toEqual([{ address: 'jane@customer.example.org', name: 'Jane Doe' }]);
    expect(ack.from.address).toBe('support@example.com');
    expect(ack.inReplyTo).toBe('m1@customer.example.org');
    expect(ack.references).toEqual(['m1@customer.example.org']);
    expect(ack.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Replyline-Loop': 'test.example.com' });
    expect(ack.subject).toBe(`Re: Kettle missing [#${result.threadRef}]`);
    expect(ack.replyTo?.address).toMatch(new RegExp(`^support\\+${result.threadRef!.toLowerCase()}\\.[a-z2-7]{10}@example\\.com$`));
    expect(deps.events.published.map((event) => event.detailType)).toEqual(['Message Received', 'Acknowledgement Sent']);
  });

  it('signs with the named person when the customer wrote to a personal alias', async () => {
    const deps = memoryDependencies();
    await ingestMail(receive(deps, customerMail({ to: 'mei@example.com' }), { recipients: ['mei@example.com'] }), deps);
    const ack = deps.mailer.sent[0]!;
    expect(ack.from).toEqual({ address: 'mei@example.com', name: 'Mei Chen' });
    expect(ack.text).toContain('Mei Chen');
  });

  it('does nothing more when the same receipt is delivered again', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    const first = await ingestMail(envelope, deps);
    const again = await ingestMail(envelope, deps);
    const third = await ingestMail(envelope, deps);

    expect(again).toMatchObject({ outcome: 'duplicate', threadRef: first.threadRef, effectsDone: [] });
    expect(third.outcome).toBe('duplicate');
    expect(deps.threads.threads.size).toBe(1);
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.events.published).toHaveLength(2);
  });

  it('treats a second SES receipt of the same Message-ID from the same sender as the same mail', async () => {
    const deps = memoryDependencies();
    await ingestMail(receive(deps, customerMail()), deps);
    const second = await ingestMail(receive(deps, customerMail()), deps);
    expect(second.outcome).toBe('duplicate');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('does not let a stranger reusing someone else\'s Message-ID suppress their own mail', async () => {
    const deps = memoryDependencies();
    await ingestMail(receive(deps, customerMail()), deps);
    const stranger = await ingestMail(receive(deps, customerMail({ from: 'mallory@elsewhere.example.net' })), deps);
    expect(stranger.outcome).toBe('recorded');
    expect(deps.threads.threads.size).toBe(2);
    expect(deps.mailer.sent.map((mail) => mail.to[0]!.address)).toEqual(['jane@customer.example.org', 'mallory@elsewhere.example.net']);
  });

  it('finishes the acknowledgement on redelivery when sending failed the first time', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    const realSend = deps.mailer.send.bind(deps.mailer);
    deps.mailer.send = async () => {
      // As the SES adapter reports a refusal: certainly not sent, so the claim is freed at once.
      throw new MailNotSentError('Throttling: Maximum sending rate exceeded');
    };
    await expect(ingestMail(envelope, deps)).rejects.toThrow('Throttling');
    expect(deps.mailer.sent).toHaveLength(0);

    deps.mailer.send = realSend;
    const retry = await ingestMail(envelope, deps);
    expect(retry).toMatchObject({ outcome: 'duplicate', effectsDone: ['acknowledge', 'route', 'announce'] });
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.threads.threads.size).toBe(1);
  });

  it('records a routing failure after the acknowledgement, so the redelivery routes at once without acknowledging again', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    const realSend = deps.routing.send.bind(deps.routing);
    deps.routing.send = async () => {
      throw Object.assign(new Error('SQS unavailable'), { name: 'ServiceUnavailable' });
    };
    await expect(ingestMail(envelope, deps)).rejects.toThrow('SQS unavailable');
    expect(deps.mailer.sent).toHaveLength(1);

    deps.routing.send = realSend;
    // No time passes: the first run gave back the claims it took with the record.
    const retry = await ingestMail(envelope, deps);
    expect(retry).toMatchObject({ outcome: 'duplicate', effectsDone: ['route', 'announce'] });
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.routing.sent).toHaveLength(1);
  });

  it('makes a second delivery arriving while the first still works back off instead of routing or announcing the mail twice', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    let second: Promise<unknown> | undefined;
    const realSend = deps.routing.send.bind(deps.routing);
    deps.routing.send = async (team, message) => {
      second ??= ingestMail(envelope, deps).then(
        () => 'finished',
        (error: Error) => error.name,
      );
      expect(await second).toBe('EffectBusyError');
      return realSend(team, message);
    };
    await ingestMail(envelope, deps);
    expect(deps.routing.sent).toHaveLength(1);
    expect(deps.events.published.map((event) => event.detailType)).toEqual(['Message Received', 'Acknowledgement Sent']);
  });

  it('gives the same thread ref and acknowledgement Message-ID for the same mail in another run', async () => {
    const first = memoryDependencies();
    const second = memoryDependencies();
    const a = await ingestMail(receive(first, customerMail()), first);
    const b = await ingestMail(receive(second, customerMail()), second);
    expect(a.threadRef).toBe(b.threadRef);
    expect(first.mailer.sent[0]!.messageId).toBe(second.mailer.sent[0]!.messageId);
  });

  it('records our own acknowledgement coming back with its provider Message-ID as machine mail, leaving its thread link alone', async () => {
    const deps = memoryDependencies();
    const first = await ingestMail(receive(deps, customerMail()), deps);
    const wireId = deps.mailer.wireMessageIdOf(deps.mailer.sent[0]!);
    // A forwarding rule on the customer's side sends our acknowledgement, unchanged, back to the support address.
    const bounced = customerMail({ from: 'Support <support@example.com>', messageId: wireId, subject: `Re: Kettle missing [#${first.threadRef}]` });
    const looped = await ingestMail(receive(deps, bounced), deps);
    expect(looped).toMatchObject({ outcome: 'recorded', acknowledge: false });
    expect(looped.dedupeKey).not.toBe(wireId);
    expect(looped.reasons).toContainEqual({ code: 'own-message-id', detail: 'the Message-ID is that of a mail we sent' });
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.threads.messageLinks.get(wireId)).toBe(first.threadRef);
  });

  it('quarantines, with a reason and no thread or mail, what is not for a Replyline address', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail({ to: 'someone@elsewhere.example.net' }), { recipients: ['someone@elsewhere.example.net'] });
    const result = await ingestMail(envelope, deps);
    expect(result).toMatchObject({ disposition: 'quarantine', threadRef: undefined, acknowledge: false });
    expect(result.reasons.map(renderReason).join()).toContain('not-for-us');
    expect(deps.threads.threads.size).toBe(0);
    expect(deps.threads.quarantined).toHaveLength(1);
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.events.published.map((event) => event.detailType)).toEqual(['Message Quarantined']);
  });

  it('fails the record when the raw mail is missing from the bucket, so SQS retries and then dead-letters it', async () => {
    const deps = memoryDependencies();
    const envelope = { ...receive(deps, customerMail()), rawMail: { bucket: 'raw-mail', key: 'inbound/gone' } };
    await expect(ingestMail(envelope, deps)).rejects.toThrow(/does not exist/);
  });
});

describe('concurrent deliveries of one mail', () => {
  it('send one acknowledgement: the second delivery backs off while the first holds the lease, then finds it done', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    const send = deps.mailer.send.bind(deps.mailer);
    let releaseSend!: () => void;
    const sendReleased = new Promise<void>((resolve) => (releaseSend = resolve));
    deps.mailer.send = async (mail) => {
      await sendReleased; // the holder is still sending while the other delivery arrives
      return send(mail);
    };
    const settled = [ingestMail(envelope, deps), ingestMail(envelope, deps)].map((run) => run.then(() => 'sent', (error: Error) => error.name));
    expect(await Promise.race(settled)).toBe('EffectBusyError');
    releaseSend();
    expect((await Promise.all(settled)).sort()).toEqual(['EffectBusyError', 'sent']);

    expect(deps.mailer.sent).toHaveLength(1);

    const retry = await ingestMail(envelope, deps);
    expect(retry.effectsDone).toEqual([]);
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('take over an effect whose lease expired (its worker died mid-send) and perform it', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, customerMail());
    const send = deps.mailer.send.bind(deps.mailer);
    let sending!: () => void;
    const firstWorkerSending = new Promise<void>((resolve) => (sending = resolve));
    deps.mailer.send = () => {
      sending();
      return new Promise(() => undefined); // the worker hangs, then its process is gone
    };
    void ingestMail(envelope, deps);
    await firstWorkerSending;

    deps.mailer.send = send;
    await expect(ingestMail(envelope, deps)).rejects.toThrow(/another delivery/);
    deps.clock.advance(3 * 60 * 1000);
    await ingestMail(envelope, deps);
    expect(deps.mailer.sent).toHaveLength(1);
  });
});
