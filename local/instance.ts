import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { createIngestDependencies } from '../lambdas/adapters/wiring.js';
import type { IngestDependencies } from '../lambdas/core/ingest.js';
import { createIngestHandler } from '../lambdas/handlers/ingest.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Emulators } from './emulators.js';

export type EmulatorEndpoints = Emulators['endpoints'];
import { ensureBucket, ensureQueueWithDlq, ensureTable, type QueueWithDlq } from './resources.js';
import { startQueuePoller, type QueuePoller } from './queue-poller.js';
import { startSmtpInbound, type SmtpInbound } from './smtp-inbound.js';
import { randomSecretValue } from './secrets.js';

export interface InstanceOptions {
  /** Prefix of every resource name, so several instances can share one set of emulators. */
  name: string;
  configFile: string;
  smtpPort: number;
  /** Seconds before a failed record is retried (Lambda uses the queue's visibility timeout). */
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
  /** Wraps the real dependencies, e.g. to inject faults in tests; the handler code stays the same. */
  wrapIngestDependencies?: (deps: IngestDependencies) => IngestDependencies;
  log?: ((line: string) => void) | undefined;
}

export interface LocalInstance {
  name: string;
  config: ReplylineConfig;
  /** The environment the functions run with, exactly the names CDK sets plus endpoint variables. */
  env: Record<string, string>;
  resources: { bucket: string; table: string; bus: string; inbound: QueueWithDlq; topicArn: string };
  smtp: SmtpInbound;
  stop(): Promise<void>;
}

/** One Replyline deployment on the local emulators: its resources, its SMTP inbound and its functions. */
export async function startInstance(endpoints: EmulatorEndpoints, options: InstanceOptions): Promise<LocalInstance> {
  const config = readConfigFile(options.configFile);
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...clientOptions, endpoint: endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientOptions, endpoint: endpoints.sqs });
  const dynamo = new DynamoDBClient({ ...clientOptions, endpoint: endpoints.dynamodb });

  const resources = {
    bucket: `${options.name}-raw-mail`,
    table: `${options.name}-threads`,
    bus: `${options.name}-bus`,
    topicArn: `arn:aws:sns:${LOCAL_REGION}:000000000000:${options.name}-inbound-mail`,
    inbound: await ensureQueueWithDlq(sqs, `${options.name}-inbound`, {
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 10,
      maxReceiveCount: options.maxReceiveCount ?? 5,
    }),
  };
  await ensureBucket(s3, resources.bucket);
  await ensureTable(dynamo, resources.table);
  const threadKeySecret = `${options.name}/thread-address-key`;
  await ensureSecret(new SecretsManagerClient({ ...clientOptions, endpoint: endpoints.secrets }), threadKeySecret);

  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.events,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secrets,
    TABLE_NAME: resources.table,
    EVENT_BUS_NAME: resources.bus,
    INSTANCE_ID: `${options.name}.${config.domain}`,
    THREAD_KEY_SECRET_ID: threadKeySecret,
    REPLYLINE_CONFIG_FILE: options.configFile,
  };

  const wrap = options.wrapIngestDependencies ?? ((deps: IngestDependencies) => deps);
  const ingest = createIngestHandler(() => wrap(createIngestDependencies(env)));
  const pollers: QueuePoller[] = [
    startQueuePoller({
      sqs,
      queueUrl: resources.inbound.url,
      queueArn: resources.inbound.arn,
      region: LOCAL_REGION,
      handler: (event) => ingest(event),
      onError: (error) => options.log?.(`ingest invocation failed: ${error.message}`),
    }),
  ];

  const smtp = await startSmtpInbound({
    port: options.smtpPort,
    config,
    s3,
    bucket: resources.bucket,
    sqs,
    queueUrl: resources.inbound.url,
    topicArn: resources.topicArn,
    log: options.log,
  });

  return {
    name: options.name,
    config,
    env,
    resources,
    smtp,
    stop: async () => {
      await smtp.stop();
      await Promise.all(pollers.map((poller) => poller.stop()));
      s3.destroy();
      sqs.destroy();
      dynamo.destroy();
    },
  };
}

/** Like CDK's generated secret: created once with a random value, then kept. */
async function ensureSecret(client: SecretsManagerClient, name: string): Promise<void> {
  try {
    await client.send(new GetSecretValueCommand({ SecretId: name }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateSecretCommand({ Name: name, SecretString: randomSecretValue() }));
  } finally {
    client.destroy();
  }
}
