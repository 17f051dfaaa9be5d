import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * SDK clients, created once per cold start. Endpoints come from the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables, which is how local mode points the same
 * code at emulators. They are read from the given environment (not only
 * process.env) so several local instances can run in one process.
 */
interface AwsClients {
  s3: S3Client;
  dynamo: DynamoDBDocumentClient;
  ses: SESv2Client;
  sqs: SQSClient;
  events: EventBridgeClient;
  secrets: SecretsManagerClient;
}

/** All six clients (local mode and tests). A function's wiring creates only the ones it uses, below. */
export function createAwsClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  return {
    s3: createS3Client(env),
    dynamo: createDynamoClient(env),
    ses: createSesV2Client(env),
    sqs: createSqsClient(env),
    events: createEventBridgeClient(env),
    secrets: createSecretsManagerClient(env),
  };
}

/*
 * One factory per client, so that a function's bundle holds only the SDK clients its wiring
 * uses (the SDK packages are side-effect free: esbuild drops the ones never called).
 */

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  // Emulators serve buckets by path, not by virtual host.
  return new S3Client({ ...commonOptions(env), ...endpointOption(env, 'S3'), forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3) });
}

export function createDynamoClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ ...commonOptions(env), ...endpointOption(env, 'DYNAMODB') }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** SES v2 (SendEmail). Its own endpoint variable, else the SES one, which local mode sets for the local SES. */
export function createSesV2Client(env: NodeJS.ProcessEnv = process.env): SESv2Client {
  const endpoint = env.AWS_ENDPOINT_URL_SESV2 ?? env.AWS_ENDPOINT_URL_SES;
  return new SESv2Client({ ...commonOptions(env), ...(endpoint ? { endpoint } : {}) });
}

export function createSqsClient(env: NodeJS.ProcessEnv = process.env): SQSClient {
  return new SQSClient({ ...commonOptions(env), ...endpointOption(env, 'SQS') });
}

export function createEventBridgeClient(env: NodeJS.ProcessEnv = process.env): EventBridgeClient {
  return new EventBridgeClient({ ...commonOptions(env), ...endpointOption(env, 'EVENTBRIDGE') });
}

export function createSecretsManagerClient(env: NodeJS.ProcessEnv = process.env): SecretsManagerClient {
  return new SecretsManagerClient({ ...commonOptions(env), ...endpointOption(env, 'SECRETS_MANAGER') });
}

function commonOptions(env: NodeJS.ProcessEnv) {
  return {
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    // The function's name in every request's user agent (`app/…`): CloudTrail, and the bench's request counter, tell the callers apart.
    ...(env.AWS_LAMBDA_FUNCTION_NAME ? { userAgentAppId: env.AWS_LAMBDA_FUNCTION_NAME.slice(0, 50) } : {}),
    ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN } }
      : {}),
  };
}

function endpointOption(env: NodeJS.ProcessEnv, service: string): { endpoint?: string } {
  const endpoint = env[`AWS_ENDPOINT_URL_${service}`];
  return endpoint ? { endpoint } : {};
}
