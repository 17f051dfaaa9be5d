import type { RoutingMessage } from '../schemas/routing.js';
import type { HttpClient, SentRecord, Sleeper } from '../ports/index.js';
import { DELIVER_EFFECTS } from './deliver-effects.js';
import { composeForward } from './forward.js';
import { EffectBusyError, EFFECT_LEASE_MS, releaseUnlessSent, sendOnce, type EffectDependencies, type SendAttempt } from './effects.js';
import { signWebhookBody, webhookPayload } from './webhook.js';

export interface DeliverDependencies extends EffectDependencies {
  http: HttpClient;
  sleeper: Sleeper;
}

export interface DeliverResult {
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
export const WEBHOOK_BACKOFF_MS = [500, 2000] as const;
const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RETRY_AFTER_MS = 5_000;

/**
 * Delivers one routed mail to its team's destination, exactly once per mail as far
 * as we can tell: the `deliver` effect of the mail is claimed first (a redelivered or
 * duplicated routing message finds it done), and released on failure unless the
 * forward may have gone out (releaseUnlessSent). Its Thread Routed event is owed with
 * it (`announce-routed`) and both are recorded done in one write.
 */
export async function deliverRoutedMail(message: RoutingMessage, deps: DeliverDependencies): Promise<DeliverResult> {
  const team = deps.config.teams[message.team];
  if (!team) throw new PermanentDeliveryError(`team "${message.team}" is not configured any more`);
  const destination = team.destination;
  const claim = await deps.threads.claimEffect(message.messageKey, 'deliver', deps.clock.now(), deps.effectLeaseMs ?? EFFECT_LEASE_MS);
  if (claim.status === 'done') {
    // Delivered before; its event may still be owed if publishing it failed after the delivery was recorded.
    if (claim.processing?.pending.includes('announce-routed')) {
      await announceRouted(message, destination.type, deps);
      await deps.threads.completeEffects(message.messageKey, ['announce-routed']);
    }
    return { outcome: 'duplicate', destination: destination.type };
  }
  if (claim.status === 'busy') throw new EffectBusyError('deliver', claim.leaseUntil);
  const attempt: SendAttempt = { mayHaveSent: false, sentLogMayKnow: true };
  let sent: SentRecord | undefined;
  try {
    const mail = await deps.parser.parse(await deps.rawMail.open(message.rawMail));
    if (destination.type === 'mailbox') {
      const timeZone = deps.sla.calendarFor(message.priority, message.team).calendar.timeZone;
      const forward = composeForward({ message, mail, mailbox: destination.address, config: deps.config, instanceId: deps.instanceId, timeZone });
      const { processing } = claim;
      const forwarded = await sendOnce(forward, deps, attempt);
      sent = { effect: 'deliver', sentMessageIds: forwarded.wireMessageIds, threadRef: message.threadRef, at: deps.clock.now(), mailRecordedAt: processing.createdAt, expiresAt: processing.expiresAt };
    } else {
      const body = webhookPayload(message, mail, deps.clock.now());
      const secret = await deps.secrets.value(destination.secretName);
      await postWithRetries(destination.url, body, secret, message, deps);
    }
  } catch (error) {
    await releaseUnlessSent(message.messageKey, 'deliver', claim.leaseUntil, attempt, deps);
    throw error;
  }
  try {
    await announceRouted(message, destination.type, deps);
  } catch (error) {
    // Delivered: recorded so, with its event still owed; the retry publishes only the event.
    await deps.threads.completeEffects(message.messageKey, ['deliver'], sent);
    throw error;
  }
  await deps.threads.completeEffects(message.messageKey, [...DELIVER_EFFECTS], sent);
  return { outcome: 'delivered', destination: destination.type };
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
