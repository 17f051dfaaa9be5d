import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Key-policy grants for AWS services that produce into our encrypted topics and queues. Each is
 * bound by the encryption context SNS or SQS sets (the topic's or the queue's ARN): source
 * conditions (aws:SourceArn, aws:SourceAccount) are not documented to reach KMS on these paths, and
 * for EventBridge → SNS they are documented not to, so a statement holding them blocks delivery.
 * The topic and queue policies say which producer is let in.
 */

/** A resource ARN of this stack's account and region, by a name fixed in advance (no Ref: the key must not depend on what it encrypts). */
function fixedArn(scope: kms.IKey, service: 'sns' | 'sqs', name: string): string {
  return Stack.of(scope).formatArn({ service, resource: name, arnFormat: ArnFormat.NO_RESOURCE_NAME });
}

/** The service may encrypt what it publishes to these topics. */
export function letServiceEncryptForTopic(key: kms.IKey, sid: string, service: string, topicName: string): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(service)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': fixedArn(key, 'sns', topicName) } },
    }),
  );
}

/** The service may encrypt what it sends to these queues (names fixed in advance; `*` ends a name prefix). */
export function letServiceEncryptForQueues(key: kms.IKey, sid: string, service: string, queueNames: readonly string[]): void {
  const arns = queueNames.map((name) => fixedArn(key, 'sqs', name));
  const matching = queueNames.some((name) => name.includes('*')) ? 'StringLike' : 'StringEquals';
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(service)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      conditions: { [matching]: { 'kms:EncryptionContext:aws:sqs:arn': arns.length === 1 ? arns[0]! : arns } },
    }),
  );
}

const keysOpenToSns = new WeakSet<kms.IKey>();

/**
 * SNS may encrypt what it delivers to this account's queues (SNS → SQS subscriptions and their
 * redrive DLQs, whose names CloudFormation generates); the queue policies still admit only our
 * topics. Added once per key.
 */
export function letSnsEncryptForQueues(key: kms.IKey): void {
  if (keysOpenToSns.has(key)) return;
  keysOpenToSns.add(key);
  letServiceEncryptForQueues(key, 'SnsToReplylineQueues', 'sns.amazonaws.com', ['*']);
}
