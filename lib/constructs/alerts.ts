import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { addQueueTargets, alarmOnAny, deadLetterAlarm, encryptedQueue } from './queues.js';
import { letServiceEncryptForQueues, letServiceEncryptForTopic } from './key-grants.js';
import { AppFunction } from './app-function.js';
import { matchedEvents, OperationsDashboard, plainRuleName, ruleMetric } from './dashboard.js';
import type { ThreadsTable } from './threads-table.js';
import { physicalNames } from '../physical-names.js';
import { EVENT_SOURCE } from '../../lambdas/core/events.js';
import { forwardedAlertTypes, slaAlertText, type SlaAlertField } from '../../lambdas/core/sla/alert-text.js';
import type { SlaAlertType } from '../../lambdas/core/sla/sla-events.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { PREFIX } from '../../lambdas/adapters/table-layout.js';

export interface AlertsProps {
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
  /** The inbound queue (dashboard: inbound volume). */
  readonly inboundQueue: sqs.IQueue;
  /** Every dead-letter queue to show on the dashboard, by label. This construct's own are added. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Alarms whose ALARM/OK notifications go to the alert topic (DLQs not empty, sweeper failing, …). */
  readonly alarms?: readonly cloudwatch.Alarm[];
  /** The SLA sweeper, for its invocations and errors on the dashboard. */
  readonly sweeper?: lambda.IFunction;
  /** Other rules with targets on the bus (help-desk events): an alarm when EventBridge cannot deliver their events. */
  readonly watchedRules?: readonly events.Rule[];
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
 * Where SLA alerts and operational alarms reach people:
 * - a rule per forwarded detail type (`SLA Breached`, plus `SLA Warning` with `includeWarnings`) →
 *   the alert topic (KMS, TLS-only; one e-mail subscription per `alerts.emails`) with a one-line
 *   text. EventBridge publishes with its own service identity, which the topic and key policies
 *   let in for these rules; a failed delivery lands in the alert delivery DLQ (alarmed);
 * - with `alerts.chatWebhookSecretName`: the same rules → the alert-chat queue (+DLQ) → the
 *   `alert-chat` function, which reads the webhook URL from Secrets Manager at run time (the URL
 *   is a credential: never in the template or the bundle) and posts `{"text": …}` once per alert;
 * - every alarm given (DLQs not empty, queues stale, sweeper failing) notifies the topic, which
 *   lets CloudWatch publish for exactly those alarms;
 * - an alarm on the breach rule's MatchedEvents (`Breaches > 0`), and the operations dashboard.
 */
export class Alerts extends Construct {
  readonly topic: sns.Topic;
  readonly rules: Partial<Record<SlaAlertType, events.Rule>> = {};
  /** Dead-letter queues of this construct, by label. */
  readonly deadLetterQueues: Record<string, sqs.Queue> = {};
  readonly deliveryDeadLetterQueue: sqs.Queue;
  readonly chat: { queue: sqs.Queue; deadLetterQueue: sqs.Queue; function: AppFunction } | undefined;
  readonly breachAlarm: cloudwatch.Alarm;
  readonly dashboard: OperationsDashboard;
  /** Alarms created here (delivery DLQs, breaches). */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { config, bus, dataKey, namePrefix } = props;
    const alerts = config.alerts;

    // Fixed names: the key policy below must name the topic and the queues, and a Ref would make
    // the key depend on resources that are encrypted with it (a CloudFormation cycle).
    const topicName = physicalNames.alertTopic(namePrefix);

    this.topic = new sns.Topic(this, 'Topic', { topicName, displayName: 'Replyline SLA alerts', masterKey: dataKey, enforceSSL: true });
    for (const email of alerts.emails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    this.deliveryDeadLetterQueue = encryptedQueue(this, 'DeliveryDlq', dataKey, { queueName: physicalNames.alertDeliveryDlq(namePrefix) });
    this.deadLetterQueues['alert delivery'] = this.deliveryDeadLetterQueue;
    Validations.of(this.deliveryDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the SLA alert rules\' targets (EventBridge DeadLetterConfig), which cdk-nag does not recognise as DLQ use.',
    });

    // --- Rules → topic (and chat) ---------------------------------------------------------------
    const withLink = Boolean(alerts.linkTemplate);
    for (const type of forwardedAlertTypes(alerts)) {
      const rule = new events.Rule(this, type === 'SLA Breached' ? 'BreachedRule' : 'WarningRule', {
        ruleName: physicalNames.alertRule(namePrefix, type),
        eventBus: bus,
        description: `Replyline ${type} → alert topic${alerts.chatWebhookSecretName ? ' and chat' : ''}`,
        eventPattern: { source: [EVENT_SOURCE], detailType: [type] },
      });
      // No role: EventBridge publishes to SNS with its service identity (the topic policy below).
      rule.addTarget({
        bind: () => ({
          arn: this.topic.topicArn,
          // Plain text for e-mail (fromText would deliver it wrapped in JSON quotes).
          input: new PlainTextInput(slaAlertText(type, withLink, (name) => `<${name}>`), ALERT_INPUT_PATHS),
          deadLetterConfig: { arn: this.deliveryDeadLetterQueue.queueArn },
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
          targetResource: this.topic,
        }),
      });
      this.rules[type] = rule;
    }
    const rules = Object.values(this.rules);
    const ruleArns = rules.map((rule) => rule.ruleArn);
    const eventsService = new iam.ServicePrincipal('events.amazonaws.com');
    if (ruleArns.length) {
      this.topic.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'EventBridgeSlaAlertRules',
          principals: [eventsService],
          actions: ['sns:Publish'],
          resources: [this.topic.topicArn],
          // No condition: EventBridge's guide says SNS topic policies for it cannot use one. The key
          // statement below still binds its use of the key to this topic.
        }),
      );
      this.deliveryDeadLetterQueue.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [eventsService],
          actions: ['sqs:SendMessage'],
          resources: [this.deliveryDeadLetterQueue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': ruleArns } },
        }),
      );
    }
    letServiceEncryptForTopic(dataKey, 'EventBridgeToReplylineAlertTopic', 'events.amazonaws.com', topicName);
    letServiceEncryptForQueues(dataKey, 'EventBridgeToReplylineAlertDlq', 'events.amazonaws.com', [physicalNames.alertDeliveryDlq(namePrefix)]);

    if (alerts.chatWebhookSecretName) this.chat = this.chatChannel(props, alerts.chatWebhookSecretName, rules);

    // --- Alarms -----------------------------------------------------------------------------------
    const breachRuleName = physicalNames.alertRule(namePrefix, 'SLA Breached');
    this.breachAlarm = alarmOnAny(
      this,
      'Breaches',
      matchedEvents(bus, breachRuleName),
      'Breaches > 0: a reply-time promise was broken (SLA Breached on the Replyline bus). Each breach is also sent to the alert topic and chat.',
    );
    const deliveryAlarm = deadLetterAlarm(this, 'DeliveryDlqNotEmpty', this.deliveryDeadLetterQueue, 'SLA alerts could not be delivered to the alert topic for 24 hours; they wait in the alert delivery DLQ.');
    this.alarms.push(this.breachAlarm, deliveryAlarm);
    if (this.chat) {
      this.alarms.push(
        deadLetterAlarm(this, 'ChatDlqNotEmpty', this.chat.deadLetterQueue, 'SLA alerts could not be posted to the chat webhook (secret missing, URL revoked, or the webhook failing): see the alert-chat log, fix the cause, then start a DLQ redrive of the alert-chat DLQ (SQS console or aws sqs start-message-move-task).'),
      );
    }
    // A target that refuses EventBridge (topic, queue or key policy) shows only in the rule's counters.
    for (const rule of [...rules, ...(props.watchedRules ?? [])]) this.alarms.push(ruleDeliveryAlarm(this, bus, rule));
    // Operational alarms reach the same people. (Not the breach alarm: each breach is already sent.)
    const notifying = [...(props.alarms ?? []), ...this.alarms.filter((alarm) => alarm !== this.breachAlarm)];
    const notify = new cloudwatchActions.SnsAction(this.topic);
    for (const alarm of notifying) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
    // A topic policy replaces SNS's default one, so CloudWatch may publish only where it says so: for these alarms.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnEquals: { 'aws:SourceArn': notifying.map((alarm) => alarm.alarmArn) } },
      }),
    );
    letServiceEncryptForTopic(dataKey, 'CloudWatchAlarmsToReplylineAlertTopic', 'cloudwatch.amazonaws.com', topicName);

    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      name: physicalNames.dashboard(namePrefix),
      bus,
      inboundQueue: props.inboundQueue,
      deadLetterQueues: { ...props.deadLetterQueues, ...this.deadLetterQueues },
      ruleNames: Object.fromEntries(Object.keys(this.rules).map((type) => [type, physicalNames.alertRule(namePrefix, type as SlaAlertType)])),
      alarms: [...(props.alarms ?? []), ...this.alarms],
      sweeper: props.sweeper,
    });
  }

  /** Rules → alert-chat queue (+DLQ) → `alert-chat`, which reads the webhook URL from the secret at run time. */
  private chatChannel(props: AlertsProps, secretName: string, rules: events.Rule[]): NonNullable<Alerts['chat']> {
    const { dataKey, namePrefix } = props;
    const deadLetterQueue = encryptedQueue(this, 'ChatDlq', dataKey, { queueName: physicalNames.alertChatDlq(namePrefix) });
    const queue = encryptedQueue(this, 'ChatQueue', dataKey, {
      queueName: physicalNames.alertChatQueue(namePrefix),
      visibilityTimeout: Duration.seconds(CHAT_TIMEOUT.toSeconds() * 6),
      deadLetterQueue,
    });
    this.deadLetterQueues['alert chat'] = deadLetterQueue;
    addQueueTargets(rules, queue, deadLetterQueue, dataKey, 'EventBridgeToAlertChatQueue');

    const chat = new AppFunction(this, 'Chat', {
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
    secretsmanager.Secret.fromSecretNameV2(this, 'ChatWebhookSecret', secretName).grantRead(chat);
    return { queue, deadLetterQueue, function: chat };
  }
}

/** "EventBridge could not deliver this rule's events" (FailedInvocations > 0): they wait in the rule's DLQ, or are lost if that fails too. */
function ruleDeliveryAlarm(scope: Construct, bus: events.IEventBus, rule: events.Rule): cloudwatch.Alarm {
  const ruleName = plainRuleName(rule);
  const failed = new cloudwatch.MathExpression({
    // FILL: a period with only one of the two counters must still count.
    expression: 'FILL(failed, 0) + FILL(unsaved, 0)',
    usingMetrics: { failed: ruleMetric(bus, ruleName, 'FailedInvocations'), unsaved: ruleMetric(bus, ruleName, 'InvocationsFailedToBeSentToDlq') },
    period: Duration.minutes(5),
  });
  return alarmOnAny(
    scope,
    `${rule.node.id}DeliveryFailing`,
    failed,
    `EventBridge could not deliver events of rule ${ruleName} to a target (a topic, queue or key policy refuses it); they wait in the rule's DLQ. Read the ERROR_CODE of the DLQ messages, fix, redeploy.`,
  );
}
