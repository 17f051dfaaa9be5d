import { ArnFormat, Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterAlarm, encryptedQueue } from './queues.js';
import { EVENT_SOURCE } from '../../lambdas/core/events.js';
import { forwardedAlertTypes, slaAlertText, type SlaAlertField, type SlaAlertType } from '../../lambdas/core/sla-sweep.js';
import type { AlertsConfig } from '../../lambdas/schemas/alerts-config.js';

export interface AlertsProps {
  /** The `alerts` section of the config. */
  readonly alerts: AlertsConfig;
  /** The Replyline bus (`SLA …` events, source `replyline`). */
  readonly bus: events.IEventBus;
  /** Encrypts the alert topic and the delivery DLQ (SLA events carry a subject line and a masked address). Must be a key of this stack: its policy is extended. */
  readonly dataKey: kms.IKey;
  /** Prefix of the fixed names (topic, rules, DLQ), unique per account and region, e.g. the stack name. */
  readonly namePrefix: string;
  /** The inbound queue (dashboard: inbound volume). */
  readonly inboundQueue: sqs.IQueue;
  /** Every dead-letter queue to show on the dashboard, by label. This construct's own DLQ is added. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Alarms whose ALARM/OK notifications go to the alert topic (DLQs not empty, sweeper failing, …). */
  readonly alarms?: readonly cloudwatch.Alarm[];
  /** The SLA sweeper, for its invocations and errors on the dashboard. */
  readonly sweeper?: lambda.IFunction;
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

/** EMF metrics of Replyline's functions (POWERTOOLS_METRICS_NAMESPACE in app-function.ts). */
export const METRICS_NAMESPACE = 'Replyline';
/** Header the chat connection sends. Incoming webhooks ignore it; EventBridge connections require some authorization. */
export const CHAT_AUTH_HEADER = 'X-Replyline-Alert-Token';

/**
 * Where SLA alerts go (DESIGN.md "Flow on AWS": rules → SNS alert topic (email, chat), CloudWatch metric + alarm):
 * - a rule per forwarded detail type (`SLA Breached`, plus `SLA Warning` with `includeWarnings`) →
 *   the alert topic (KMS, TLS-only; one e-mail subscription per `alerts.emails`) with a
 *   one-line text, and → an API destination POSTing `{"text": …}` to `alerts.chatWebhookUrl`;
 * - an alarm on the breach rule's MatchedEvents (`Breaches > 0`);
 * - a dashboard: inbound volume, ack latency, open threads by team, warnings, breaches,
 *   deadline → event delay, DLQ depths, alarm states.
 * Failed deliveries (after EventBridge's retries) land in a DLQ with an alarm of its own.
 */
export class Alerts extends Construct {
  readonly topic: sns.Topic;
  readonly rules: Partial<Record<SlaAlertType, events.Rule>> = {};
  readonly deliveryRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  readonly connection: events.Connection | undefined;
  readonly chatDestination: events.ApiDestination | undefined;
  readonly breachAlarm: cloudwatch.Alarm;
  readonly dashboard: cloudwatch.Dashboard;
  /** Alarms created here (delivery DLQ, breaches). */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { alerts, bus, dataKey, namePrefix } = props;
    const withLink = Boolean(alerts.linkTemplate);

    // Fixed names: the key policy below must name the topic and the queue, and a Ref would make
    // the key depend on resources that are encrypted with it (a CloudFormation cycle).
    const topicName = `${namePrefix}-sla-alerts`;
    const dlqName = `${namePrefix}-alert-delivery-dlq`;
    const topicArn = stack.formatArn({ service: 'sns', resource: topicName, arnFormat: ArnFormat.NO_RESOURCE_NAME });
    const dlqArn = stack.formatArn({ service: 'sqs', resource: dlqName, arnFormat: ArnFormat.NO_RESOURCE_NAME });

    // --- Topic ----------------------------------------------------------------------------------
    this.topic = new sns.Topic(this, 'Topic', {
      topicName,
      displayName: 'Replyline SLA alerts',
      masterKey: dataKey,
      enforceSSL: true,
    });
    for (const email of alerts.emails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    // CloudWatch alarms publish with the service's identity, so the key policy must let it use the
    // key — for this topic only (SNS binds its data keys to the topic ARN).
    dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsToReplylineAlertTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': topicArn } },
      }),
    );

    // --- Delivery DLQ ---------------------------------------------------------------------------
    this.deadLetterQueue = encryptedQueue(this, 'DeliveryDlq', dataKey, { queueName: dlqName });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the SLA alert rules\' targets (EventBridge DeadLetterConfig), which cdk-nag does not recognise as DLQ use.',
    });
    // EventBridge writes to a rule's DLQ with its service identity (no role): it may use the key
    // for this queue's messages only (SQS binds its data keys to the queue ARN).
    dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgeToReplylineAlertDlq',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'kms:EncryptionContext:aws:sqs:arn': dlqArn } },
      }),
    );

    // --- Delivery role (topic and chat) ---------------------------------------------------------
    this.deliveryRole = new iam.Role(this, 'DeliveryRole', {
      description: 'Assumed by EventBridge to deliver Replyline SLA alerts to the alert topic and the chat webhook',
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
    });
    this.deliveryRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }));
    this.deliveryRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [dataKey.keyArn] }));

    // --- Chat -------------------------------------------------------------------------------------
    if (alerts.chatWebhookUrl) {
      // EventBridge connections need an authorization, and incoming webhooks take none (their
      // URL is the credential). So: a random API-key header the webhook ignores. The value is
      // generated into a secret at deploy time; the template only holds a {{resolve:…}} reference.
      const token = new secretsmanager.Secret(this, 'ChatConnectionToken', {
        description: `Replyline (${namePrefix}): placeholder API key for the chat webhook connection (incoming webhooks ignore it)`,
        generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false },
      });
      Validations.of(token).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason: 'A random header value that the chat webhook ignores (its URL is the credential); rotating it would change nothing and needs a rotation function.',
      });
      this.connection = new events.Connection(this, 'ChatConnection', {
        description: 'Replyline SLA alerts → chat incoming webhook',
        authorization: events.Authorization.apiKey(CHAT_AUTH_HEADER, SecretValue.secretsManager(token.secretArn)),
      });
      this.chatDestination = new events.ApiDestination(this, 'ChatWebhook', {
        description: 'Chat channel incoming webhook (Slack, Mattermost or a Teams-compatible bridge)',
        connection: this.connection,
        endpoint: alerts.chatWebhookUrl,
        httpMethod: events.HttpMethod.POST,
        // Incoming webhooks allow about one message per second; EventBridge queues the rest.
        rateLimitPerSecond: 1,
      });
    }

    // --- Rules ------------------------------------------------------------------------------------
    const field = (name: string) => events.EventField.fromPath(`$.detail.${name}`);
    for (const type of forwardedAlertTypes(alerts)) {
      const ruleName = `${namePrefix}-${type === 'SLA Breached' ? 'sla-breached' : 'sla-warning'}`;
      const rule = new events.Rule(this, type === 'SLA Breached' ? 'BreachedRule' : 'WarningRule', {
        ruleName,
        eventBus: bus,
        description: `Replyline ${type} → alert topic${alerts.chatWebhookUrl ? ' and chat' : ''}`,
        eventPattern: { source: [EVENT_SOURCE], detailType: [type] },
      });
      const text = slaAlertText(type, withLink, field);
      rule.addTarget({
        bind: () => ({
          arn: this.topic.topicArn,
          role: this.deliveryRole,
          // Plain text for e-mail (fromText would deliver it wrapped in JSON quotes).
          input: new PlainTextInput(slaAlertText(type, withLink, (name) => `<${name}>`), ALERT_INPUT_PATHS),
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
          targetResource: this.topic,
        }),
      });
      if (this.chatDestination) {
        rule.addTarget(
          new targets.ApiDestination(this.chatDestination, {
            event: events.RuleTargetInput.fromObject({ text }),
            eventRole: this.deliveryRole,
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: 185,
            maxEventAge: Duration.hours(24),
          }),
        );
      }
      this.rules[type] = rule;
    }
    // The topic target is hand-written (to publish with the delivery role), so its DLQ permission is too.
    const ruleArns = Object.values(this.rules).map((rule) => rule.ruleArn);
    if (ruleArns.length) {
      this.deadLetterQueue.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [this.deadLetterQueue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': ruleArns } },
        }),
      );
    }
    if (this.chatDestination) {
      this.deliveryRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['events:InvokeApiDestination'], resources: [this.chatDestination.apiDestinationArn] }));
    }

    // --- Alarms -----------------------------------------------------------------------------------
    const breachRule = this.rules['SLA Breached']!;
    const matched = (rule: events.Rule, label?: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'MatchedEvents',
        // Rules on a custom bus report with both dimensions.
        dimensionsMap: { EventBusName: bus.eventBusName, RuleName: rule.ruleName },
        statistic: 'Sum',
        period: Duration.minutes(1),
        // A label would turn the alarm into a metric-math alarm; only dashboard lines get one.
        ...(label ? { label } : {}),
      });
    this.breachAlarm = new cloudwatch.Alarm(this, 'Breaches', {
      alarmDescription: 'Breaches > 0: a reply-time promise was broken (SLA Breached on the Replyline bus). Each breach is also sent to the alert topic and chat.',
      metric: matched(breachRule),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const dlqAlarm = deadLetterAlarm(this, 'DeliveryDlqNotEmpty', this.deadLetterQueue, 'SLA alerts could not be delivered to the alert topic or the chat webhook for 24 hours; they wait in the alert delivery DLQ.');
    this.alarms.push(this.breachAlarm, dlqAlarm);
    // Operational alarms reach the same people. (Not the breach alarm: each breach is already sent.)
    const notify = new cloudwatchActions.SnsAction(this.topic);
    for (const alarm of [...(props.alarms ?? []), dlqAlarm]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    // --- Dashboard --------------------------------------------------------------------------------
    const fiveMinutes = Duration.minutes(5);
    const emf = (metricName: string, statistic: string, label: string, dimensionsMap: Record<string, string>) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap, statistic, period: fiveMinutes, label });
    const byTeam = (metricName: string, statistic: string) =>
      new cloudwatch.MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},service,team} MetricName="${metricName}"', '${statistic}', 300)`,
        label: '',
        period: fiveMinutes,
      });
    const deadLetterQueues = { ...props.deadLetterQueues, 'alert delivery': this.deadLetterQueue };

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${namePrefix}-replyline`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Inbound mail (notifications queued for ingest)',
        left: [props.inboundQueue.metricNumberOfMessagesSent({ period: fiveMinutes, statistic: 'Sum', label: 'mails' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Acknowledgement latency, receipt → sent (ms)',
        left: (['p50', 'p90', 'Maximum'] as const).map((statistic) => emf('AckLatencyMs', statistic, statistic, { service: 'replyline-ingest' })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Open threads by team (OpenThreads)',
        left: [byTeam('OpenThreads', 'Maximum')],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'SLA breaches',
        left: [matched(breachRule, 'breaches (bus)'), ...(this.rules['SLA Warning'] ? [matched(this.rules['SLA Warning'], 'warnings (bus)')] : [])],
        width: 6,
      }),
      new cloudwatch.GraphWidget({ title: 'SLA breaches by team', left: [byTeam('SlaBreaches', 'Sum')], width: 6 }),
      new cloudwatch.GraphWidget({ title: 'SLA warnings by team', left: [byTeam('SlaWarnings', 'Sum')], width: 6 }),
      new cloudwatch.GraphWidget({
        title: 'Deadline → event delay (ms)',
        left: (['p50', 'Maximum'] as const).map((statistic) => emf('SlaAlertDelayMs', statistic, statistic, { service: 'replyline-sla-sweep' })),
        leftAnnotations: [{ value: 60_000, label: 'promise: 60 s' }],
        width: 6,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues (messages waiting)',
        left: Object.entries(deadLetterQueues).map(([label, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label }),
        ),
        width: 8,
      }),
      ...(props.sweeper
        ? [
            new cloudwatch.GraphWidget({
              title: 'SLA sweeper runs',
              left: [props.sweeper.metricInvocations({ period: fiveMinutes, label: 'invocations' }), props.sweeper.metricErrors({ period: fiveMinutes, label: 'errors' })],
              width: 8,
            }),
          ]
        : []),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...(props.alarms ?? []), ...this.alarms], width: 8 }),
    );
  }
}
