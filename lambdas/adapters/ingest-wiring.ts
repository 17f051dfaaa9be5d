import type { IngestDependencies } from '../core/ingest.js';
import { ingestEnvSchema, readEnv } from '../schemas/env.js';
import { createDynamoClient, createEventBridgeClient, createS3Client, createSecretsManagerClient, createSesV2Client, createSqsClient } from './aws-clients.js';
import { loadRuntimeConfig } from './runtime-config.js';
import { DynamoSendingLog } from './dynamo-sending-log.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { parseMail } from './mail-parser.js';
import { S3RawMailStore } from './s3-raw-mail-store.js';
import { SecretsManagerSecrets } from './secrets-manager.js';
import { SesMailer } from './ses-mailer.js';
import { SqsRoutingQueue } from './sqs-routing.js';
import { createSla } from './sla-calendars.js';
import { systemClock } from './system-clock.js';

/** The real adapters for the ingest function, from the environment (AWS, or local emulators by endpoint variables). */
export function createIngestDependencies(env: NodeJS.ProcessEnv = process.env): IngestDependencies {
  const settings = readEnv(ingestEnvSchema, env);
  const dynamo = createDynamoClient(env);
  const rawMail = new S3RawMailStore(createS3Client(env));
  const config = loadRuntimeConfig(env);
  return {
    rawMail,
    parser: { parse: parseMail },
    threads: new DynamoThreadStore(dynamo, settings.TABLE_NAME),
    mailer: new SesMailer(createSesV2Client(env), rawMail, env.CONFIGURATION_SET),
    routing: new SqsRoutingQueue(createSqsClient(env), settings.TEAM_QUEUE_URLS),
    sendingLog: new DynamoSendingLog(dynamo, settings.TABLE_NAME),
    events: new EventBridgePublisher(createEventBridgeClient(env), settings.EVENT_BUS_NAME),
    secrets: new SecretsManagerSecrets(createSecretsManagerClient(env), settings.THREAD_KEY_SECRET_ID),
    clock: systemClock,
    config,
    slaPolicy: createSla(config),
    instanceId: settings.INSTANCE_ID,
  };
}
