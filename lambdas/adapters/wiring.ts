import type { IngestDependencies } from '../core/ingest.js';
import type { DeliverDependencies } from '../core/deliver.js';
import { fetchHttpClient, realSleeper } from './http-client.js';
import { SqsDeadLetters, SqsRoutingQueue } from './sqs-routing.js';
import { createSlaPolicy, type SlaPolicy } from '../core/sla-policy.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { deliverEnvSchema, functionEnvSchema, ingestEnvSchema, readEnv } from '../schemas/env.js';
import type { AgentEventDependencies } from '../core/agent-events.js';
import { createAwsClients } from './aws-clients.js';
import { loadRuntimeConfig } from './config-source.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { loadCalendars } from './holidays.js';
import { parseMail } from './mail-parser.js';
import { S3RawMailStore } from './s3-raw-mail-store.js';
import { SecretsManagerSecrets } from './secrets-manager.js';
import { SesMailer } from './ses-mailer.js';
import { DynamoSendingLog } from './dynamo-sending-log.js';
import type { SendingLog } from '../core/feedback.js';

export const systemClock = { now: () => new Date() };

/** The SLA policy with calendars expanded for last, this and next year (holidays included). */
export function createSla(config: ReplylineConfig, now: Date = new Date()): SlaPolicy {
  const year = now.getUTCFullYear();
  return createSlaPolicy(config.sla, loadCalendars(config, [year - 1, year, year + 1]));
}

/** The real adapters for the ingest function, from the environment (AWS, or local emulators by endpoint variables). */
export function createIngestDependencies(env: NodeJS.ProcessEnv = process.env): IngestDependencies {
  const settings = readEnv(ingestEnvSchema, env);
  const clients = createAwsClients(env);
  const config = loadRuntimeConfig(env);
  const rawMail = new S3RawMailStore(clients.s3);
  return {
    rawMail,
    parser: { parse: parseMail },
    threads: new DynamoThreadStore(clients.dynamo, settings.TABLE_NAME),
    mailer: new SesMailer(clients.ses, rawMail, env.CONFIGURATION_SET),
    routing: new SqsRoutingQueue(clients.sqs, settings.TEAM_QUEUE_URLS),
    sendingLog: new DynamoSendingLog(clients.dynamo, settings.TABLE_NAME),
    events: new EventBridgePublisher(clients.events, settings.EVENT_BUS_NAME),
    secrets: new SecretsManagerSecrets(clients.secrets, settings.THREAD_KEY_SECRET_ID),
    clock: systemClock,
    config,
    sla: createSla(config),
    instanceId: settings.INSTANCE_ID,
  };
}

/** The deliver function of one team's queue. */
export function createDeliverDependencies(env: NodeJS.ProcessEnv = process.env): DeliverDependencies & { team: string; deadLetters: SqsDeadLetters } {
  const settings = readEnv(deliverEnvSchema, env);
  const clients = createAwsClients(env);
  const config = loadRuntimeConfig(env);
  const rawMail = new S3RawMailStore(clients.s3);
  return {
    team: settings.TEAM_ID,
    deadLetters: new SqsDeadLetters(clients.sqs, settings.DEAD_LETTER_QUEUE_URL),
    threads: new DynamoThreadStore(clients.dynamo, settings.TABLE_NAME),
    rawMail,
    parser: { parse: parseMail },
    mailer: new SesMailer(clients.ses, rawMail, env.CONFIGURATION_SET),
    sendingLog: new DynamoSendingLog(clients.dynamo, settings.TABLE_NAME),
    http: fetchHttpClient,
    sleeper: realSleeper,
    events: new EventBridgePublisher(clients.events, settings.EVENT_BUS_NAME),
    secrets: new SecretsManagerSecrets(clients.secrets),
    clock: systemClock,
    config,
    sla: createSla(config),
    instanceId: settings.INSTANCE_ID,
  };
}

/** The handler of `Agent Replied` events from an outside help desk. */
export function createAgentEventDependencies(env: NodeJS.ProcessEnv = process.env): AgentEventDependencies {
  const settings = readEnv(functionEnvSchema.pick({ TABLE_NAME: true, EVENT_BUS_NAME: true }), env);
  const clients = createAwsClients(env);
  return {
    threads: new DynamoThreadStore(clients.dynamo, settings.TABLE_NAME),
    events: new EventBridgePublisher(clients.events, settings.EVENT_BUS_NAME),
    clock: systemClock,
    alerts: loadRuntimeConfig(env).alerts,
  };
}

/** The feedback function: SES sending events → suppression list and sent-log. */
export function createFeedbackDependencies(env: NodeJS.ProcessEnv = process.env): { log: SendingLog; clock: typeof systemClock } {
  const settings = readEnv(functionEnvSchema.pick({ TABLE_NAME: true }), env);
  return { log: new DynamoSendingLog(createAwsClients(env).dynamo, settings.TABLE_NAME), clock: systemClock };
}
