import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '../lambdas/schemas/env.js';

/** Creates what `cdk deploy` creates, on the emulators; each call is safe to repeat. */

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
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq`, Attributes: { MessageRetentionPeriod: '1209600' } }));
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
