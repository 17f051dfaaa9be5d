import { describe, expect, it } from 'vitest';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { recordHelpdeskReply } from '../../lambdas/core/agent-events.js';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { configWith, memoryDependencies, rawMail, receive } from '../support/fixtures.js';

async function customerThread(deps = memoryDependencies()) {
  await ingestMail(receive(deps, rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'Kettle leaks', body: 'It leaks.', messageId: 'root@customer.example.org', headers: { Cc: 'Bob <bob@customer.example.org>' } })), deps);
  const routed = deps.routing.sent.at(-1)!.message;
  return { deps, ref: routed.threadRef, threadAddress: routed.threadAddress };
}

const agentReply = (threadAddress: string, fields: Partial<Parameters<typeof rawMail>[0]> = {}) =>
  rawMail({
    from: 'Mei Chen <mei.chen@mail.example.com>',
    to: threadAddress,
    subject: 'Re: [RL] Kettle leaks',
    body: 'Hello Jane,\n\nWe will send you a new kettle today.\n\n> ----- Replyline -----\n> Thread: RL-XXXXXX\n> ----- end Replyline -----\n> It leaks.',
    messageId: 'agent-1@mail.example.com',
    ...fields,
  });

describe('an agent answering from their own mail client', () => {
  it('is relayed to the customer from the support address, under the agent\'s name, threaded and without our block', async () => {
    const { deps, ref, threadAddress } = await customerThread();
    const sentBefore = deps.mailer.sent.length;
    const result = await ingestMail(receive(deps, agentReply(threadAddress), { recipients: [threadAddress], envelopeSender: 'mei.chen@mail.example.com' }), deps);

    expect(result).toMatchObject({ role: 'agent', disposition: 'follow-up', threadRef: ref, acknowledge: false, effectsDone: ['relay', 'announce'] });
    const relay = deps.mailer.sent.at(-1)!;
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
    expect(relay.from).toEqual({ address: 'support@example.com', name: 'Mei Chen (Example Support)' });
    expect(relay.to).toEqual([{ address: 'jane@customer.example.org', name: 'Jane Doe' }]);
    expect(relay.cc).toEqual([{ address: 'bob@customer.example.org', name: '' }]);
    expect(relay.replyTo?.address).toBe(threadAddress);
    expect(relay.inReplyTo).toBe('root@customer.example.org');
    expect(relay.references).toEqual(['root@customer.example.org']);
    expect(relay.subject).toBe(`Re: Kettle leaks [#${ref}]`);
    expect(relay.text).toContain('We will send you a new kettle today.');
    expect(relay.text).not.toContain('Replyline');
    expect(relay.text.trimEnd()).toMatch(/Mei Chen\nExample Support$/);
    expect(relay.headers).not.toHaveProperty('Auto-Submitted');
  });

  it('records the first response: the promise is met, the thread now awaits the customer', async () => {
    const { deps, ref, threadAddress } = await customerThread();
    deps.clock.advance(30 * 60 * 1000);
    await ingestMail(receive(deps, agentReply(threadAddress), { recipients: [threadAddress], receivedAt: deps.clock.now() }), deps);
    const thread = deps.threads.threads.get(ref)!;
    expect(thread).toMatchObject({ status: 'awaiting-customer', agent: 'mei', sla: undefined });
    expect(thread.firstRespondedAt).toEqual(deps.clock.now());
    expect(deps.events.published.at(-1)).toMatchObject({ detailType: 'Agent Replied', detail: { threadRef: ref, agent: 'mei', via: 'mail-relay' } });
    expect(deps.routing.sent).toHaveLength(1);
  });

  it('recognises anyone from a staff domain, signing with their display name', async () => {
    const { deps, threadAddress } = await customerThread(memoryDependencies(configWith({ agentDomains: ['staff.example.com'] })));
    await ingestMail(receive(deps, agentReply(threadAddress, { from: 'Kenji Sato <kenji@staff.example.com>', body: 'Fixed!' }), { recipients: [threadAddress] }), deps);
    expect(deps.mailer.sent.at(-1)!.from.name).toBe('Kenji Sato (Example Support)');
  });

  it('relays the agent\'s attachments', async () => {
    const { deps, threadAddress } = await customerThread();
    const withPdf = [
      'From: Mei Chen <mei.chen@mail.example.com>',
      `To: ${threadAddress}`,
      'Subject: Re: Kettle leaks',
      'Message-ID: <agent-pdf@mail.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'The return label is attached.',
      '--b',
      'Content-Type: application/pdf; name="../../label.pdf"',
      'Content-Disposition: attachment; filename="../../label.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 label').toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    await ingestMail(receive(deps, withPdf, { recipients: [threadAddress] }), deps);
    const parsed = await parseMail(await composeMime(deps.mailer.sent.at(-1)!, deps.rawMail));
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: 'label.pdf', contentType: 'application/pdf', sizeBytes: 14 })]);
  });
});

describe('mail to a thread address that must not be relayed', () => {
  it('a stranger writing to a thread address becomes the customer of a new thread; nothing reaches the first customer', async () => {
    const { deps, ref, threadAddress } = await customerThread();
    const result = await ingestMail(receive(deps, rawMail({ from: 'mallory@elsewhere.example.net', to: threadAddress, subject: 'Your kettle', body: 'Click here' }), { recipients: [threadAddress] }), deps);
    expect(result).toMatchObject({ role: 'customer', disposition: 'new-thread' });
    expect(result.threadRef).not.toBe(ref);
    expect(deps.mailer.sent.filter((mail) => mail.to.some((to) => to.address === 'jane@customer.example.org'))).toHaveLength(1); // only her own acknowledgement
  });

  it('an agent writing to the plain support address is handled as a customer mail and not relayed', async () => {
    const { deps } = await customerThread();
    const result = await ingestMail(receive(deps, agentReply('support@example.com')), deps);
    expect(result.role).toBe('customer');
    expect(result.reasons.join()).toContain('agent-mail');
  });
});

describe('Agent Replied events from an outside help desk', () => {
  it('record the first response once, however often they are delivered', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
    const detail = { version: 1 as const, threadRef: ref, agent: 'helpdesk:42', repliedAt: '2026-11-24T03:00:00.000Z', via: 'helpdesk' as const };
    expect(await recordHelpdeskReply(detail, deps)).toBe('recorded');
    const after = structuredClone(deps.threads.threads.get(ref)!);
    expect(after).toMatchObject({ status: 'awaiting-customer', sla: undefined });
    expect(after.firstRespondedAt?.toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(await recordHelpdeskReply(detail, deps)).toBe('already-recorded');
    expect(deps.threads.threads.get(ref)!.version).toBe(after.version);
    expect(await recordHelpdeskReply({ ...detail, threadRef: 'RL-ZZZZZZ' }, deps)).toBe('unknown-thread');
  });
});

describe('a promise already reported broken', () => {
  it('is followed by SLA Recovered when an agent finally answers (relay)', async () => {
    const { deps, ref, threadAddress } = await customerThread();
    const thread = deps.threads.threads.get(ref)!;
    thread.sla = { ...thread.sla!, warnedAt: thread.sla!.warnAt, breachedAt: thread.sla!.dueAt };
    const late = new Date(thread.sla.dueAt.getTime() + 45 * 60_000);
    deps.clock.set(late.toISOString());
    await ingestMail(receive(deps, agentReply(threadAddress), { recipients: [threadAddress], receivedAt: late }), deps);
    const recovered = deps.events.published.find((event) => event.detailType === 'SLA Recovered');
    expect(recovered).toMatchObject({ detail: { threadRef: ref, target: 'firstResponse', minutesOverdue: 45, customer: 'j***@customer.example.org' } });
  });

  it('is followed by SLA Recovered when a help desk reports the reply, once', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
    const thread = deps.threads.threads.get(ref)!;
    thread.sla = { ...thread.sla!, breachedAt: thread.sla!.dueAt };
    const repliedAt = new Date(thread.sla.dueAt.getTime() + 10 * 60_000).toISOString();
    const detail = { version: 1 as const, threadRef: ref, repliedAt, via: 'helpdesk' as const };
    await recordHelpdeskReply(detail, deps);
    await recordHelpdeskReply(detail, deps);
    expect(deps.events.published.filter((event) => event.detailType === 'SLA Recovered')).toHaveLength(1);
  });
});
