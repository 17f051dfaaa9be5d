import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { DEFAULT_LEASE_MS } from '../../lambdas/core/sla/sweep.js';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';
import { alarmOnAny, deadLetterAlarm, encryptedQueue } from './queues.js';
import { AppFunction, type AppFunctionProps } from './app-function.js';

export interface SlaMonitorProps {
  readonly config: ReplylineConfig;
  /** The threads table (its GSI2 is the open-SLA index). */
  readonly table: dynamodb.ITable;
  /** The Replyline bus the SLA events go to. */
  readonly bus: events.IEventBus;
  /** Encrypts the scheduler's dead-letter queue (its messages name the function, no mail data, but one key for all queues). */
  readonly dataKey: kms.IKey;
}

/** The sweeper's timeout: one minute of lookahead plus room to finish. */
const SWEEPER_TIMEOUT = Duration.seconds(90);

/**
 * EventBridge Scheduler, every minute → Lambda `sla-sweep` → `SLA Warning` / `SLA Breached` on the bus.
 *
 * Each run handles everything due, then waits inside the invocation for what falls due within
 * `alerts.sweepLookaheadSeconds` (≤ 60 s), raising it about a second after its deadline. Runs may
 * overlap for a few seconds; every emission is conditional, so they cannot double-alert.
 */
export class SlaMonitor extends Construct {
  readonly sweeper: AppFunction;
  readonly schedule: scheduler.Schedule;
  readonly schedulerRole: iam.Role;
  /** Scheduler invocations that could not be delivered to the function. */
  readonly deadLetterQueue: sqs.Queue;
  /** "Promises may break silently": sweeper failing or not running, or its schedule dead-lettering. */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: SlaMonitorProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // A recorded emission is taken over after its lease: never while its sweep may still run.
    if (SWEEPER_TIMEOUT.toMilliseconds() >= DEFAULT_LEASE_MS) throw new Error('the sweeper timeout must stay below the SLA emission lease');

    this.sweeper = new AppFunction(this, 'Sweeper', {
      name: 'sla-sweep',
      config: props.config,
      description: 'Raises SLA Warning / SLA Breached events for threads in the open-SLA index',
      timeout: SWEEPER_TIMEOUT,
      // AppFunction's type asks for the ingest environment; the sweeper reads only these two
      // (lambdas/adapters/sla-wiring.ts, slaSweepEnvSchema) and needs no secret.
      environment: {
        TABLE_NAME: props.table.tableName,
        EVENT_BUS_NAME: props.bus.eventBusName,
      } as AppFunctionProps['environment'],
    });
    // A failed sweep is not worth retrying a minute later: the next scheduled run covers it.
    this.sweeper.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });

    // Data access: Query on the open-SLA index; Get/Update of thread items and Put of emission
    // records (inside TransactWriteItems, which is authorised per contained action). No Scan.
    this.sweeper.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [TABLE_KEYS.openSlaIndex.name, TABLE_KEYS.openByTeamIndex.name].map((index) => `${props.table.tableArn}/index/${index}`),
      }),
    );
    this.sweeper.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
      }),
    );
    props.bus.grantPutEventsTo(this.sweeper);

    this.deadLetterQueue = encryptedQueue(this, 'ScheduleDlq', props.dataKey);
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the SLA sweep schedule (EventBridge Scheduler DeadLetterConfig), which cdk-nag does not recognise as DLQ use.',
    });

    // Own role instead of the scheduler target's default: that one also grants `<function>:*`
    // (every version and alias) and leaves the encrypted DLQ without kms permissions.
    const scheduleGroupArn = stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' });
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to start the SLA sweeper',
      // Confused-deputy guard: only this account's default schedule group.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': scheduleGroupArn } },
      }),
    });
    this.schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.sweeper.function.functionArn] }));
    this.schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
    this.schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.dataKey.keyArn] }));

    const target: scheduler.IScheduleTarget = {
      bind: () => ({
        arn: this.sweeper.function.functionArn,
        role: this.schedulerRole,
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        // A run that cannot start within a minute is superseded by the next one.
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 60 },
      }),
    };
    this.schedule = new scheduler.Schedule(this, 'EveryMinute', {
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      target,
      description: 'Replyline SLA sweep: raises SLA Warning / SLA Breached within a minute of each deadline',
      timeWindow: scheduler.TimeWindow.off(),
    });

    // --- Alarms: without the sweeper, promises break silently --------------------------------
    this.alarms.push(
      alarmOnAny(
        this,
        'SweeperFailing',
        this.sweeper.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        'The SLA sweeper fails: SLA warnings and breaches may not be raised. See the replyline-sla-sweep logs.',
      ),
      new cloudwatch.Alarm(this, 'SweeperNotRunning', {
        alarmDescription: 'The SLA sweeper has not run for 5 minutes (schedule disabled or failing to invoke): breaches would go unannounced.',
        metric: this.sweeper.function.metricInvocations({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
      deadLetterAlarm(this, 'ScheduleDlqNotEmpty', this.deadLetterQueue, 'EventBridge Scheduler could not start the SLA sweeper (see the messages in the schedule DLQ for the error).'),
    );
  }
}
