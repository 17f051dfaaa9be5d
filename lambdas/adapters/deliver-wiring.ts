import type { DeliverDependencies } from '../core/deliver.js';
import { deliverEnvSchema, readEnv } from '../schemas/env.js';
import { createDynamoClient, createEventBridgeClient, createS3Client, createSecretsManagerClient, createSesV2Client, createSqsClient } from './aws-clients.js';
import { loadRuntimeConfig } from './runtime-config.js';
import { DynamoSendingLog } from './dynamo-sending-log.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { fetchHttpClient, realSleeper } from './http-client.js';
import { parseMail } from './mail-parser.js';
import { S3RawMailStore } from './s3-raw-mail-store.js';
import { SecretsManagerSecrets } from './secrets-manager.js';
import { SesMailer } from './ses-mailer.js';
import { SqsDeadLetters } from './sqs-routing.js';
import { createSla } from './sla-calendars.js';
import { systemClock } from './system-clock.js';

/** The deliver function of one team's queue. */
export function createDeliverDependencies(env: NodeJS.ProcessEnv = process.env): DeliverDependencies & { team: string; deadLetters: SqsDeadLetters } {
  const settings = readEnv(deliverEnvSchema, env);
  const dynamo = createDynamoClient(env);
  const rawMail = new S3RawMailStore(createS3Client(env));
  const config = loadRuntimeConfig(env);
  return {
    team: settings.TEAM_ID,
    deadLetters: new SqsDeadLetters(createSqsClient(env), settings.DEAD_LETTER_QUEUE_URL),
    threads: new DynamoThreadStore(dynamo, settings.TABLE_NAME),
    rawMail,
    parser: { parse: parseMail },
    mailer: new SesMailer(createSesV2Client(env), rawMail, env.CONFIGURATION_SET),
    sendingLog: new DynamoSendingLog(dynamo, settings.TABLE_NAME),
    http: fetchHttpClient,
    sleeper: realSleeper,
    events: new EventBridgePublisher(createEventBridgeClient(env), settings.EVENT_BUS_NAME),
    secrets: new SecretsManagerSecrets(createSecretsManagerClient(env)),
    clock: systemClock,
    config,
    slaPolicy: createSla(config),
    instanceId: settings.INSTANCE_ID,
  };
}
