import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { EVENT_SOURCE, type SlaEventDetail } from '../lambdas/core/events.js';
import { chatWebhookUrlFrom } from '../lambdas/core/chat-alerts.js';
import { forwardedAlertTypes } from '../lambdas/core/sla/alert-text.js';
import type { SlaAlertType } from '../lambdas/core/sla/sla-events.js';
import { createSecretsManagerClient, createSqsClient } from '../lambdas/adapters/aws-clients.js';
import { createAlertChatDependencies } from '../lambdas/adapters/alert-chat-wiring.js';
import { createLogger, type Log } from '../lambdas/adapters/logger.js';
import { createAlertChatHandler } from '../lambdas/handlers/alert-chat.js';
import type { HttpClient } from '../lambdas/ports/index.js';
import type { AlertsConfig } from '../lambdas/schemas/alerts-config.js';
import { LOCAL_REGION } from './local-aws.js';
import { addLocalRule, type LocalEvent, type LocalEventBus } from './event-bus.js';
import { startQueuePoller } from './queue-poller.js';
import { ensureQueueWithDlq, localResourceNames } from './resources.js';
import type { LocalSecrets } from './secrets.js';

/**
 * The local stand-in for the alert rules of lib/constructs/alerts.ts: `SLA Breached` (and
 * `SLA Warning` with `alerts.includeWarnings`) on the instance's bus → a clear console line, and,
 * with `alerts.chatWebhookSecretName`, the stack's chat channel itself: a bus rule → the
 * `<name>-alert-chat` queue (+DLQ) → the real alert-chat handler, which reads the webhook URL from
 * the local secret of that name and posts once per alert (same ledger, retries and DLQ as on AWS).
 * (E-mail subscribers are not mailed locally; the console line stands in for them.)
 */
interface LocalAlertsOptions {
  bus: Pick<LocalEventBus, 'subscribe'>;
  alerts: AlertsConfig;
  /** Only events of this bus (the instance's `resources.bus`); the emulator serves every instance. */
  busName?: string | undefined;
  log: (line: string) => void;
  /**
   * What the chat channel needs: the instance's function environment (its table, and the local
   * SQS, bus and secrets endpoints) and a name for its queue. Without it, alerts only print.
   */
  chat?: {
    env: Record<string, string>;
    /** Prefix of the queue's name (the instance's name). */
    name: string;
    visibilityTimeoutSeconds?: number;
    maxReceiveCount?: number;
    /** Replaceable for tests. */
    http?: HttpClient;
  };
}

interface LocalAlerts {
  /** Whether alerts are posted to chat (configured, and the local secret holds a usable URL). */
  chat: boolean;
  stop(): Promise<void>;
}

export async function startLocalAlerts(options: LocalAlertsOptions): Promise<LocalAlerts> {
  const forwarded = new Set<string>(forwardedAlertTypes(options.alerts));
  const unsubscribe = options.bus.subscribe((event: LocalEvent) => {
    if (event.source !== EVENT_SOURCE || !forwarded.has(event['detail-type'])) return;
    if (options.busName && event['event-bus-name'] !== options.busName) return;
    options.log(alertLine(event['detail-type'] as SlaAlertType, event.detail as unknown as SlaEventDetail));
  });
  let stopChat: (() => Promise<void>) | undefined;
  try {
    stopChat = await startChatChannel(options);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return {
    chat: Boolean(stopChat),
    stop: async () => {
      unsubscribe();
      await stopChat?.();
    },
  };
}

/** The bus rule → queue → alert-chat handler, as the stack deploys it; undefined when chat is off. */
async function startChatChannel(options: LocalAlertsOptions): Promise<(() => Promise<void>) | undefined> {
  const secretName = options.alerts.chatWebhookSecretName;
  if (!secretName || !options.chat) return undefined;
  const { env, name } = options.chat;
  const problem = await localWebhookProblem(env, secretName);
  if (problem) {
    options.log(`alert  chat is off: ${problem}`);
    return undefined;
  }
  const sqs = createSqsClient(env);
  try {
    const queue = await ensureQueueWithDlq(sqs, localResourceNames(name).alertChatQueue, {
      visibilityTimeoutSeconds: options.chat.visibilityTimeoutSeconds ?? 10,
      maxReceiveCount: options.chat.maxReceiveCount ?? 5,
    });
    await addBusRule(env, options.busName ?? env.EVENT_BUS_NAME, forwardedAlertTypes(options.alerts), queue.url);
    const chatEnv = { ...env, CHAT_WEBHOOK_SECRET_ID: secretName };
    const log = consoleTee(createLogger('replyline-alert-chat'), options.log, queue.url.split('/').pop()!);
    const handler = createAlertChatHandler(() => createAlertChatDependencies(chatEnv, { alerts: options.alerts, log, ...(options.chat?.http ? { http: options.chat.http } : {}) }));
    const poller = startQueuePoller({
      sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      region: LOCAL_REGION,
      handler: (event) => handler(event),
      onError: (error) => options.log(`alert  chat invocation failed: ${error.message}`),
    });
    options.log(`alert  chat: ${forwardedAlertTypes(options.alerts).join(' and ')} are posted to the webhook in the local secret "${secretName}"`);
    return async () => {
      await poller.stop();
      sqs.destroy();
    };
  } catch (error) {
    sqs.destroy();
    throw error;
  }
}

/** Why the local secret cannot be used yet (missing, or not an https URL), with how to fix it; undefined when it can. */
async function localWebhookProblem(env: Record<string, string>, secretName: string): Promise<string | undefined> {
  const secrets = createSecretsManagerClient(env);
  try {
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretName }));
    chatWebhookUrlFrom(SecretString ?? '', secretName);
    return undefined;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      return `no local secret "${secretName}" holds the webhook URL yet; restart with REPLYLINE_CHAT_WEBHOOK_URL='https://hooks.slack.com/…' npm start to store it (alerts still print here)`;
    }
    if ((error as Error).name === 'ChatWebhookSecretError') return `${(error as Error).message}; locally: REPLYLINE_CHAT_WEBHOOK_URL='https://…' npm start`;
    throw error;
  } finally {
    secrets.destroy();
  }
}

/** Plays the stack's rules "forwarded SLA alert types → the alert-chat queue" on the local bus. */
async function addBusRule(env: Record<string, string>, busName: string | undefined, types: readonly string[], queueUrl: string): Promise<void> {
  const busUrl = env.AWS_ENDPOINT_URL_EVENTBRIDGE;
  if (!busUrl || !busName) throw new Error('local alerts: the environment names no local bus (AWS_ENDPOINT_URL_EVENTBRIDGE, EVENT_BUS_NAME)');
  await addLocalRule(busUrl, { busName, pattern: { source: [EVENT_SOURCE], 'detail-type': [...types] }, targetQueueUrl: queueUrl });
}

/**
 * The handler's log as JSON (as on AWS, and seen by the tests' privacy scan) plus one readable
 * console line per outcome. The entries hold refs, types, outcomes and reasons only, so printing them is safe.
 */
function consoleTee(logger: Log, print: (line: string) => void, queueName: string): Log {
  const line = (message: string, fields: Record<string, unknown> = {}) => {
    const about = [fields.detailType, fields.threadRef].filter(Boolean).join(' ');
    const reason = fields.reason ?? (Array.isArray(fields.problems) ? fields.problems.join('; ') : undefined);
    const retry = fields.outcome === 'failed' || fields.outcome === 'refused' || fields.outcome === 'malformed' ? ` (retried from ${queueName}, then kept in ${queueName}-dlq)` : '';
    print(`alert  chat ${String(fields.outcome ?? '')}: ${message}${about ? ` [${about}]` : ''}${reason ? `: ${String(reason)}` : ''}${retry}`);
  };
  return {
    info(message, fields) {
      logger.info(message, fields);
      line(message, fields);
    },
    warn(message, fields) {
      logger.warn(message, fields);
      line(message, fields);
    },
    error(message, fields) {
      logger.error(message, fields);
      line(message, fields);
    },
  };
}

/**
 * `REPLYLINE_CHAT_WEBHOOK_URL=… npm start`: keeps the URL in the local secret named by
 * `alerts.chatWebhookSecretName`, as `aws secretsmanager create-secret` does on AWS, so the
 * config only names the secret. Returns what was done, as a console line (never the URL).
 */
export function storeLocalChatWebhook(secrets: Pick<LocalSecrets, 'put'>, alerts: AlertsConfig, url: string | undefined): string | undefined {
  if (!url) return undefined;
  const secretName = alerts.chatWebhookSecretName;
  if (!secretName) {
    return 'alert  REPLYLINE_CHAT_WEBHOOK_URL is set, but the config has no alerts.chatWebhookSecretName to keep it under: add "chatWebhookSecretName": "replyline/chat-webhook" to "alerts"';
  }
  try {
    chatWebhookUrlFrom(url, secretName);
  } catch {
    return `alert  REPLYLINE_CHAT_WEBHOOK_URL is not an https URL (plain http only to localhost); not stored in "${secretName}"`;
  }
  secrets.put(secretName, url.trim());
  return `alert  stored REPLYLINE_CHAT_WEBHOOK_URL in the local secret "${secretName}"`;
}

/** One console line per alert, easy to spot in the `npm start` output. */
function alertLine(type: SlaAlertType, detail: SlaEventDetail): string {
  const head = type === 'SLA Breached' ? '🚨 SLA BREACHED' : '⚠️  SLA warning';
  const timing = detail.minutesOverdue >= 0 ? `${detail.minutesOverdue} min overdue` : `${-detail.minutesOverdue} min left`;
  return [
    `alert  ${head}  ${detail.threadRef}  team ${detail.team}  priority ${detail.priority}  due ${detail.dueAt}  (${timing})`,
    `       "${detail.subject}" from ${detail.customer}${detail.link ? `  ${detail.link}` : ''}`,
  ].join('\n');
}
