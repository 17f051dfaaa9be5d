import type { IngestDependencies } from '../core/ingest.js';
import { readFunctionEnv } from '../schemas/env.js';
import { createAwsClients } from './aws-clients.js';
import { loadRuntimeConfig } from './config-source.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { parseMail } from './mail-parser.js';
import { S3RawMailStore } from './s3-raw-mail-store.js';
import { SesMailer } from './ses-mailer.js';

export const systemClock = { now: () => new Date() };

/** The real adapters for the ingest function, from the environment (AWS, or local emulators by endpoint variables). */
export function createIngestDependencies(env: NodeJS.ProcessEnv = process.env): IngestDependencies {
  const settings = readFunctionEnv(env);
  const clients = createAwsClients(env);
  return {
    rawMail: new S3RawMailStore(clients.s3),
    parser: { parse: parseMail },
    threads: new DynamoThreadStore(clients.dynamo, settings.TABLE_NAME),
    mailer: new SesMailer(clients.ses),
    events: new EventBridgePublisher(clients.events, settings.EVENT_BUS_NAME),
    clock: systemClock,
    config: loadRuntimeConfig(env),
    instanceId: settings.INSTANCE_ID,
  };
}
