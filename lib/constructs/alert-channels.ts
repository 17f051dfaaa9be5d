import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { addQueueTargets, encryptedQueue } from './queues.js';
import { letServiceEncryptForQueues, letServiceEncryptForTopic } from './key-grants.js';
import { AppFunction } from './app-function.js';
import type { ThreadsTable } from './threads-table.js';
import { physicalNames } from '../physical-names.js';
import { EVENT_SOURCE } from '../../lambdas/core/events.js';
import { forwardedAlertTypes, slaAlertText, type SlaAlertField } from '../../lambdas/core/sla/alert-text.js';
import type { SlaAlertType } from '../../lambdas/core/sla/sla-events.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { PREFIX } from '../../lambdas/adapters/table-layout.js';

export interface AlertChannelsProps {
  /** The validated config (its `alerts` section decides the channels; the chat function is bundled with it). */
  readonly config: ReplylineConfig;
  /** The Replyline bus (`SLA …` events, source `replyline`). */
  readonly bus: events.IEventBus;
  /** Encrypts the alert topic and the alert queues (SLA events carry a subject line and a masked address). Must be a key of this stack: its policy is extended. */
  readonly dataKey: kms.IKey;
  /** The threads table: the chat function records each alert it posted there, so a redelivery does not post it twice. */
  readonly table: ThreadsTable;
  /** Prefix of the fixed names (topic, rules, queues), unique per account and region, e.g. the stack name. */
  readonly namePrefix: string;
}

/** The chat channel: its queue (+DLQ) and the `alert-chat` function that posts to the webhook. */
export interface ChatChannel {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: AppFunction;
}

/** What carries an SLA alert from the bus to people. */
export interface AlertChannels {
  readonly topic: sns.Topic;
  /** The topic's fixed name: key policies name it instead of referring to the topic (which the key encrypts). */
  readonly topicName: string;
  /** One rule per forwarded detail type. */
  readonly rules: Partial<Record<SlaAlertType, events.Rule>>;
  /** Where EventBridge puts alerts it could not publish to the topic. */
  readonly deliveryDeadLetterQueue: sqs.Queue;
  /** Present with `alerts.chatWebhookSecretName`. */
  readonly chat: ChatChannel | undefined;
  /** The channels' dead-letter queues, by label. */
  readonly deadLetterQueues: Record<string, sqs.Queue>;
}

/** Detail paths of the alert line's placeholders (see `slaAlertText`). */
const ALERT_INPUT_PATHS: Record<SlaAlertField, string> = {
  threadRef: '$.detail.threadRef',
  team: '$.detail.team',
  priority: '$.detail.priority',
  dueAt: '$.detail.dueAt',
  minutesOverdue: '$.detail.minutesOverdue',
  link: '$.detail.link',
};

/** An input template that is plain text, not a JSON value: the target receives exactly the text. */
class PlainTextInput extends events.RuleTargetInput {
  constructor(
    private readonly template: string,
    private readonly paths: Record<string, string>,
  ) {
    super();
  }

  bind(): events.RuleTargetInputProperties {
    const used = Object.fromEntries(Object.entries(this.paths).filter(([name]) => this.template.includes(`<${name}>`)));
    return { inputTemplate: this.template, inputPathsMap: used };
  }
}

const CHAT_TIMEOUT = Duration.seconds(30);

/**
 * The alert channels, created directly in `scope` rather than in a construct of their own, so
 * that their logical IDs are those of the scope (a deployed stack keeps its topic and queues):
 * - a rule per forwarded detail type (`SLA Breached`, plus `SLA Warning` with `includeWarnings`) →
 *   the alert topic (KMS, TLS-only; one e-mail subscription per `alerts.emails`) with a one-line
 *   text. EventBridge publishes with its own service identity, which the topic and key policies
 *   let in for these rules; a failed delivery lands in the alert delivery DLQ;
 * - with `alerts.chatWebhookSecretName`: the same rules → the alert-chat queue (+DLQ) → the
 *   `alert-chat` function, which reads the webhook URL from Secrets Manager at run time (the URL
 *   is a credential: never in the template or the bundle) and posts `{"text": …}` once per alert.
 */
export function createAlertChannels(scope: Construct, props: AlertChannelsProps): AlertChannels {
  const { config, bus, dataKey, namePrefix } = props;
  const alerts = config.alerts;
  const deadLetterQueues: Record<string, sqs.Queue> = {};

  // Fixed names: the key policy below must name the topic and the queues, and a Ref would make
  // the key depend on resources that are encrypted with it (a CloudFormation cycle).
  const topicName = physicalNames.alertTopic(namePrefix);

  const topic = new sns.Topic(scope, 'Topic', { topicName, displayName: 'Replyline SLA alerts', masterKey: dataKey, enforceSSL: true });
  for (const email of alerts.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));

  const deliveryDeadLetterQueue = encryptedQueue(scope, 'DeliveryDlq', dataKey, { queueName: physicalNames.alertDeliveryDlq(namePrefix) });
  deadLetterQueues['alert delivery'] = deliveryDeadLetterQueue;
  Validations.of(deliveryDeadLetterQueue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is the dead-letter queue of the SLA alert rules\' targets (EventBridge DeadLetterConfig), which cdk-nag does not recognise as DLQ use.',
  });

  const ruleByType: Partial<Record<SlaAlertType, events.Rule>> = {};
  const withLink = Boolean(alerts.linkTemplate);
  for (const type of forwardedAlertTypes(alerts)) {
    const rule = new events.Rule(scope, type === 'SLA Breached' ? 'BreachedRule' : 'WarningRule', {
      ruleName: physicalNames.alertRule(namePrefix, type),
      eventBus: bus,
      description: `Replyline ${type} → alert topic${alerts.chatWebhookSecretName ? ' and chat' : ''}`,
      eventPattern: { source: [EVENT_SOURCE], detailType: [type] },
    });
    // No role: EventBridge publishes to SNS with its service identity (the topic policy below).
    rule.addTarget({
      bind: () => ({
        arn: topic.topicArn,
        // Plain text for e-mail (fromText would deliver it wrapped in JSON quotes).
        input: new PlainTextInput(slaAlertText(type, withLink, (name) => `<${name}>`), ALERT_INPUT_PATHS),
        deadLetterConfig: { arn: deliveryDeadLetterQueue.queueArn },
        retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
        targetResource: topic,
      }),
    });
    ruleByType[type] = rule;
  }
  const rules = Object.values(ruleByType);
  const ruleArns = rules.map((rule) => rule.ruleArn);
  const eventsService = new iam.ServicePrincipal('events.amazonaws.com');
  if (ruleArns.length) {
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgeSlaAlertRules',
        principals: [eventsService],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        // No condition: EventBridge's guide says SNS topic policies for it cannot use one. The key
        // statement below still binds its use of the key to this topic.
      }),
    );
    deliveryDeadLetterQueue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [eventsService],
        actions: ['sqs:SendMessage'],
        resources: [deliveryDeadLetterQueue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': ruleArns } },
      }),
    );
  }
  letServiceEncryptForTopic(dataKey, 'EventBridgeToReplylineAlertTopic', 'events.amazonaws.com', topicName);
  letServiceEncryptForQueues(dataKey, 'EventBridgeToReplylineAlertDlq', 'events.amazonaws.com', [physicalNames.alertDeliveryDlq(namePrefix)]);

  let chat: ChatChannel | undefined;
  if (alerts.chatWebhookSecretName) {
    chat = createChatChannel(scope, props, alerts.chatWebhookSecretName, rules);
    deadLetterQueues['alert chat'] = chat.deadLetterQueue;
  }
  return { topic, topicName, rules: ruleByType, deliveryDeadLetterQueue, chat, deadLetterQueues };
}

/** Rules → alert-chat queue (+DLQ) → `alert-chat`, which reads the webhook URL from the secret at run time. */
function createChatChannel(scope: Construct, props: AlertChannelsProps, secretName: string, rules: events.Rule[]): ChatChannel {
  const { dataKey, namePrefix } = props;
  const deadLetterQueue = encryptedQueue(scope, 'ChatDlq', dataKey, { queueName: physicalNames.alertChatDlq(namePrefix) });
  const queue = encryptedQueue(scope, 'ChatQueue', dataKey, {
    queueName: physicalNames.alertChatQueue(namePrefix),
    visibilityTimeout: Duration.seconds(CHAT_TIMEOUT.toSeconds() * 6),
    deadLetterQueue,
  });
  addQueueTargets(rules, queue, deadLetterQueue, dataKey, 'EventBridgeToAlertChatQueue');

  const chat = new AppFunction(scope, 'Chat', {
    name: 'alert-chat',
    config: props.config,
    description: 'Posts SLA alerts to the chat incoming webhook whose URL is in Secrets Manager',
    timeout: CHAT_TIMEOUT,
    environment: { TABLE_NAME: props.table.table.tableName, CHAT_WEBHOOK_SECRET_ID: secretName },
  });
  // Incoming webhooks take about one message a second: few concurrent posters.
  chat.function.addEventSource(new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }));
  // Only the alert ledger's items (claim, complete, release), nothing else in the table.
  chat.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      resources: [props.table.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${PREFIX.alert}*`] } },
    }),
  );
  secretsmanager.Secret.fromSecretNameV2(scope, 'ChatWebhookSecret', secretName).grantRead(chat);
  return { queue, deadLetterQueue, function: chat };
}
