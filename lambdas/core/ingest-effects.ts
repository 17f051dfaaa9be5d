import type { SentRecord, EventPublisher, MailParser, RawMailStore, RoutingQueue, Secrets } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { reasonCodes } from '../schemas/reasons.js';
import { composeAcknowledgement } from './acknowledgement.js';
import { identifyAgent } from './agents.js';
import { runClaimedEffects, type EffectHandlers, type EffectRunnerDependencies, type SendAttempt } from './effect-runner.js';
import type { DomainEvent } from './events.js';
import { suggestFaq } from './faq.js';
import { maskAddress, type InboundMail, type RawMailLocation } from './mail.js';
import type { InboundProcessing, SideEffect, ThreadRecord } from './records.js';
import { threadedOf } from './inbound-records.js';
import { composeRelay } from './relay.js';
import { buildRoutingMessage } from './routing.js';
import { sendOnce, type SentOnce, type SendingDependencies } from './send-once.js';
import { resolveServiceAddress, splitSubaddress } from './service-address.js';
import type { SlaPolicy } from './sla-policy.js';
import { slaRecovered } from './sla/sla-events.js';
import { threadAddress } from './threading.js';

/** What every function that performs side effects of a recorded mail needs (ingest, deliver). */
export interface EffectDependencies extends EffectRunnerDependencies, SendingDependencies {
  rawMail: RawMailStore;
  parser: MailParser;
  events: EventPublisher;
  secrets: Secrets;
  config: ReplylineConfig;
  slaPolicy: SlaPolicy;
  instanceId: string;
}

/** What ingest needs besides: the team queues the `route` effect sends to. */
export interface IngestDependencies extends EffectDependencies {
  routing: RoutingQueue;
}

/** The effects the ingest function performs; `deliver` belongs to the deliver function. */
export const INGEST_EFFECTS: readonly SideEffect[] = ['acknowledge', 'relay', 'route', 'announce'];

interface EffectContext {
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

/** An effect's view of the mail: the recorded mail, its thread, and what to act with. */
interface IngestEffect extends EffectContext {
  thread: ThreadRecord | undefined;
  deps: IngestDependencies;
}

/** How ingest performs each of its effects; all four are claimed (the run that records a mail takes the claims with it). */
const INGEST_HANDLERS: EffectHandlers<IngestEffect> = {
  acknowledge: { claimed: true, perform: (effect, { attempt }) => sendAcknowledgement(effect, attempt) },
  relay: { claimed: true, perform: (effect, { attempt }) => sendRelay(effect, attempt) },
  route: { claimed: true, perform: async (effect) => void (await route(effect)) },
  announce: { claimed: true, perform: async ({ processing, thread, deps }) => void (await deps.events.publish(announcements(processing, thread, deps.config.alerts))) },
};

/**
 * Runs the still-pending effects of a recorded mail by the claimed-effect runner: the
 * acknowledgement or relay, the routing to the team, the events. The run that recorded the mail
 * took every claim with the record, so a new mail costs no claim requests.
 */
export async function finishEffects(context: EffectContext, deps: IngestDependencies, fresh?: FreshRecord): Promise<SideEffect[]> {
  const { processing } = context;
  const owed = processing.pending.filter((pending) => INGEST_EFFECTS.includes(pending));
  if (!owed.length) return [];
  const thread = fresh ? fresh.thread : processing.threadRef ? await deps.threads.getThread(processing.threadRef) : undefined;
  if (processing.threadRef && !thread) throw new Error(`thread ${processing.threadRef} is missing although its mail was recorded`);
  return runClaimedEffects({ dedupeKey: processing.dedupeKey, owed, claimedUntil: fresh?.claimedUntil }, INGEST_HANDLERS, { ...context, thread, deps }, deps);
}

async function sendAcknowledgement({ processing, mail, thread, deps }: IngestEffect, attempt: SendAttempt): Promise<SentRecord> {
  if (!thread || !mail) throw new Error('"acknowledge" is owed but the thread or the mail is missing');
  const service = resolveServiceAddress([thread.serviceAddress], deps.config);
  if (!service) throw new Error(`the address ${maskAddress(thread.serviceAddress)} is no longer configured`);
  const ack = composeAcknowledgement({
    mail,
    thread,
    service,
    dedupeKey: processing.dedupeKey,
    config: deps.config,
    instanceId: deps.instanceId,
    threadAddress: await replyAddressOf(thread, deps),
    timeZone: deps.slaPolicy.calendarFor(thread.priority, thread.team).calendar.timeZone,
    faq: suggestFaq(`${mail.subject}\n${mail.text}`, thread.replyLanguage, deps.config),
  });
  return sentRecord('acknowledge', await sendOnce(ack, deps, attempt), thread, processing, deps);
}

async function sendRelay({ processing, mail, thread, rawMail, deps }: IngestEffect, attempt: SendAttempt): Promise<SentRecord> {
  if (!thread || !mail) throw new Error('"relay" is owed but the thread or the mail is missing');
  const sender = mail.from ?? { address: processing.sender, name: '' };
  const agent = identifyAgent(sender.address, sender.name, deps.config);
  if (!agent) throw new Error('a relay is owed but the sender is no longer an agent');
  const relay = composeRelay({ thread, reply: mail, replyLocation: rawMail, agent, config: deps.config, threadAddress: await replyAddressOf(thread, deps), dedupeKey: processing.dedupeKey, instanceId: deps.instanceId });
  const sent = await sendOnce(relay, deps, attempt);
  noteSentReasons(processing, sent);
  return sentRecord('relay', sent, thread, processing, deps);
}

function sentRecord(effect: SideEffect, sent: SentOnce, thread: ThreadRecord, processing: InboundProcessing, deps: IngestDependencies): SentRecord {
  return { effect, sentMessageIds: sent.wireMessageIds, threadRef: thread.ref, at: deps.clock.now(), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
}

async function route({ processing, mail, thread, rawMail, receivedAt, deps }: IngestEffect): Promise<void> {
  if (!thread || !mail) throw new Error('"route" is owed but the thread or the mail is missing');
  const history = await deps.threads.customerHistory(thread.customer.address, 6);
  const message = buildRoutingMessage({ processing, thread, mail, rawMail, receivedAt, threadAddress: await replyAddressOf(thread, deps), history });
  await deps.routing.send(thread.team, message);
}

async function replyAddressOf(thread: ThreadRecord, deps: Pick<IngestDependencies, 'secrets'>): Promise<string> {
  return threadAddress(thread.ref, splitSubaddress(thread.serviceAddress).base, await deps.secrets.threadAddressKey());
}

/**
 * Adds what a sent mail left out, and why, to the reasons of this run's processing (once per code):
 * ingest returns them and logs their codes. A withholding foreseen when the mail was recorded is
 * already among the stored reasons; one SES forced at send time is only in this run's.
 */
function noteSentReasons(processing: InboundProcessing, sent: SentOnce): void {
  for (const reason of sent.mail.reasons ?? []) if (!processing.reasons.some((known) => known.code === reason.code)) processing.reasons.push(reason);
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
        disposition: threadedOf(processing.disposition),
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
