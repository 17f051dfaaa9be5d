import type { IngestDependencies } from '../core/ingest.js';
import { createSlaPolicy, type SlaPolicy } from '../core/sla-policy.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { readFunctionEnv } from '../schemas/env.js';
import { createAwsClients } from './aws-clients.js';
import { loadRuntimeConfig } from './config-source.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { loadCalendars } from './holidays.js';
import { parseMail } from './mail-parser.js';
import { S3RawMailStore } from './s3-raw-mail-store.js';
import { SecretsManagerSecrets } from './secrets-manager.js';
import { SesMailer } from './ses-mailer.js';

export const systemClock = { now: () => new Date() };

/** The SLA policy with calendars expanded for last, this and next year (holidays included). */
export function createSla(config: ReplylineConfig, now: Date = new Date()): SlaPolicy {
  const year = now.getUTCFullYear();
  return createSlaPolicy(config.sla, loadCalendars(config, [year - 1, year, year + 1]));
}

/** The real adapters for the ingest function, from the environment (AWS, or local emulators by endpoint variables). */
export function createIngestDependencies(env: NodeJS.ProcessEnv = process.env): IngestDependencies {
  const settings = readFunctionEnv(env);
  const clients = createAwsClients(env);
  const config = loadRuntimeConfig(env);
  return {
    rawMail: new S3RawMailStore(clients.s3),
    parser: { parse: parseMail },
    threads: new DynamoThreadStore(clients.dynamo, settings.TABLE_NAME),
    mailer: new SesMailer(clients.ses),
    events: new EventBridgePublisher(clients.events, settings.EVENT_BUS_NAME),
    secrets: new SecretsManagerSecrets(clients.secrets, settings.THREAD_KEY_SECRET_ID),
    clock: systemClock,
    config,
    sla: createSla(config),
    instanceId: settings.INSTANCE_ID,
  };
}
