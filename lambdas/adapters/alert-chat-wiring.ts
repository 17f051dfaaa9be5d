import type { ChatAlertDependencies } from '../core/chat-alerts.js';
import type { Clock, HttpClient } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { alertChatEnvSchema, readEnv } from '../schemas/env.js';
import { createDynamoClient, createSecretsManagerClient } from './aws-clients.js';
import { SecretsManagerChatWebhook } from './chat-webhook-secret.js';
import { DynamoAlertLedger } from './dynamo-alert-ledger.js';
import { fetchHttpClient } from './http-client.js';
import type { Log } from './logger.js';
import { loadRuntimeConfig } from './runtime-config.js';
import { systemClock } from './system-clock.js';

export interface AlertChatDependencies extends ChatAlertDependencies {
  /** Where the handler logs (default: its Powertools logger); local mode also prints these lines. */
  log?: Log;
}

/**
 * The real adapters for the alert-chat function, from the environment (AWS, or the local
 * emulators by AWS_ENDPOINT_URL_<SERVICE>). `alerts` defaults to the bundled config's section;
 * tests and local mode may pass their own, and a fake HTTP client or clock.
 */
export function createAlertChatDependencies(
  env: NodeJS.ProcessEnv = process.env,
  options: { alerts?: AlertsConfig; http?: HttpClient; clock?: Clock; log?: Log } = {},
): AlertChatDependencies {
  const settings = readEnv(alertChatEnvSchema, env);
  const clock = options.clock ?? systemClock;
  return {
    ledger: new DynamoAlertLedger(createDynamoClient(env), settings.TABLE_NAME),
    webhook: new SecretsManagerChatWebhook(createSecretsManagerClient(env), settings.CHAT_WEBHOOK_SECRET_ID, clock),
    http: options.http ?? fetchHttpClient,
    clock,
    alerts: options.alerts ?? loadRuntimeConfig(env).alerts,
    ...(options.log ? { log: options.log } : {}),
  };
}
