import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { AppFunction } from './app-function.js';
import { physicalNames } from '../physical-names.js';
import { deadLetterAlarm, encryptedQueue, notificationsFailedAlarm } from './queues.js';
import { letServiceEncryptForTopic, letSnsEncryptForQueues } from './key-grants.js';
import type { ThreadsTable } from './threads-table.js';

export interface SendingFeedbackProps {
  readonly config: ReplylineConfig;
  readonly dataKey: kms.IKey;
  readonly table: ThreadsTable;
  readonly namePrefix: string;
}

/**
 * What SES tells us about mail we send: every mail goes through a configuration
 * set whose events (Send, Bounce, Complaint) reach the `feedback` function through
 * SNS and an SQS queue (with DLQ). Bounces and complaints fill the suppression
 * list; Send events fill the sent-log that keeps a retried side effect from sending twice.
 */
export class SendingFeedback extends Construct {
  readonly configurationSetName: string;
  readonly configurationSetArn: string;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: SendingFeedbackProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.configurationSetName = physicalNames.configurationSet(props.namePrefix);
    this.configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSetName });

    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
    });

    // A fixed name, so the key policy can name the topic without a circular reference.
    const topicName = physicalNames.sendingEventsTopic(props.namePrefix);
    const topic = new sns.Topic(this, 'Events', { topicName, displayName: 'Replyline sending events (SES)', masterKey: props.dataKey, enforceSSL: true });
    const sesService = new iam.ServicePrincipal('ses.amazonaws.com');
    // SES may use the key for this topic only (SNS binds its data keys to the topic ARN); the topic
    // policy below admits only our configuration set. (No source condition on the key: none is
    // documented to reach KMS on this path.)
    letServiceEncryptForTopic(props.dataKey, 'SesEventsToReplylineSendingTopic', 'ses.amazonaws.com', topicName);
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [sesService],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': this.configurationSetArn } },
      }),
    );
    configurationSet.addEventDestination('ToFeedback', {
      destination: ses.EventDestination.snsTopic(topic),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.deadLetterQueue = encryptedQueue(this, 'FeedbackDlq', props.dataKey);
    this.queue = encryptedQueue(this, 'Feedback', props.dataKey, { visibilityTimeout: Duration.seconds(180), deadLetterQueue: this.deadLetterQueue });
    const snsService = new iam.ServicePrincipal('sns.amazonaws.com');
    const { policyDependable } = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({ principals: [snsService], actions: ['sqs:SendMessage'], resources: [this.queue.queueArn], conditions: { ArnEquals: { 'aws:SourceArn': topic.topicArn } } }),
    );
    letSnsEncryptForQueues(props.dataKey);
    const subscription = new sns.Subscription(this, 'FeedbackSubscription', {
      topic,
      protocol: sns.SubscriptionProtocol.SQS,
      endpoint: this.queue.queueArn,
      rawMessageDelivery: false,
      deadLetterQueue: this.deadLetterQueue,
    });
    if (policyDependable) subscription.node.addDependency(policyDependable);

    this.alarms.push(
      deadLetterAlarm(this, 'FeedbackDlqNotEmpty', this.deadLetterQueue, 'SES sending events could not be recorded: bounces or complaints may not reach the suppression list. See the feedback log, then redrive.'),
      notificationsFailedAlarm(this, 'FeedbackNotificationsFailing', topic, 'SNS could not deliver SES sending events to the feedback queue (a queue or key policy refuses it): bounces, complaints and the sent-log go unrecorded.'),
    );

    const feedback = new AppFunction(this, 'Function', {
      name: 'feedback',
      config: props.config,
      description: 'Records SES sending events: suppression list (bounces, complaints) and sent-log',
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: props.table.table.tableName },
    });
    feedback.function.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));
    // It only writes suppression and sent-log items and reads the sent-log: no other table access.
    feedback.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:GetItem'], resources: [props.table.table.tableArn] }));
  }
}
