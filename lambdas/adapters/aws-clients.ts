import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * SDK clients, created once per cold start. Endpoints come from the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables, which is how local mode points the same
 * code at emulators. They are read from the given environment (not only
 * process.env) so several local instances can run in one process.
 */
export interface AwsClients {
  s3: S3Client;
  dynamo: DynamoDBDocumentClient;
  ses: SESClient;
  sqs: SQSClient;
  events: EventBridgeClient;
  secrets: SecretsManagerClient;
}

export function createAwsClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  const common = {
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN } }
      : {}),
  };
  const endpoint = (name: string) => (env[`AWS_ENDPOINT_URL_${name}`] ? { endpoint: env[`AWS_ENDPOINT_URL_${name}`] } : {});
  return {
    // Emulators serve buckets by path, not by virtual host.
    s3: new S3Client({ ...common, ...endpoint('S3'), forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3) }),
    dynamo: DynamoDBDocumentClient.from(new DynamoDBClient({ ...common, ...endpoint('DYNAMODB') }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    ses: new SESClient({ ...common, ...endpoint('SES') }),
    sqs: new SQSClient({ ...common, ...endpoint('SQS') }),
    events: new EventBridgeClient({ ...common, ...endpoint('EVENTBRIDGE') }),
    secrets: new SecretsManagerClient({ ...common, ...endpoint('SECRETS_MANAGER') }),
  };
}
