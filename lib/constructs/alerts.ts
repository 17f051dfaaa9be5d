import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createAlertChannels, type AlertChannelsProps, type ChatChannel } from './alert-channels.js';
import { createAlertPathAlarms, notifyAlertTopic } from './alert-alarms.js';
import { OperationsDashboard } from './dashboard.js';
import { physicalNames } from '../physical-names.js';
import type { SlaAlertType } from '../../lambdas/core/sla/sla-events.js';

export interface AlertsProps extends AlertChannelsProps {
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

/**
 * Where SLA alerts and operational alarms reach people, in one construct scope: the alert
 * channels (`alert-channels.ts`: rules → topic, e-mail, chat), the alarms on that path and the
 * notifications of every alarm to the topic (`alert-alarms.ts`), and the operations dashboard.
 * The pieces create their resources directly in this scope, so the logical IDs do not depend on
 * how the code is split (a deployed stack keeps its topic, queues and alarms).
 */
export class Alerts extends Construct {
  readonly topic: sns.Topic;
  readonly rules: Partial<Record<SlaAlertType, events.Rule>>;
  /** Dead-letter queues of this construct, by label. */
  readonly deadLetterQueues: Record<string, sqs.Queue>;
  readonly deliveryDeadLetterQueue: sqs.Queue;
  readonly chat: ChatChannel | undefined;
  readonly breachAlarm: cloudwatch.Alarm;
  readonly dashboard: OperationsDashboard;
  /** Alarms created here (delivery DLQs, breaches). */
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { bus, namePrefix } = props;

    const channels = createAlertChannels(this, props);
    this.topic = channels.topic;
    this.rules = channels.rules;
    this.deadLetterQueues = channels.deadLetterQueues;
    this.deliveryDeadLetterQueue = channels.deliveryDeadLetterQueue;
    this.chat = channels.chat;

    const { breachAlarm, alarms } = createAlertPathAlarms(this, { bus, namePrefix, channels, watchedRules: props.watchedRules });
    this.breachAlarm = breachAlarm;
    this.alarms = alarms;
    // Not the breach alarm: each breach is already sent to the topic by its rule.
    notifyAlertTopic({ channels, dataKey: props.dataKey, alarms: [...(props.alarms ?? []), ...alarms.filter((alarm) => alarm !== breachAlarm)] });

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
}
