import { reasonCodes } from '../schemas/reasons.js';
import { MailNotSentError, type SentRecord, type Clock, type EventPublisher, type Mailer, type MailParser, type RawMailStore, type RoutingQueue, type Secrets, type SentMail, type ThreadStore } from '../ports/index.js';
import type { ReplylineConfig } from '../schemas/config.js';
import type { SlaPolicy } from './sla-policy.js';
import type { SendingLog } from './feedback.js';
import type { OutgoingMail } from './outgoing.js';
import { composeAcknowledgement } from './acknowledgement.js';
import { identifyAgent } from './agents.js';
import type { DomainEvent } from './events.js';
import { suggestFaq } from './faq.js';
import { maskAddress, type InboundMail, type RawMailLocation } from './mail.js';
import { MAIL_EFFECTS, type InboundProcessing, type SideEffect, type ThreadRecord } from './records.js';
import { slaRecovered } from './sla/sla-events.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { MailTooLargeError } from './message-size.js';
import { composeRelay } from './relay.js';
import { buildRoutingMessage } from './routing.js';
import { resolveServiceAddress, splitSubaddress } from './service-address.js';
import { threadAddress } from './threading.js';

/** What every function that performs side effects of a recorded mail needs (ingest, deliver). */
export interface EffectDependencies {
  rawMail: RawMailStore;
  parser: MailParser;
  threads: ThreadStore;
  mailer: Mailer;
  events: EventPublisher;
  secrets: Secrets;
  clock: Clock;
  config: ReplylineConfig;
  sla: SlaPolicy;
  sendingLog: SendingLog;
  instanceId: string;
  /**
   * How long a claimed side effect stays claimed (default 2 min): longer than the function's
   * timeout (a live holder is never overtaken), shorter than the queue's redeliveries last.
   */
  effectLeaseMs?: number;
}

/** What ingest needs besides: the team queues the `route` effect sends to. */
export interface IngestDependencies extends EffectDependencies {
  routing: RoutingQueue;
}

/** Longer than any single send takes; an expired lease means its holder died. */
export const EFFECT_LEASE_MS = 2 * 60 * 1000;

/** The effects the ingest function performs; `deliver` belongs to the deliver function. */
export const INGEST_EFFECTS: readonly SideEffect[] = ['acknowledge', 'relay', 'route', 'announce'];

/** Another delivery of the same mail is performing a side effect right now; retrying later finds it done. */
export class EffectBusyError extends Error {
  constructor(
    readonly effect: SideEffect,
    readonly leaseUntil: Date,
  ) {
    super(`another delivery of this mail is performing "${effect}" (lease until ${leaseUntil.toISOString()})`);
    this.name = 'EffectBusyError';
  }
}

export interface EffectContext {
  processing: InboundProcessing;
  mail: InboundMail | undefined;
  rawMail: RawMailLocation;
  receivedAt: Date;
}

/** What the run that just recorded a mail already knows: its thread as written, and the claim on its mail effects. */
export interface FreshRecord {
  thread: ThreadRecord | undefined;
  claimedUntil: Date | undefined;
}

/**
 * Runs the still-pending effects of a recorded mail, then records them done in one write. Each is
 * claimed with a lease first, so concurrent deliveries never both perform it, and released if it
 * fails unless its mail may have gone out (releaseUnlessSent). The run that recorded the mail took
 * every claim with the record, so a new mail costs no claim requests. If a later effect fails, the
 * earlier ones are still recorded done.
 */
export async function finishEffects(context: EffectContext, deps: IngestDependencies, fresh?: FreshRecord): Promise<SideEffect[]> {
  const { processing } = context;
  const owed = processing.pending.filter((pending) => INGEST_EFFECTS.includes(pending));
  if (!owed.length) return [];
  const thread = fresh ? fresh.thread : processing.threadRef ? await deps.threads.getThread(processing.threadRef) : undefined;
  if (processing.threadRef && !thread) throw new Error(`thread ${processing.threadRef} is missing although its mail was recorded`);

  const held = new Map<SideEffect, { leaseUntil: Date; attempt: SendAttempt }>();
  // Under claims taken with the record nothing can have been sent before: the sent-log is not asked.
  if (fresh?.claimedUntil) for (const effect of owed) held.set(effect, { leaseUntil: fresh.claimedUntil, attempt: { mayHaveSent: false, sentLogMayKnow: false } });
  const done: SideEffect[] = [];
  let sent: SentRecord | undefined;
  let recording = false;
  try {
    for (const effect of owed) {
      let claim = held.get(effect);
      if (!claim) {
        const taken = await deps.threads.claimEffect(processing.dedupeKey, effect, deps.clock.now(), deps.effectLeaseMs ?? EFFECT_LEASE_MS);
        if (taken.status === 'done') continue;
        if (taken.status === 'busy') throw new EffectBusyError(effect, taken.leaseUntil);
        claim = { leaseUntil: taken.leaseUntil, attempt: { mayHaveSent: false, sentLogMayKnow: true } };
        held.set(effect, claim);
      }
      if (MAIL_EFFECTS.includes(effect)) sent = await sendMailEffect(effect, context, thread, deps, claim.attempt);
      else await performEffect(effect, context, thread, deps);
      done.push(effect);
    }
    recording = true;
    await deps.threads.completeEffects(processing.dedupeKey, done, sent);
    return done;
  } catch (error) {
    // What was done is recorded (unless that write is what failed), and every other claim given
    // back for the retry, except one whose mail may have gone out (releaseUnlessSent).
    const recorded = !recording && (await deps.threads.completeEffects(processing.dedupeKey, done, sent).then(() => true, () => false));
    for (const [effect, claim] of held) if (!(recorded && done.includes(effect))) await releaseUnlessSent(processing.dedupeKey, effect, claim.leaseUntil, claim.attempt, deps);
    throw error;
  }
}

async function sendMailEffect(effect: SideEffect, context: EffectContext, thread: ThreadRecord | undefined, deps: IngestDependencies, attempt: SendAttempt): Promise<SentRecord> {
  const { processing, mail } = context;
  if (!thread || !mail) throw new Error(`"${effect}" is owed but the thread or the mail is missing`);
  const replyAddress = await replyAddressOf(thread, deps);
  let sent: SentOnce;
  if (effect === 'acknowledge') {
    const service = resolveServiceAddress([thread.serviceAddress], deps.config);
    if (!service) throw new Error(`the address ${maskAddress(thread.serviceAddress)} is no longer configured`);
    const ack = composeAcknowledgement({
      mail,
      thread,
      service,
      dedupeKey: processing.dedupeKey,
      config: deps.config,
      instanceId: deps.instanceId,
      threadAddress: replyAddress,
      timeZone: deps.sla.calendarFor(thread.priority, thread.team).calendar.timeZone,
      faq: suggestFaq(`${mail.subject}\n${mail.text}`, thread.replyLanguage, deps.config),
    });
    sent = await sendOnce(ack, deps, attempt);
  } else if (effect === 'relay') {
    const sender = mail.from ?? { address: processing.sender, name: '' };
    const agent = identifyAgent(sender.address, sender.name, deps.config);
    if (!agent) throw new Error('a relay is owed but the sender is no longer an agent');
    const relay = composeRelay({ thread, reply: mail, replyLocation: context.rawMail, agent, config: deps.config, threadAddress: replyAddress, dedupeKey: processing.dedupeKey, instanceId: deps.instanceId });
    sent = await sendOnce(relay, deps, attempt);
    noteSentReasons(processing, sent);
  } else {
    throw new Error(`ingest does not send "${effect}"`);
  }
  return { effect, sentMessageIds: sent.wireMessageIds, threadRef: thread.ref, at: deps.clock.now(), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
}

async function performEffect(effect: SideEffect, context: EffectContext, thread: ThreadRecord | undefined, deps: IngestDependencies): Promise<void> {
  const { processing, mail } = context;
  if (effect === 'announce') {
    await deps.events.publish(announcements(processing, thread, deps.config.alerts));
    return;
  }
  if (effect === 'route') {
    if (!thread || !mail) throw new Error('"route" is owed but the thread or the mail is missing');
    const history = await deps.threads.customerHistory(thread.customer.address, 6);
    const message = buildRoutingMessage({ processing, thread, mail, rawMail: context.rawMail, receivedAt: context.receivedAt, threadAddress: await replyAddressOf(thread, deps), history });
    await deps.routing.send(thread.team, message);
    return;
  }
  throw new Error(`ingest does not perform "${effect}"`);
}

async function replyAddressOf(thread: ThreadRecord, deps: IngestDependencies): Promise<string> {
  return threadAddress(thread.ref, splitSubaddress(thread.serviceAddress).base, await deps.secrets.threadAddressKey());
}

/** Whether a mail of this effect may have gone out: then its claim is kept (see releaseUnlessSent). */
export interface SendAttempt {
  mayHaveSent: boolean;
  /** False under a claim taken with the mail's record: nothing can have been sent before, so the sent-log is not asked. */
  sentLogMayKnow: boolean;
}

/** What sendOnce sent: the provider's answer, and which mail went out (the mail itself, or its `ifTooLarge`). */
export type SentOnce = SentMail & { mail: OutgoingMail };

/**
 * Sends a mail unless an earlier attempt already did: a worker may have died after
 * sending, or SES may have accepted a request whose answer was lost. The sent-log
 * (SES Send events, tagged with the effect's tracking key) says whether the mail
 * went out, and a sent mail is not sent again. Checked on every attempt, not only
 * after a takeover, because a lost answer looks exactly like a failed send. Notes in
 * `attempt` whether the mail may have gone out.
 *
 * A mail the provider refuses as too large is sent once more as its `ifTooLarge` (without
 * its attachments) instead of failing on every redelivery into the dead-letter queue;
 * the refused one certainly did not go out, and both carry the same tracking key.
 */
export async function sendOnce(mail: OutgoingMail, deps: { mailer: Mailer; sendingLog: SendingLog }, attempt: SendAttempt): Promise<SentOnce> {
  const providerMessageId = attempt.sentLogMayKnow ? await deps.sendingLog.sentFor(mail.trackingKey) : undefined;
  if (providerMessageId) return { ...(await deps.mailer.sentAs(mail, providerMessageId)), mail };
  try {
    return await sendNow(mail, deps.mailer, attempt);
  } catch (error) {
    if (!(error instanceof MailTooLargeError) || !mail.ifTooLarge) throw error;
    return sendNow(mail.ifTooLarge, deps.mailer, attempt);
  }
}

async function sendNow(mail: OutgoingMail, mailer: Mailer, attempt: SendAttempt): Promise<SentOnce> {
  attempt.mayHaveSent = true;
  try {
    return { ...(await mailer.send(mail)), mail };
  } catch (error) {
    if (error instanceof MailNotSentError) attempt.mayHaveSent = false;
    throw error;
  }
}

/**
 * Adds what a sent mail left out, and why, to the reasons of this run's processing (once per code):
 * ingest returns them and logs their codes. A withholding foreseen when the mail was recorded is
 * already among the stored reasons; one SES forced at send time is only in this run's.
 */
export function noteSentReasons(processing: InboundProcessing, sent: SentOnce): void {
  for (const reason of sent.mail.reasons ?? []) if (!processing.reasons.some((known) => known.code === reason.code)) processing.reasons.push(reason);
}

/**
 * After a failure, frees the effect for the next delivery, unless its mail may have gone out
 * (the provider's answer was lost, or a later step failed): then the claim stays until its lease
 * runs out, by which time SES's Send event is in the sent-log and the next delivery finds it
 * there instead of sending the mail again.
 */
export async function releaseUnlessSent(dedupeKey: string, effect: SideEffect, leaseUntil: Date, attempt: SendAttempt, deps: { threads: ThreadStore }): Promise<void> {
  if (attempt.mayHaveSent) return;
  await deps.threads.releaseEffect(dedupeKey, effect, leaseUntil).catch(() => undefined);
}

function announcements(processing: InboundProcessing, thread: ThreadRecord | undefined, alerts: AlertsConfig): DomainEvent[] {
  const codes = reasonCodes(processing.reasons);
  if (!thread) {
    return [
      {
        detailType: 'Message Quarantined',
        detail: { version: 1, receiptId: processing.receiptId, messageKey: processing.dedupeKey, sender: maskAddress(processing.sender || undefined), reasons: codes },
      },
    ];
  }
  if (processing.role === 'agent') {
    const repliedAt = thread.lastAgentReplyAt ?? thread.updatedAt;
    const events: DomainEvent[] = [{ detailType: 'Agent Replied', detail: { version: 1, threadRef: thread.ref, agent: thread.agent, repliedAt: repliedAt.toISOString(), via: 'mail-relay' } }];
    if (processing.recovered) events.push(slaRecovered(thread, processing.recovered, repliedAt, alerts));
    return events;
  }
  const events: DomainEvent[] = [
    {
      detailType: 'Message Received',
      detail: {
        version: 1,
        threadRef: thread.ref,
        messageKey: processing.dedupeKey,
        disposition: processing.disposition === 'quarantine' ? 'ignore' : processing.disposition,
        team: thread.team,
        priority: thread.priority,
        category: thread.category,
        acknowledge: processing.acknowledge,
        customer: maskAddress(thread.customer.address),
        reasons: codes,
      },
    },
  ];
  if (processing.acknowledge) {
    events.push({
      detailType: 'Acknowledgement Sent',
      detail: { version: 1, threadRef: thread.ref, messageKey: processing.dedupeKey, language: thread.replyLanguage, firstReplyDue: thread.firstReplyDue?.toISOString() },
    });
  }
  return events;
}
