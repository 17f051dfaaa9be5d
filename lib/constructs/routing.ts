import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import type { FunctionEnv } from '../../lambdas/schemas/env.js';
import { AppFunction } from './app-function.js';
import { addQueueTargets, deadLetterAlarm, encryptedQueue } from './queues.js';
import { physicalNames } from '../physical-names.js';
import type { ThreadsTable } from './threads-table.js';
import { HELPDESK_EVENT_TYPES } from '../../lambdas/schemas/events.js';

const DELIVER_TIMEOUT = Duration.seconds(60);
const AGENT_EVENTS_TIMEOUT = Duration.seconds(30);
/** A team queue whose oldest mail waits longer than this is not being delivered: alarm. */
const MAX_MESSAGE_AGE = Duration.minutes(15);

export interface RoutingProps {
  readonly config: ReplylineConfig;
  readonly dataKey: kms.IKey;
  readonly table: ThreadsTable;
  readonly bus: events.IEventBus;
  /** Grants reading stored raw mail (GetObject below `inbound/` and decrypt). */
  readonly rawMail: { grantReadRawMail(fn: AppFunction): void };
  /** Lets a function send mail as the configured SES identities (forwards to team mailboxes). */
  readonly grantSendMail: (fn: AppFunction) => void;
  readonly environment: FunctionEnv;
  /** Prefix of fixed resource names (the stack name). */
  readonly namePrefix: string;
}

/**
 * One SQS queue per team (with its DLQ and alarms) and one deliver function per
 * queue, so a broken destination never blocks another team; plus the rule that
 * lets an outside help desk report replies with `Agent Replied` events.
 */
export class Routing extends Construct {
  readonly teamQueues: Record<string, sqs.Queue> = {};
  /** Dead-letter queues by label (`team <id>`, `agent events`), for alarms, the dashboard and `replyline doctor`. */
  readonly deadLetterQueues: Record<string, sqs.Queue> = {};
  readonly alarms: cloudwatch.Alarm[] = [];
  /** The help-desk path, present when `helpdesk.eventSources` names a source. */
  agentEventsQueue: sqs.Queue | undefined;
  agentEventsRule: events.Rule | undefined;
  private readonly dataKey: kms.IKey;

  constructor(scope: Construct, id: string, props: RoutingProps) {
    super(scope, id);
    const { config } = props;
    this.dataKey = props.dataKey;

    for (const [team, settings] of Object.entries(config.teams)) {
      const dlq = encryptedQueue(this, `${team}Dlq`, props.dataKey);
      const queue = encryptedQueue(this, `${team}Queue`, props.dataKey, { visibilityTimeout: Duration.seconds(DELIVER_TIMEOUT.toSeconds() * 6), deadLetterQueue: dlq });
      this.teamQueues[team] = queue;
      this.deadLetterQueues[`team ${team}`] = dlq;
      this.alarms.push(
        deadLetterAlarm(this, `${team}DlqNotEmpty`, dlq, `Mail for team ${team} could not be delivered and sits in its dead-letter queue (reason in the message attribute or the deliver log).`),
        new cloudwatch.Alarm(this, `${team}QueueStale`, {
          alarmDescription: `Mail for team ${team} has waited more than ${MAX_MESSAGE_AGE.toMinutes()} minutes for delivery.`,
          metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
          threshold: MAX_MESSAGE_AGE.toSeconds(),
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 3,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );

      const deliver = new AppFunction(this, `${team}Deliver`, {
        name: 'deliver',
        config,
        description: `Delivers routed mail to team ${team} (${settings.destination.type})`,
        memorySize: 1024,
        timeout: DELIVER_TIMEOUT,
        environment: { ...props.environment, TEAM_ID: team, DEAD_LETTER_QUEUE_URL: dlq.queueUrl },
      });
      deliver.function.addEventSource(new SqsEventSource(queue, { batchSize: 5, reportBatchItemFailures: true, maxBatchingWindow: Duration.seconds(1) }));
      grantSendToEncryptedQueue(dlq, deliver, props.dataKey);
      props.rawMail.grantReadRawMail(deliver);
      props.table.grantItemReadWrite(deliver);
      props.bus.grantPutEventsTo(deliver);
      if (settings.destination.type === 'mailbox') {
        props.grantSendMail(deliver);
      } else {
        // The signing key is created by the operator (README), named in the config; only this team's function reads it.
        secretsmanager.Secret.fromSecretNameV2(this, `${team}WebhookSecret`, settings.destination.secretName).grantRead(deliver);
      }
    }

    if (config.helpdesk.eventSources.length) this.helpdeskAgentEvents(props);
  }

  /**
   * Help desks that answer threads themselves report it with `Agent Replied` (and a closed thread
   * with `Thread Closed`) on the bus. Only the sources in `helpdesk.eventSources` are let in (an
   * event stops a reply clock). Rule → SQS queue
   * (+DLQ) → agent-events: a record that cannot be recorded is retried and then kept, never lost
   * after an asynchronous invocation's retries.
   */
  private helpdeskAgentEvents(props: RoutingProps): void {
    const { config, namePrefix } = props;
    const deadLetterQueue = encryptedQueue(this, 'AgentEventsDlq', props.dataKey, { queueName: physicalNames.agentEventsDlq(namePrefix) });
    this.deadLetterQueues['agent events'] = deadLetterQueue;
    this.agentEventsQueue = encryptedQueue(this, 'AgentEventsQueue', props.dataKey, {
      queueName: physicalNames.agentEventsQueue(namePrefix),
      visibilityTimeout: Duration.seconds(AGENT_EVENTS_TIMEOUT.toSeconds() * 6),
      deadLetterQueue,
    });
    this.alarms.push(
      deadLetterAlarm(this, 'AgentEventsDlqNotEmpty', deadLetterQueue, 'Agent Replied or Thread Closed events from a help desk could not be recorded (malformed, or a failure that outlasted the retries): see the agent-events log, fix the cause, then start a DLQ redrive of the agent-events DLQ (SQS console or aws sqs start-message-move-task).'),
    );
    const rule = new events.Rule(this, 'HelpdeskAgentReplied', {
      ruleName: physicalNames.agentEventsRule(namePrefix),
      eventBus: props.bus,
      description: 'Agent Replied and Thread Closed from the help desks in helpdesk.eventSources → agent-events queue',
      eventPattern: { detailType: [...HELPDESK_EVENT_TYPES], source: [...config.helpdesk.eventSources] },
    });
    this.agentEventsRule = rule;
    addQueueTargets([rule], this.agentEventsQueue, deadLetterQueue, props.dataKey, 'EventBridgeToAgentEventsQueue');

    const agentEvents = new AppFunction(this, 'AgentEvents', {
      name: 'agent-events',
      config,
      description: 'Records replies and closed threads an outside help desk reports with Agent Replied and Thread Closed events',
      timeout: AGENT_EVENTS_TIMEOUT,
      environment: { ...props.environment },
    });
    agentEvents.function.addEventSource(new SqsEventSource(this.agentEventsQueue, { batchSize: 10, reportBatchItemFailures: true }));
    props.table.grantItemReadWrite(agentEvents);
    props.bus.grantPutEventsTo(agentEvents);
  }

  /** Lets a function put messages on every team queue (ingest routes). */
  grantRouting(fn: AppFunction): void {
    for (const queue of Object.values(this.teamQueues)) grantSendToEncryptedQueue(queue, fn, this.dataKey);
  }

  /** `{"team": "queue url"}` for the ingest function's TEAM_QUEUE_URLS, tokens resolved at deploy time. */
  queueUrlsJson(): string {
    return Stack.of(this).toJsonString(Object.fromEntries(Object.entries(this.teamQueues).map(([team, queue]) => [team, queue.queueUrl])));
  }
}

/**
 * sqs:SendMessage on one queue plus the two KMS actions SSE-KMS needs for it:
 * `grantSendMessages` would add wildcard KMS actions (GenerateDataKey*, ReEncrypt*).
 */
function grantSendToEncryptedQueue(queue: sqs.IQueue, fn: AppFunction, key: kms.IKey): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }));
}
