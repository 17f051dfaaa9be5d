import { DELIVER_EFFECTS } from '../../lambdas/core/deliver-effects.js';
import { describe, expect, it } from 'vitest';
import { applySendingFeedback } from '../../lambdas/core/feedback.js';
import { parseFeedbackBody } from '../../lambdas/schemas/ses-feedback.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { fixedClock, MemorySendingLog } from '../support/memory-ports.js';
import { memoryDependencies, rawMail, receive } from '../support/fixtures.js';

const mail = { messageId: 'ses-1', timestamp: '2026-11-24T02:00:00Z', tags: { 'replyline-key': ['abc123'] } };
const envelope = (event: object) => JSON.stringify({ Type: 'Notification', Message: JSON.stringify(event) });

describe('SES sending feedback', () => {
  const deps = () => ({ log: new MemorySendingLog(), clock: fixedClock('2026-11-24T02:00:00Z') });

  it('suppresses the recipients of a permanent bounce and of a complaint', async () => {
    const d = deps();
    await applySendingFeedback(parseFeedbackBody(envelope({ eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: 'Gone@Customer.example.org' }], timestamp: 't' } })), d);
    await applySendingFeedback(parseFeedbackBody(envelope({ notificationType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: 'angry@customer.example.org' }], timestamp: 't' } })), d);
    expect([...d.log.suppressed]).toEqual([
      ['gone@customer.example.org', 'bounce: NoEmail'],
      ['angry@customer.example.org', 'complaint: abuse'],
    ]);
  });

  it('does not suppress on a transient bounce (mailbox full, greylisting)', async () => {
    const d = deps();
    const outcome = await applySendingFeedback(parseFeedbackBody(envelope({ eventType: 'Bounce', mail, bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'full@customer.example.org' }], timestamp: 't' } })), d);
    expect(outcome.kind).toBe('ignored');
    expect(d.log.suppressed.size).toBe(0);
  });

  it('records Send events in the sent-log by their tracking tag', async () => {
    const d = deps();
    await applySendingFeedback(parseFeedbackBody(envelope({ eventType: 'Send', mail, send: {} })), d);
    expect(await d.log.sentFor('abc123')).toBe('ses-1');
  });
});

describe('a worker that died after sending, before recording', () => {
  it('is taken over without sending the acknowledgement again: the sent-log says it went out', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'x', messageId: 'crash@customer.example.org' }));
    const complete = deps.threads.completeEffects.bind(deps.threads);
    const release = deps.threads.releaseEffect.bind(deps.threads);
    // The crash: the ack is sent, then the process dies before recording it (no release either).
    deps.threads.completeEffects = async (key, effects, sent) => {
      if (effects.includes('acknowledge')) throw new Error('process killed');
      return complete(key, effects, sent);
    };
    deps.threads.releaseEffect = async () => undefined;
    await expect(ingestMail(envelope, deps)).rejects.toThrow('process killed');
    expect(deps.mailer.sent).toHaveLength(1);

    deps.threads.completeEffects = complete;
    deps.threads.releaseEffect = release;
    deps.clock.advance(3 * 60_000); // the dead worker's lease has run out
    const retry = await ingestMail(envelope, deps);
    expect(retry.effectsDone).toContain('acknowledge');
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.threads.processing.get(retry.dedupeKey)!.pending.filter((effect) => !(DELIVER_EFFECTS as readonly string[]).includes(effect))).toEqual([]);
  });

  it('is not sent twice when SES accepted the mail but its answer was lost (a clean-looking failure)', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'x', messageId: 'lost-answer@customer.example.org' }));
    const send = deps.mailer.send.bind(deps.mailer);
    deps.mailer.send = async (mail) => {
      await send(mail);
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    };
    await expect(ingestMail(envelope, deps)).rejects.toThrow('socket hang up');
    deps.mailer.send = send;
    // The mail may have gone out: its claim is kept, so an immediate redelivery does not resend it…
    await expect(ingestMail(envelope, deps)).rejects.toThrow(/another delivery of this mail is performing "acknowledge"/);
    // …and once the claim runs out, the sent-log (SES's Send event) shows it was sent.
    deps.clock.advance(3 * 60_000);
    await ingestMail(envelope, deps);
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('sends it when the worker died before sending (nothing in the sent-log)', async () => {
    const deps = memoryDependencies();
    const envelope = receive(deps, rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'x', messageId: 'crash2@customer.example.org' }));
    const send = deps.mailer.send.bind(deps.mailer);
    deps.mailer.send = async () => {
      throw new Error('process killed');
    };
    deps.threads.releaseEffect = async () => undefined;
    await expect(ingestMail(envelope, deps)).rejects.toThrow('process killed');
    deps.mailer.send = send;
    deps.clock.advance(3 * 60_000);
    await ingestMail(envelope, deps);
    expect(deps.mailer.sent).toHaveLength(1);
  });
});
