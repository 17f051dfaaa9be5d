import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '../lambdas/schemas/env.js';
import { physicalNames } from '../lib/physical-names.js';
import { LOCAL_REGION } from './local-aws.js';

/** Creates what `cdk deploy` creates, on the emulators; each call is safe to repeat. */

/**
 * The names of one local instance's resources (`replyline-…` for `npm start`): the stack's own
 * names where it names them (lib/physical-names.ts), and `<instance>-…` where CloudFormation
 * names them on AWS (table, bucket, bus, the inbound, team and feedback queues). The instance, the
 * operator tools and the client commands all find the local resources by these.
 */
export function localResourceNames(instance: string) {
  return {
    table: `${instance}-threads`,
    bucket: `${instance}-raw-mail`,
    bus: `${instance}-bus`,
    threadKeySecret: `${instance}/thread-address-key`,
    inboundTopicArn: `arn:aws:sns:${LOCAL_REGION}:000000000000:${physicalNames.inboundTopic(instance)}`,
    configurationSet: physicalNames.configurationSet(instance),
    inboundQueue: `${instance}-inbound`,
    /** Every team's queue name starts so; the team id follows. */
    teamQueuePrefix: `${instance}-team-`,
    teamQueue: (team: string) => `${instance}-team-${team}`,
    feedbackQueue: `${instance}-ses-feedback`,
    agentEventsQueue: physicalNames.agentEventsQueue(instance),
    alertChatQueue: physicalNames.alertChatQueue(instance),
  };
}

/** The dead-letter queue of a queue `ensureQueueWithDlq` creates is named so (as the stack names the DLQs it names). */
export const DEAD_LETTER_SUFFIX = '-dlq';

export function deadLetterQueueName(queue: string): string {
  return `${queue}${DEAD_LETTER_SUFFIX}`;
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes((error as Error).name)) throw error;
  }
}

export interface QueueWithDlq {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
}

export async function ensureQueueWithDlq(
  sqs: SQSClient,
  name: string,
  options: { visibilityTimeoutSeconds: number; maxReceiveCount: number },
): Promise<QueueWithDlq> {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: deadLetterQueueName(name), Attributes: { MessageRetentionPeriod: '1209600' } }));
  const dlqArn = await queueArn(sqs, dlq.QueueUrl!);
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: options.maxReceiveCount }),
      },
    }),
  );
  return { url: queue.QueueUrl!, arn: await queueArn(sqs, queue.QueueUrl!), dlqUrl: dlq.QueueUrl!, dlqArn };
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return attributes.Attributes!.QueueArn!;
}

export async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, customerIndex, openSlaIndex, openByTeamIndex, ttlAttribute } = TABLE_KEYS;
  const index = (definition: typeof customerIndex | typeof openSlaIndex | typeof openByTeamIndex, projection: 'ALL' | 'KEYS_ONLY' = 'ALL') => ({
    IndexName: definition.name,
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: projection },
  });
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          partitionKey,
          sortKey,
          customerIndex.partitionKey,
          customerIndex.sortKey,
          openSlaIndex.partitionKey,
          openSlaIndex.sortKey,
          openByTeamIndex.partitionKey,
          openByTeamIndex.sortKey,
        ].map(
          (name) => ({ AttributeName: name, AttributeType: 'S' as const }),
        ),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [index(customerIndex), index(openSlaIndex), index(openByTeamIndex, 'KEYS_ONLY')],
      }),
    );
    await dynamo.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
}
