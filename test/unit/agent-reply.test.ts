import { describe, expect, it } from 'vitest';
import { renderReason } from '../../lambdas/schemas/reasons.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { recordHelpdeskClose, recordHelpdeskReply } from '../../lambdas/core/agent-events.js';
import { createAgentEventsHandler } from '../../lambdas/handlers/agent-events.js';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { RELAY_REFUSED_REASON } from '../../lambdas/core/message-size.js';
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
    expect(thread).toMatchObject({ status: 'awaiting-customer', agent: 'mei', slaClock: undefined });
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

const MiB = 1024 * 1024;

/** An agent's reply with a PDF and a zip attached. */
function replyWithAttachments(threadAddress: string): string {
  const part = (filename: string, type: string) =>
    ['--b', `Content-Type: ${type}; name="${filename}"`, `Content-Disposition: attachment; filename="${filename}"`, 'Content-Transfer-Encoding: base64', '', Buffer.from(`${filename} content`).toString('base64')];
  return [
    'From: Mei Chen <mei.chen@mail.example.com>',
    `To: ${threadAddress}`,
    'Subject: Re: Kettle leaks',
    'Message-ID: <agent-big@mail.example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'The manual and the firmware are attached.',
    ...part('manual.pdf', 'application/pdf'),
    ...part('firmware.zip', 'application/zip'),
    '--b--',
    '',
  ].join('\r\n');
}

describe('an agent\'s reply with attachments too large to send by mail', () => {
  it('is relayed without them, telling the customer the agent will share them another way, with a reason', async () => {
    const { deps, threadAddress } = await customerThread();
    // The parser reports the attachments as 2 × 18 MB (no need to hold 36 MB in a unit test).
    deps.parser = {
      parse: async (raw) => {
        const mail = await parseMail(raw);
        return mail.messageId === 'agent-big@mail.example.com' ? { ...mail, attachments: mail.attachments.map((attachment) => ({ ...attachment, sizeBytes: 18 * MiB })) } : mail;
      },
    };
    const sentBefore = deps.mailer.sent.length;
    const result = await ingestMail(receive(deps, replyWithAttachments(threadAddress), { recipients: [threadAddress] }), deps);

    expect(result.effectsDone).toEqual(['relay', 'announce']);
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
    const relay = deps.mailer.sent.at(-1)!;
    expect(relay.attachments).toEqual([]);
    expect(relay.text).toContain('The manual and the firmware are attached.');
    expect(relay.text).toContain('The attachments of this reply (2 files, 36.0 MB) were too large to send by mail. Mei Chen will share them with you another way.');
    expect(result.reasons).toContainEqual({ code: 'relay-attachments-withheld', detail: expect.stringMatching(/^2 attachments \(36\.0 MB\) would make the relay up to 4\d\.\d MB; SES sends at most 40\.0 MB per message$/) });
    expect(result.reasons.filter(({ code }) => code === 'relay-attachments-withheld')).toHaveLength(1);
    // Stored with the reply, not only logged.
    expect(deps.threads.processing.get(result.dedupeKey)!.reasons.some(({ code }) => code === 'relay-attachments-withheld')).toBe(true);
    const parsed = await parseMail(await composeMime(relay, deps.rawMail));
    expect(parsed.attachments).toEqual([]);
  });

  it('when SES still refuses the relay as too large, sends it once more without the attachments: one mail, no retry loop', async () => {
    const { deps, threadAddress } = await customerThread();
    deps.mailer.tooLarge = (mail) => (mail.attachments ?? []).length > 0;
    const sentBefore = deps.mailer.sent.length;
    const result = await ingestMail(receive(deps, replyWithAttachments(threadAddress), { recipients: [threadAddress] }), deps);

    expect(result.effectsDone).toEqual(['relay', 'announce']);
    expect(deps.mailer.refusedAsTooLarge).toHaveLength(1);
    expect(deps.mailer.sent.length - sentBefore).toBe(1);
    const relay = deps.mailer.sent.at(-1)!;
    expect(relay.attachments).toEqual([]);
    expect(relay.messageId).toBe(deps.mailer.refusedAsTooLarge[0]!.messageId);
    expect(relay.text).toMatch(/The attachments of this reply \(2 files, 1 KB\) were too large to send by mail\. Mei Chen will share them with you another way\./);
    expect(result.reasons).toContain(RELAY_REFUSED_REASON);
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
    expect(result.reasons.map(renderReason).join()).toContain('agent-mail');
  });
});

describe('Agent Replied events from an outside help desk', () => {
  it('record the first response once, however often they are delivered', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
    const detail = { version: 1 as const, threadRef: ref, agent: 'helpdesk:42', repliedAt: '2026-11-24T03:00:00.000Z', via: 'helpdesk' as const };
    expect(await recordHelpdeskReply(detail, deps)).toBe('recorded');
    const after = structuredClone(deps.threads.threads.get(ref)!);
    expect(after).toMatchObject({ status: 'awaiting-customer', slaClock: undefined });
    expect(after.firstRespondedAt?.toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(await recordHelpdeskReply(detail, deps)).toBe('already-recorded');
    expect(deps.threads.threads.get(ref)!.version).toBe(after.version);
    expect(await recordHelpdeskReply({ ...detail, threadRef: 'RL-ZZZZZZ' }, deps)).toBe('unknown-thread');
  });
});

describe('Thread Closed events from an outside help desk', () => {
  it('stop the promise once, however often they are delivered; the customer writing again reopens the thread', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
    const detail = { version: 1 as const, threadRef: ref, agent: 'kim', closedAt: '2026-11-24T03:00:00.000Z' };
    expect(await recordHelpdeskClose(detail, deps)).toBe('recorded');
    const closed = structuredClone(deps.threads.threads.get(ref)!);
    expect(closed).toMatchObject({ status: 'closed', slaClock: undefined, closed: { at: new Date(detail.closedAt), by: 'kim' } });
    expect(await recordHelpdeskClose(detail, deps)).toBe('already-recorded');
    expect(deps.threads.threads.get(ref)!.version).toBe(closed.version);
    expect(await recordHelpdeskClose({ ...detail, threadRef: 'RL-ZZZZZZ' }, deps)).toBe('unknown-thread');

    deps.clock.set('2026-11-24T05:00:00.000Z');
    await ingestMail(receive(ingestDeps, rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: `Re: Kettle leaks [#${ref}]`, body: 'It leaks again.', messageId: 'again@customer.example.org', headers: { 'In-Reply-To': '<root@customer.example.org>' } }), { receivedAt: new Date('2026-11-24T05:00:00.000Z') }), ingestDeps);
    const reopened = deps.threads.threads.get(ref)!;
    expect(reopened).toMatchObject({ status: 'awaiting-agent', closed: undefined, slaClock: { target: 'nextReply' } });
    expect(deps.threads.messages.at(-1)!.reasons).toContainEqual({ code: 'sla-restarted', detail: 'closed thread reopened; next-reply clock started' });
  });

  it('leave the thread open when the customer wrote after it was closed there', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
    const before = deps.threads.threads.get(ref)!;
    const closedAt = new Date(before.lastInboundAt.getTime() - 60_000).toISOString();
    expect(await recordHelpdeskClose({ version: 1, threadRef: ref, closedAt }, deps)).toBe('superseded');
    expect(deps.threads.threads.get(ref)).toMatchObject({ status: 'awaiting-agent', version: before.version });
  });
});

describe('the agent-events function (help-desk events through their SQS queue)', () => {
  /** An SQS record whose body is the whole EventBridge event, as an EventBridge → SQS target delivers it. */
  const record = (id: string, event: unknown) => ({ messageId: id, body: typeof event === 'string' ? event : JSON.stringify(event), attributes: { ApproximateReceiveCount: '1' } });
  const agentReplied = (source: string, threadRef: string) => ({
    version: '0',
    id: `event-${source}`,
    'detail-type': 'Agent Replied',
    source,
    account: '123456789012',
    time: '2026-11-24T03:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: { version: 1, threadRef, agent: 'kim', repliedAt: '2026-11-24T03:00:00.000Z', via: 'helpdesk' },
  });

  it('records an allowed help desk\'s reply and close, ignores other sources, and fails only a malformed record of the batch', async () => {
    const { deps: ingestDeps, ref } = await customerThread();
    const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts, allowedSources: ['helpdesk.example'] };
    const handler = createAgentEventsHandler(() => deps);
    await ingestMail(receive(ingestDeps, rawMail({ from: 'Ana <ana@customer.example.org>', to: 'support@example.com', subject: 'Lid broken', body: 'The lid broke.', messageId: 'other@customer.example.org' })), ingestDeps);
    const stranger = { ref: ingestDeps.routing.sent.at(-1)!.message.threadRef };
    expect(stranger.ref).not.toBe(ref);
    const result = await handler({
      Records: [record('ok', agentReplied('helpdesk.example', ref)), record('not-allowed', agentReplied('someone.else', stranger.ref)), record('broken', '{"detail-type":"Agent Replied"}')],
    } as never);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'broken' }]);
    expect(deps.threads.threads.get(ref)).toMatchObject({ status: 'awaiting-customer' });
    const closing = { ...agentReplied('helpdesk.example', ref), 'detail-type': 'Thread Closed', detail: { version: 1, threadRef: ref, closedAt: '2026-11-24T03:10:00.000Z' } };
    expect((await handler({ Records: [record('close', closing)] } as never)).batchItemFailures).toEqual([]);
    expect(deps.threads.threads.get(ref)).toMatchObject({ status: 'closed' });
    // A source outside helpdesk.eventSources cannot stop a clock.
    expect(deps.threads.threads.get(stranger.ref)).toMatchObject({ status: 'awaiting-agent' });
  });
});

/** A customer's thread whose first-response promise the sweeper already reported broken. */
async function breachedThread() {
  const { deps: ingestDeps, ref, threadAddress } = await customerThread();
  const deps = { ...ingestDeps, alerts: ingestDeps.config.alerts };
  const thread = deps.threads.threads.get(ref)!;
  thread.slaClock = { ...thread.slaClock!, warnedAt: thread.slaClock!.warnAt, breachedAt: thread.slaClock!.dueAt };
  const minutesLate = (minutes: number) => new Date(thread.slaClock!.dueAt.getTime() + minutes * 60_000);
  /** An agent's mail to the thread address, `minutes` after the promise was due. */
  const lateRelay = (minutes: number) => {
    deps.clock.set(minutesLate(minutes).toISOString());
    return receive(deps, agentReply(threadAddress), { recipients: [threadAddress], receivedAt: minutesLate(minutes) });
  };
  /** A help desk's Agent Replied, `minutes` after the promise was due. */
  const lateHelpdeskReply = (minutes: number) => ({ version: 1 as const, threadRef: ref, repliedAt: minutesLate(minutes).toISOString(), via: 'helpdesk' as const });
  return { deps, ref, lateRelay, lateHelpdeskReply };
}
const recoveries = (deps: { events: { published: { detailType: string }[] } }) => deps.events.published.filter((event) => event.detailType === 'SLA Recovered');
function failingPublish(deps: { events: { publish: (...args: never[]) => Promise<void> } }): () => void {
  const publish = deps.events.publish;
  deps.events.publish = async () => {
    throw new Error('EventBridge unavailable');
  };
  return () => {
    deps.events.publish = publish;
  };
}

describe('a promise already reported broken', () => {
  it('is followed by SLA Recovered when an agent finally answers (relay)', async () => {
    const { deps, ref, lateRelay } = await breachedThread();
    await ingestMail(lateRelay(45), deps);
    expect(recoveries(deps)).toMatchObject([{ detail: { threadRef: ref, target: 'firstResponse', minutesOverdue: 45, customer: 'j***@customer.example.org' } }]);
  });

  it('is followed by SLA Recovered when a help desk reports the reply, once', async () => {
    const { deps, lateHelpdeskReply } = await breachedThread();
    await recordHelpdeskReply(lateHelpdeskReply(10), deps);
    await recordHelpdeskReply(lateHelpdeskReply(10), deps);
    expect(recoveries(deps)).toHaveLength(1);
  });
});

describe('a late reply whose SLA Recovered could not be published', () => {
  it('is published by the redelivered Agent Replied, once, and then forgotten', async () => {
    const { deps, ref, lateHelpdeskReply } = await breachedThread();
    const detail = lateHelpdeskReply(10);
    const restore = failingPublish(deps);
    await expect(recordHelpdeskReply(detail, deps)).rejects.toThrow('EventBridge unavailable');
    // The reply is recorded and the event it owes is kept with it.
    expect(deps.threads.threads.get(ref)).toMatchObject({ status: 'awaiting-customer', owedRecovery: { repliedAt: new Date(detail.repliedAt) } });
    expect(recoveries(deps)).toHaveLength(0);

    restore();
    expect(await recordHelpdeskReply(detail, deps)).toBe('already-recorded');
    expect(recoveries(deps)).toMatchObject([{ detail: { threadRef: ref, target: 'firstResponse', minutesOverdue: 10 } }]);
    expect(deps.threads.threads.get(ref)!.owedRecovery).toBeUndefined();
    await recordHelpdeskReply(detail, deps);
    expect(recoveries(deps)).toHaveLength(1);
  });

  it('is published by the redelivered mail when the relay\'s announce failed', async () => {
    const { deps, ref, lateRelay } = await breachedThread();
    const delivery = lateRelay(45);
    const restore = failingPublish(deps);
    await expect(ingestMail(delivery, deps)).rejects.toThrow('EventBridge unavailable');
    restore();
    await ingestMail(delivery, deps);
    await ingestMail(delivery, deps);
    expect(recoveries(deps)).toMatchObject([{ detail: { threadRef: ref, target: 'firstResponse', minutesOverdue: 45 } }]);
  });
});
