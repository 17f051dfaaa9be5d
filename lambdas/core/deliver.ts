import type { HttpClient, SentRecord, Sleeper } from '../ports/index.js';
import type { RoutingMessage } from '../schemas/routing.js';
import type { TeamConfig } from '../schemas/config.js';
import { DELIVER_EFFECTS } from './deliver-effects.js';
import { runClaimedEffects, type EffectHandlers, type SendAttempt } from './effect-runner.js';
import { composeForward } from './forward.js';
import type { EffectDependencies } from './ingest-effects.js';
import type { InboundProcessing } from './records.js';
import { sendOnce } from './send-once.js';
import { signWebhookBody, webhookPayload } from './webhook.js';

export interface DeliverDependencies extends EffectDependencies {
  http: HttpClient;
  sleeper: Sleeper;
}

interface DeliverResult {
  outcome: 'delivered' | 'duplicate';
  destination: 'mailbox' | 'webhook';
}

/** The receiver refused the delivery for good (4xx other than 429): retrying cannot help; it goes to the DLQ with this reason. */
export class PermanentDeliveryError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PermanentDeliveryError';
  }
}

/** Waits between webhook attempts inside one invocation; after these, SQS redelivery takes over. */
const WEBHOOK_BACKOFF_MS = [500, 2000] as const;
const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RETRY_AFTER_MS = 5_000;

/** A routed mail as the deliver effects see it: the message, its team's destination, and what to act with. */
interface Delivery {
  message: RoutingMessage;
  destination: TeamConfig['destination'];
  deps: DeliverDependencies;
}

/** How the deliver function performs its effects: the delivery under a claim; its event unclaimed (consumers dedupe by `eventId`). */
const DELIVER_HANDLERS: EffectHandlers<Delivery> = {
  deliver: { claimed: true, perform: (delivery, { attempt, processing }) => deliver(delivery, attempt, processing) },
  'announce-routed': { claimed: false, perform: async ({ message, destination, deps }) => void (await announceRouted(message, destination.type, deps)) },
};

/**
 * Delivers one routed mail to its team's destination, exactly once per mail as far as we can
 * tell: the `deliver` effect is claimed first (a redelivered or duplicated routing message finds
 * it done), and released on failure unless the forward may have gone out. Its Thread Routed
 * event (`announce-routed`) follows; both are recorded done in one write, and an event whose
 * publishing failed after the delivery is all a retry performs.
 */
export async function deliverRoutedMail(message: RoutingMessage, deps: DeliverDependencies): Promise<DeliverResult> {
  const team = deps.config.teams[message.team];
  if (!team) throw new PermanentDeliveryError(`team "${message.team}" is not configured any more`);
  const { destination } = team;
  const done = await runClaimedEffects({ dedupeKey: message.messageKey, owed: DELIVER_EFFECTS }, DELIVER_HANDLERS, { message, destination, deps }, deps);
  return { outcome: done.includes('deliver') ? 'delivered' : 'duplicate', destination: destination.type };
}

async function deliver({ message, destination, deps }: Delivery, attempt: SendAttempt, processing: InboundProcessing | undefined): Promise<SentRecord | undefined> {
  const mail = await deps.parser.parse(await deps.rawMail.open(message.rawMail));
  if (destination.type === 'webhook') {
    const body = webhookPayload(message, mail, deps.clock.now());
    await postWithRetries(destination.url, body, await deps.secrets.value(destination.secretName), message, deps);
    return undefined;
  }
  if (!processing) throw new Error('the routed mail has no processing record');
  const timeZone = deps.slaPolicy.calendarFor(message.priority, message.team).calendar.timeZone;
  const forward = composeForward({ message, mail, mailbox: destination.address, config: deps.config, instanceId: deps.instanceId, timeZone });
  const forwarded = await sendOnce(forward, deps, attempt);
  return { effect: 'deliver', sentMessageIds: forwarded.wireMessageIds, threadRef: message.threadRef, at: deps.clock.now(), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
}

/**
 * Publishes Thread Routed. Without a claim: a retry after a failure between publishing and
 * recording it publishes it again, and consumers recognise the repeat by its `eventId`.
 */
async function announceRouted(message: RoutingMessage, destination: DeliverResult['destination'], deps: DeliverDependencies): Promise<void> {
  await deps.events.publish([{ detailType: 'Thread Routed', detail: { version: 1, threadRef: message.threadRef, messageKey: message.messageKey, team: message.team, destination } }]);
}

async function postWithRetries(url: string, body: string, secret: string, message: RoutingMessage, deps: DeliverDependencies): Promise<void> {
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Replyline/1',
    'x-replyline-delivery': message.messageKey,
    'x-replyline-signature': signWebhookBody(body, secret),
  };
  let lastProblem = '';
  for (let attempt = 0; attempt <= WEBHOOK_BACKOFF_MS.length; attempt++) {
    if (attempt > 0) await deps.sleeper.sleep(WEBHOOK_BACKOFF_MS[attempt - 1]!);
    let response;
    try {
      response = await deps.http.post(url, body, headers, WEBHOOK_TIMEOUT_MS);
    } catch (error) {
      lastProblem = `network error: ${(error as Error).message}`;
      continue;
    }
    if (response.status >= 200 && response.status < 300) return;
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      throw new PermanentDeliveryError(`webhook answered ${response.status}; a 4xx other than 429 is not retried`);
    }
    lastProblem = `webhook answered ${response.status}`;
    if (response.retryAfterSeconds !== undefined) await deps.sleeper.sleep(Math.min(MAX_RETRY_AFTER_MS, response.retryAfterSeconds * 1000));
  }
  throw new Error(`${lastProblem} after ${WEBHOOK_BACKOFF_MS.length + 1} attempts; SQS will retry`);
}
