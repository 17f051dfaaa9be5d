import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { alarmOnAny, deadLetterAlarm } from './queues.js';
import { letServiceEncryptForTopic } from './key-grants.js';
import { matchedEvents, plainRuleName, ruleMetric } from './dashboard.js';
import type { AlertChannels } from './alert-channels.js';
import { physicalNames } from '../physical-names.js';

interface AlertPathAlarms {
  /** `Breaches > 0`. Shown on the dashboard but not sent to the topic: each breach is already sent. */
  readonly breachAlarm: cloudwatch.Alarm;
  /** Every alarm created here, the breach alarm first. */
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * The alarms on the alert path itself, created directly in `scope` (like the channels, so their
 * logical IDs stay those of the scope): breaches, alerts stuck in the delivery or chat DLQ, and
 * rules whose targets refuse EventBridge (the alert rules and any `watchedRules` on the bus).
 */
export function createAlertPathAlarms(
  scope: Construct,
  props: { bus: events.IEventBus; namePrefix: string; channels: AlertChannels; watchedRules?: readonly events.Rule[] | undefined },
): AlertPathAlarms {
  const { bus, channels } = props;
  // By its fixed name: the metric's dimension is the rule's plain name, not its Ref.
  const breachRuleName = physicalNames.alertRule(props.namePrefix, 'SLA Breached');
  const breachAlarm = alarmOnAny(
    scope,
    'Breaches',
    matchedEvents(bus, breachRuleName),
    'Breaches > 0: a reply-time promise was broken (SLA Breached on the Replyline bus). Each breach is also sent to the alert topic and chat.',
  );
  const alarms = [
    breachAlarm,
    deadLetterAlarm(scope, 'DeliveryDlqNotEmpty', channels.deliveryDeadLetterQueue, 'SLA alerts could not be delivered to the alert topic for 24 hours; they wait in the alert delivery DLQ.'),
  ];
  if (channels.chat) {
    alarms.push(
      deadLetterAlarm(scope, 'ChatDlqNotEmpty', channels.chat.deadLetterQueue, 'SLA alerts could not be posted to the chat webhook (secret missing, URL revoked, or the webhook failing): see the alert-chat log, fix the cause, then start a DLQ redrive of the alert-chat DLQ (SQS console or aws sqs start-message-move-task).'),
    );
  }
  // A target that refuses EventBridge (topic, queue or key policy) shows only in the rule's counters.
  for (const rule of [...Object.values(channels.rules), ...(props.watchedRules ?? [])]) alarms.push(ruleDeliveryAlarm(scope, bus, rule));
  return { breachAlarm, alarms };
}

/**
 * Operational alarms reach the same people as the alerts: each notifies the topic on ALARM and
 * OK. A topic policy replaces SNS's default one, so CloudWatch may publish only where it says so:
 * for exactly these alarms (and the key lets it encrypt for this topic).
 */
export function notifyAlertTopic(props: { channels: Pick<AlertChannels, 'topic' | 'topicName'>; dataKey: kms.IKey; alarms: readonly cloudwatch.Alarm[] }): void {
  const { channels, alarms } = props;
  const topic = channels.topic;
  const notify = new cloudwatchActions.SnsAction(topic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(notify);
    alarm.addOkAction(notify);
  }
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarms',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(topic).account }, ArnEquals: { 'aws:SourceArn': alarms.map((alarm) => alarm.alarmArn) } },
    }),
  );
  letServiceEncryptForTopic(props.dataKey, 'CloudWatchAlarmsToReplylineAlertTopic', 'cloudwatch.amazonaws.com', channels.topicName);
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
