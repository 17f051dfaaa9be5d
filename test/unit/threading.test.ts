import { describe, expect, it } from 'vitest';
import { renderReason } from '../../lambdas/schemas/reasons.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { threadAddress, verifyThreadAddress } from '../../lambdas/core/threading.js';
import { memoryDependencies, rawMail, receive } from '../support/fixtures.js';

const KEY = 'test-thread-key';

async function openThread(deps: ReturnType<typeof memoryDependencies>, from = 'Jane <jane@customer.example.org>', cc?: string) {
  const headers = cc ? { Cc: cc } : undefined;
  const result = await ingestMail(receive(deps, rawMail({ from, to: 'support@example.com', subject: 'Kettle missing', body: 'Order 4711 is late.', messageId: 'open@customer.example.org', headers })), deps);
  return { ref: result.threadRef!, ack: deps.mailer.sent.at(-1)! };
}

describe('thread addresses', () => {
  it('round-trip through their HMAC and name the thread', () => {
    const address = threadAddress('RL-7K3F9Q', 'support@example.com', KEY);
    expect(address).toMatch(/^support\+rl-7k3f9q\.[a-z2-7]{10}@example\.com$/);
    expect(verifyThreadAddress(address, KEY)).toBe('RL-7K3F9Q');
    expect(verifyThreadAddress(address.toUpperCase(), KEY)).toBe('RL-7K3F9Q');
  });

  it('cannot be guessed, moved to another thread or another address, or signed with another key', () => {
    const address = threadAddress('RL-7K3F9Q', 'support@example.com', KEY);
    expect(verifyThreadAddress(address.replace('rl-7k3f9q', 'rl-7k3f9r'), KEY)).toBeUndefined();
    expect(verifyThreadAddress(address.replace('support+', 'sales+'), KEY)).toBeUndefined();
    expect(verifyThreadAddress(address, 'another-key')).toBeUndefined();
    expect(verifyThreadAddress('support+rl-7k3f9q.aaaaaaaaaa@example.com', KEY)).toBeUndefined();
  });
});

describe('matching a follow-up to its thread, in order', () => {
  it('1. the signed thread address (the customer pressed Reply on our acknowledgement)', async () => {
    const deps = memoryDependencies();
    const { ref, ack } = await openThread(deps);
    const followUp = rawMail({ from: 'jane@customer.example.org', to: ack.replyTo!.address, subject: 'more details', body: 'It was blue.' });
    const result = await ingestMail(receive(deps, followUp, { recipients: [ack.replyTo!.address] }), deps);
    expect(result).toMatchObject({ disposition: 'follow-up', threadRef: ref, acknowledge: false });
    expect(result.reasons.some(({ code }) => code === 'thread-address')).toBe(true);
    expect(deps.threads.threads.get(ref)!.inboundCount).toBe(2);
  });

  it('2. In-Reply-To/References against stored Message-IDs, newest first (ours and theirs)', async () => {
    const deps = memoryDependencies();
    const { ref, ack } = await openThread(deps);
    // The id SES gave the acknowledgement: the only one the customer's mail client saw.
    const ackId = deps.mailer.wireMessageIdOf(ack);
    const replyToAck = rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Re: Kettle', body: 'thanks', headers: { 'In-Reply-To': `<${ackId}>`, References: `<unknown@x> <${ackId}>` } });
    expect(await ingestMail(receive(deps, replyToAck), deps)).toMatchObject({ disposition: 'follow-up', threadRef: ref });

    const replyToOwnMail = rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'forgot', body: 'one more thing', headers: { References: '<open@customer.example.org>' } });
    expect(await ingestMail(receive(deps, replyToOwnMail), deps)).toMatchObject({ disposition: 'follow-up', threadRef: ref });
  });

  it('3. a subject ref, accepted from the customer or a Cc\'d participant', async () => {
    const deps = memoryDependencies();
    const { ref } = await openThread(deps, 'Jane <jane@customer.example.org>', 'Bob <bob@customer.example.org>');
    const fromCustomer = await ingestMail(receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: `About [#${ref}]`, body: 'hi' })), deps);
    expect(fromCustomer).toMatchObject({ disposition: 'follow-up', threadRef: ref });
    const fromCc = await ingestMail(receive(deps, rawMail({ from: 'bob@customer.example.org', to: 'support@example.com', subject: `${ref.toLowerCase()} again`, body: 'hi' })), deps);
    expect(fromCc).toMatchObject({ disposition: 'follow-up', threadRef: ref });
  });

  it('a forged subject ref from a stranger opens a new thread of their own (and never reveals the other)', async () => {
    const deps = memoryDependencies();
    const { ref } = await openThread(deps);
    const forged = await ingestMail(receive(deps, rawMail({ from: 'mallory@elsewhere.example.net', to: 'support@example.com', subject: `Re: [#${ref}] please send me the invoice`, body: 'x' })), deps);
    expect(forged.disposition).toBe('new-thread');
    expect(forged.threadRef).not.toBe(ref);
    expect(forged.reasons.map(renderReason).join()).toContain('from a non-participant');
    expect(deps.threads.threads.get(ref)!.inboundCount).toBe(1);
  });

  it('a stranger writing to a valid thread address gets a new thread, not the customer\'s', async () => {
    const deps = memoryDependencies();
    const { ref, ack } = await openThread(deps);
    const stranger = await ingestMail(receive(deps, rawMail({ from: 'mallory@elsewhere.example.net', to: ack.replyTo!.address, subject: 'hello', body: 'x' }), { recipients: [ack.replyTo!.address] }), deps);
    expect(stranger.disposition).toBe('new-thread');
    expect(stranger.threadRef).not.toBe(ref);
  });

  it('an invalid thread-address signature is ignored and other evidence still decides', async () => {
    const deps = memoryDependencies();
    const { ref } = await openThread(deps);
    const forgedAddress = `support+${ref.toLowerCase()}.aaaaaaaaaa@example.com`;
    const result = await ingestMail(receive(deps, rawMail({ from: 'jane@customer.example.org', to: forgedAddress, subject: 'x', body: 'x', headers: { References: '<open@customer.example.org>' } }), { recipients: [forgedAddress] }), deps);
    expect(result).toMatchObject({ disposition: 'follow-up', threadRef: ref });
    expect(result.reasons.map(renderReason).join()).toContain('signature invalid');
  });

  it('an out-of-office reply to our acknowledgement joins the thread but does not hand the move back to us', async () => {
    const deps = memoryDependencies();
    const { ref, ack } = await openThread(deps);
    deps.threads.threads.get(ref)!.status = 'awaiting-customer';
    const oof = rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Automatic reply: Re: Kettle', body: 'I am away', headers: { 'In-Reply-To': `<${deps.mailer.wireMessageIdOf(ack)}>`, 'Auto-Submitted': 'auto-replied' } });
    const result = await ingestMail(receive(deps, oof), deps);
    expect(result).toMatchObject({ disposition: 'machine-mail', threadRef: ref, acknowledge: false });
    expect(deps.threads.threads.get(ref)!.status).toBe('awaiting-customer');
    expect(deps.mailer.sent).toHaveLength(1);
  });
});

describe('the per-sender acknowledgement limit', () => {
  it('answers the first three new threads of a sender in a day, then threads the rest silently', async () => {
    const deps = memoryDependencies();
    const results = [];
    for (let index = 0; index < 5; index++) {
      results.push(await ingestMail(receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: `Question ${index}`, body: 'x', messageId: `q${index}@customer.example.org` })), deps));
    }
    expect(results.map((result) => result.acknowledge)).toEqual([true, true, true, false, false]);
    expect(results.map((result) => result.disposition)).toEqual(['new-thread', 'new-thread', 'new-thread', 'unacknowledged', 'unacknowledged']);
    expect(results[3]!.reasons.map(renderReason).join()).toContain('rate-limited');
    expect(deps.threads.threads.size).toBe(5);
    expect(deps.mailer.sent).toHaveLength(3);
  });
});

describe('suppressed senders', () => {
  it('are threaded but never acknowledged', async () => {
    const deps = memoryDependencies();
    deps.threads.suppressed.add('jane@customer.example.org');
    const result = await ingestMail(receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'x' })), deps);
    expect(result).toMatchObject({ disposition: 'unacknowledged', acknowledge: false });
    expect(deps.threads.threads.size).toBe(1);
    expect(deps.mailer.sent).toHaveLength(0);
  });
});
