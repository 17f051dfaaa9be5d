import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SlaAlertType } from '../../lambdas/core/sla/sla-events.js';

/** EMF metrics of Replyline's functions (POWERTOOLS_METRICS_NAMESPACE in app-function.ts). */
export const METRICS_NAMESPACE = 'Replyline';

export interface OperationsDashboardProps {
  readonly name: string;
  readonly bus: events.IEventBus;
  readonly inboundQueue: sqs.IQueue;
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** The plain names of the SLA alert rules on the bus (MatchedEvents per rule). */
  readonly ruleNames: Partial<Record<SlaAlertType, string>>;
  readonly alarms: readonly cloudwatch.Alarm[];
  readonly sweeper?: lambda.IFunction | undefined;
}

/** One page for the on-call: inbound volume, ack latency, open threads by team, warnings, breaches, deadline → event delay, DLQ depths, alarm states. */
export class OperationsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const fiveMinutes = Duration.minutes(5);
    const emf = (metricName: string, statistic: string, label: string, dimensionsMap: Record<string, string>) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap, statistic, period: fiveMinutes, label });
    const byTeam = (metricName: string, statistic: string) =>
      new cloudwatch.MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},service,team} MetricName="${metricName}"', '${statistic}', 300)`,
        label: '',
        period: fiveMinutes,
      });
    const { ruleNames } = props;

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.name, defaultInterval: Duration.days(1) });
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
      new cloudwatch.GraphWidget({ title: 'Open threads by team (OpenThreads)', left: [byTeam('OpenThreads', 'Maximum')], width: 8 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'SLA breaches',
        left: [
          ...(ruleNames['SLA Breached'] ? [matchedEvents(props.bus, ruleNames['SLA Breached'], 'breaches (bus)')] : []),
          ...(ruleNames['SLA Warning'] ? [matchedEvents(props.bus, ruleNames['SLA Warning'], 'warnings (bus)')] : []),
        ],
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
        left: Object.entries(props.deadLetterQueues).map(([label, queue]) => queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label })),
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
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 8 }),
    );
  }
}

/** EventBridge's MatchedEvents of a rule on a custom bus: dimensioned by bus and the rule's plain name (its Ref is `bus|rule`). */
export function matchedEvents(bus: events.IEventBus, ruleName: string, label?: string): cloudwatch.Metric {
  return ruleMetric(bus, ruleName, 'MatchedEvents', label);
}

/** The name a rule was created with: EventBridge's metrics use it (a Ref of a rule on a custom bus is `bus|rule`). */
export function plainRuleName(rule: events.Rule): string {
  return (rule.node.defaultChild as events.CfnRule).name!;
}

/** A per-rule EventBridge metric (MatchedEvents, FailedInvocations, InvocationsFailedToBeSentToDlq) of a rule on a custom bus. */
export function ruleMetric(bus: events.IEventBus, ruleName: string, metricName: string, label?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Events',
    metricName,
    dimensionsMap: { EventBusName: bus.eventBusName, RuleName: ruleName },
    statistic: 'Sum',
    period: Duration.minutes(1),
    // A label would turn the alarm into a metric-math alarm; only dashboard lines get one.
    ...(label ? { label } : {}),
  });
}
