import type { AlertDeliveryLedger, ChatWebhookSource, Clock, HttpClient } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import type { SlaEventDetail } from './events.js';
import { forwardedAlertTypes, slaChatBody } from './sla/alert-text.js';
import type { SlaAlertType } from './sla/sla-events.js';

/**
 * SLA alerts → the chat webhook, once per alert: whether an alert is forwarded, its body (the
 * same `{"text": …}` as the e-mail line), and the claim → post → complete sequence that keeps a
 * redelivered or re-published alert from being posted twice. Pure: the ledger, the webhook URL,
 * HTTP and the clock are ports.
 */

export interface ChatAlert {
  type: SlaAlertType;
  detail: SlaEventDetail;
}

export interface ChatAlertDependencies {
  ledger: AlertDeliveryLedger;
  webhook: ChatWebhookSource;
  http: HttpClient;
  clock: Clock;
  alerts: Pick<AlertsConfig, 'includeWarnings' | 'linkTemplate'>;
  /** How long a claim stays ours (default CHAT_ALERT_LEASE_MS). */
  leaseMs?: number;
}

type ChatAlertResult =
  | { outcome: 'posted'; /** an earlier claim had run out: its holder may have posted before dying */ reclaimed: boolean }
  | { outcome: 'duplicate' }
  | { outcome: 'not-forwarded' };

/** Longer than the function's timeout (30 s), so a live poster is never overtaken; an expired lease means its holder died. */
export const CHAT_ALERT_LEASE_MS = 60_000;
/** Incoming webhooks answer within a second or two; a slower one is retried by the queue. */
const CHAT_POST_TIMEOUT_MS = 5_000;

/** Another delivery of the same alert holds the claim right now; retrying later finds it posted (or free). */
export class ChatAlertBusyError extends Error {
  constructor(readonly leaseUntil: Date) {
    super(`another delivery of this alert is posting it (lease until ${leaseUntil.toISOString()})`);
    this.name = 'ChatAlertBusyError';
  }
}

/** The webhook is unreachable, throttling (429) or failing (5xx): the queue retries the alert later. */
export class ChatWebhookUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.name = 'ChatWebhookUnavailableError';
  }
}

/** The webhook refused the alert (a 4xx other than 408/429): the URL is likely revoked or wrong. */
export class ChatWebhookRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ChatWebhookRefusedError';
  }
}

/** The webhook secret does not hold a usable URL. The message names the secret, never its value. */
export class ChatWebhookSecretError extends Error {
  override name = 'ChatWebhookSecretError';
}

/**
 * An alert's identity: the sweeper raises one warning and one breach per deadline, and re-publishes
 * exactly the same event when it crashed between publishing and recording that it did.
 */
export function chatAlertKey(alert: ChatAlert): string {
  const dueAt = new Date(alert.detail.dueAt);
  return [alert.type, alert.detail.threadRef, alert.detail.target, Number.isNaN(dueAt.getTime()) ? alert.detail.dueAt : dueAt.toISOString()].join('|');
}

/**
 * Posts one SLA alert to the chat webhook unless it is not forwarded (a warning without
 * `includeWarnings`) or was already posted. The alert is claimed with a lease first, so two
 * deliveries of it never both post; marked done after a 2xx; released when the post failed, so
 * the retry posts at once. Throws ChatAlertBusyError, ChatWebhookUnavailableError,
 * ChatWebhookRefusedError or the webhook source's error: the caller lets the queue retry.
 *
 * A chat webhook has no idempotency key, so one case stays at least once: a worker that dies
 * after the 2xx but before marking the alert done leaves a claim that runs out, and the retry posts again.
 */
export async function deliverChatAlert(alert: ChatAlert, deps: ChatAlertDependencies): Promise<ChatAlertResult> {
  if (!forwardedAlertTypes(deps.alerts).includes(alert.type)) return { outcome: 'not-forwarded' };
  const key = chatAlertKey(alert);
  const claim = await deps.ledger.claim(key, deps.clock.now(), deps.leaseMs ?? CHAT_ALERT_LEASE_MS);
  if (claim.status === 'done') return { outcome: 'duplicate' };
  if (claim.status === 'busy') throw new ChatAlertBusyError(claim.leaseUntil);
  try {
    const url = await deps.webhook.url();
    await postAlert(url, JSON.stringify(slaChatBody(alert.type, alert.detail, deps.alerts)), deps.http);
  } catch (error) {
    // Nothing was posted: give the claim back so the retry does not wait for the lease.
    await deps.ledger.release(key, claim.leaseUntil).catch(() => undefined);
    throw error;
  }
  // Posted: a failure to record it now leaves the claim to run out (see above), never released early.
  await deps.ledger.complete(key, deps.clock.now());
  return { outcome: 'posted', reclaimed: claim.reclaimed };
}

async function postAlert(url: string, body: string, http: HttpClient): Promise<void> {
  let response;
  try {
    response = await http.post(url, body, { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Replyline/1' }, CHAT_POST_TIMEOUT_MS);
  } catch (error) {
    throw new ChatWebhookUnavailableError(`chat webhook unreachable (${networkReason(error)})`);
  }
  const { status, retryAfterSeconds } = response;
  if (status >= 200 && status < 300) return;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    throw new ChatWebhookRefusedError(status, `chat webhook answered ${status}: the URL in the secret is probably revoked or wrong; a 4xx other than 408/429 is not expected to pass on retry`);
  }
  const wait = retryAfterSeconds === undefined ? '' : `, retry after ${retryAfterSeconds} s`;
  throw new ChatWebhookUnavailableError(`chat webhook answered ${status}${wait}`, retryAfterSeconds);
}

/**
 * The error's class and system code (ECONNREFUSED, ENOTFOUND…), or a cause of plain words ("bad
 * port", "other side closed"): never a message with a URL or host in it, as the URL is a credential.
 */
function networkReason(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return `${name} ${code}`;
  if (typeof cause?.message === 'string' && /^[a-z][a-z ]{0,59}$/i.test(cause.message)) return `${name}: ${cause.message}`;
  return name;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The webhook URL a secret holds, checked: an https URL (plain http only to this machine, for
 * local mode). The error says what is wrong and how to fix it, without ever quoting the value.
 */
export function chatWebhookUrlFrom(secretValue: string, secretId: string): string {
  const text = secretValue.trim();
  const fix = `put the incoming-webhook URL itself in it: aws secretsmanager put-secret-value --secret-id ${secretId} --secret-string 'https://hooks.slack.com/…'`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const hint = text.startsWith('{') ? ' (it holds JSON; the SecretString must be the plain URL)' : '';
    throw new ChatWebhookSecretError(`the secret "${secretId}" does not hold a URL${hint}; ${fix}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    // Only "http" is named: any other scheme is text of the value, which is a credential.
    const held = url.protocol === 'http:' ? 'an http URL' : 'something other than an https URL';
    throw new ChatWebhookSecretError(`the secret "${secretId}" holds ${held}; the chat webhook must be https (plain http only to localhost, in local mode); ${fix}`);
  }
  if (!url.hostname) throw new ChatWebhookSecretError(`the secret "${secretId}" holds a URL without a host; ${fix}`);
  return url.href;
}
