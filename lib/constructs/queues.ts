import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as kms from 'aws-cdk-lib/aws-kms';
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

/** "Something waits in this dead-letter queue": an alarm on one visible message, with what to do about it. */
export function deadLetterAlarm(scope: Construct, id: string, deadLetterQueue: sqs.IQueue, description: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
