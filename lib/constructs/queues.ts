import { Duration, Token } from 'aws-cdk-lib';
import { letServiceEncryptForQueues } from './key-grants.js';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Every queue here: encrypted with the data key, TLS only, messages kept 14 days (long enough to ride out an outage). */
export function encryptedQueue(
  scope: Construct,
  id: string,
  key: kms.IKey,
  options: { queueName?: string; visibilityTimeout?: Duration; deadLetterQueue?: sqs.IQueue } = {},
): sqs.Queue {
  return new sqs.Queue(scope, id, {
    queueName: options.queueName,
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    visibilityTimeout: options.visibilityTimeout,
    deadLetterQueue: options.deadLetterQueue ? { queue: options.deadLetterQueue, maxReceiveCount: 5 } : undefined,
  });
}

/** An alarm as soon as the metric counts anything in one period (no data: all is well), with what to do about it. */
export function alarmOnAny(scope: Construct, id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric,
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** "Something waits in this dead-letter queue": an alarm on one visible message. */
export function deadLetterAlarm(scope: Construct, id: string, deadLetterQueue: sqs.IQueue, description: string): cloudwatch.Alarm {
  return alarmOnAny(scope, id, deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }), description);
}

/** The fixed name a queue was created with: a key policy can name it without referring to the queue (which the key encrypts). */
function fixedQueueName(queue: sqs.Queue): string {
  const name = (queue.node.defaultChild as sqs.CfnQueue).queueName;
  if (!name || Token.isUnresolved(name)) throw new Error(`queue ${queue.node.path} needs a fixed queueName to be named in the key policy`);
  return name;
}

/**
 * Rules → encrypted queue targets, written out instead of `targets.SqsQueue`, which grants the
 * service wildcard key actions (kms:GenerateDataKey*, kms:ReEncrypt*) without a condition.
 * EventBridge sends with its service identity (no role): the queue and the DLQ (for events it
 * cannot deliver) let it in for these rules only, and the key lets it encrypt for these two queues
 * only (SQS binds each data key to its queue's ARN in the encryption context).
 */
export function addQueueTargets(rules: readonly events.Rule[], queue: sqs.Queue, deadLetterQueue: sqs.Queue, key: kms.IKey, keyStatementId: string): void {
  for (const rule of rules) {
    rule.addTarget({
      bind: () => ({
        arn: queue.queueArn,
        deadLetterConfig: { arn: deadLetterQueue.queueArn },
        retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
        targetResource: queue,
      }),
    });
  }
  const events = new iam.ServicePrincipal('events.amazonaws.com');
  for (const target of [queue, deadLetterQueue]) {
    target.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [events],
        actions: ['sqs:SendMessage'],
        resources: [target.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rules.map((rule) => rule.ruleArn) } },
      }),
    );
  }
  letServiceEncryptForQueues(key, keyStatementId, 'events.amazonaws.com', [fixedQueueName(queue), fixedQueueName(deadLetterQueue)]);
}

/**
 * "SNS could not deliver to its queue" (NumberOfNotificationsFailed > 0): after its retries SNS
 * puts the message in the subscription's DLQ, or drops it when that fails too (a key or queue
 * policy refusing SNS refuses both).
 */
export function notificationsFailedAlarm(scope: Construct, id: string, topic: sns.ITopic, description: string): cloudwatch.Alarm {
  return alarmOnAny(scope, id, topic.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: 'Sum' }), description);
}
