import { DescribeAlarmHistoryCommand, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { fail, listOutput, missingOutput, pass, type CheckResult, type StackContext } from './doctor-checks.js';

/**
 * Whether EventBridge and CloudWatch really delivered on this account. A topic, queue or key
 * policy that refuses them shows nowhere else: the rule counts a FailedInvocation (and puts the
 * event in its DLQ), the alarm records a failed action in its history.
 */

/** How far back the rule counters and alarm history are read. */
const RULE_WINDOW_MS = 24 * 3_600_000;
const ALARM_WINDOW_MS = 7 * 24 * 3_600_000;

/** FailedInvocations of each rule with targets (SLA alerts, help-desk events) over the last day. */
export async function checkRuleDeliveries(ctx: StackContext): Promise<CheckResult[]> {
  const bus = ctx.outputs.EventBusName;
  const rules = ctx.outputs.EventRuleNames;
  if (!bus || rules === undefined) return [missingOutput('rule-deliveries', 'event deliveries', bus ? 'EventRuleNames' : 'EventBusName')];
  return Promise.all(
    listOutput(rules).map(async (rule) => {
      const statistics = await ctx.clients.cloudwatch.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/Events',
          MetricName: 'FailedInvocations',
          Dimensions: [
            { Name: 'EventBusName', Value: bus },
            { Name: 'RuleName', Value: rule },
          ],
          StartTime: new Date(ctx.now.getTime() - RULE_WINDOW_MS),
          EndTime: ctx.now,
          Period: RULE_WINDOW_MS / 1000,
          Statistics: ['Sum'],
        }),
      );
      const failed = (statistics.Datapoints ?? []).reduce((sum, point) => sum + (point.Sum ?? 0), 0);
      const id = `rule-deliveries:${rule}`;
      const name = `deliveries of rule ${rule}`;
      if (failed === 0) return pass(id, name, 'no failed deliveries in the last 24 h');
      return fail(
        id,
        name,
        `${failed} failed deliver${failed === 1 ? 'y' : 'ies'} in the last 24 h: a target refused EventBridge (topic, queue or key policy), and the events wait in the rule's DLQ`,
        `read the ERROR_CODE/ERROR_MESSAGE attributes of the messages in the rule's DLQ (aws sqs receive-message --attribute-names All --message-attribute-names All), fix the policy, npx cdk deploy, then move them back (aws sqs start-message-move-task)`,
      );
    }),
  );
}

/** Alarm actions (SNS notifications) that CloudWatch could not carry out in the last week. */
export async function checkAlarmActions(ctx: StackContext): Promise<CheckResult> {
  // The history is per account; our alarms are named after the stack (CloudFormation's generated names).
  const history = await ctx.clients.cloudwatch.send(
    new DescribeAlarmHistoryCommand({ HistoryItemType: 'Action', StartDate: new Date(ctx.now.getTime() - ALARM_WINDOW_MS), EndDate: ctx.now, MaxRecords: 100 }),
  );
  const ours = (history.AlarmHistoryItems ?? []).filter((item) => item.AlarmName?.startsWith(`${ctx.stack}-`));
  const failed = ours.filter((item) => /fail/i.test(item.HistorySummary ?? ''));
  if (!failed.length) return pass('alarm-actions', 'alarm notifications', 'no failed alarm notification in the last 7 days');
  const alarms = [...new Set(failed.map((item) => item.AlarmName ?? '?'))];
  return fail(
    'alarm-actions',
    'alarm notifications',
    `${failed.length} alarm notification${failed.length === 1 ? '' : 's'} failed in the last 7 days (${alarms.slice(0, 3).join(', ')}${alarms.length > 3 ? ', …' : ''}): nobody heard of those alarms`,
    `aws cloudwatch describe-alarm-history --alarm-name ${alarms[0]} --history-item-type Action shows why; usually the alert topic's or the data key's policy refuses cloudwatch.amazonaws.com: npx cdk deploy`,
  );
}
