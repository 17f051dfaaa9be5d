import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { reconcileStoredMail, type ReconcileReport } from '../lambdas/adapters/reconcile.js';
import { RAW_MAIL_PREFIX } from '../lib/physical-names.js';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { createAgentEventDependencies, createDeliverDependencies, createFeedbackDependencies, createIngestDependencies } from '../lambdas/adapters/wiring.js';
import { createFeedbackHandler } from '../lambdas/handlers/feedback.js';
import type { IngestDependencies } from '../lambdas/core/ingest.js';
import type { DeliverDependencies } from '../lambdas/core/deliver.js';
import type { AgentEventDependencies } from '../lambdas/core/agent-events.js';
import { createIngestHandler } from '../lambdas/handlers/ingest.js';
import { createDeliverHandler } from '../lambdas/handlers/deliver.js';
import { createAgentEventsHandler } from '../lambdas/handlers/agent-events.js';
import type { Emulators } from './emulators.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.js';
import { ensureBucket, ensureQueueWithDlq, ensureTable, localResourceNames, type QueueWithDlq } from './resources.js';
import { sqsEventOf, startQueuePoller, type QueuePoller, type SqsHandler } from './queue-poller.js';
import { addLocalRule } from './event-bus.js';
import { startSmtpInbound, type SmtpInbound } from './smtp-inbound.js';
import { randomSecretValue } from './secrets.js';
import { startSlaTimer } from './sla-timer.js';
import { HELPDESK_EVENT_TYPES } from '../lambdas/schemas/events.js';

type EmulatorEndpoints = Emulators['endpoints'];

export interface InstanceOptions {
  /** Prefix of every resource name, so several instances can share one set of emulators. */
  name: string;
  configFile: string;
  smtpPort: number;
  /** Seconds before a failed record is retried (Lambda uses the queue's visibility timeout). */
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
  /** Wraps the real dependencies, e.g. to inject faults in tests; the handler code stays the same. */
  wrapIngestDependencies?: (deps: IngestDependencies) => IngestDependencies;
  wrapDeliverDependencies?: <T extends DeliverDependencies>(deps: T) => T;
  wrapAgentEventDependencies?: <T extends AgentEventDependencies>(deps: T) => T;
  /** Parallel pollers on the inbound queue (Lambda concurrency); default 1. */
  inboundConsumers?: number;
  /** Run the SLA sweeper on a local timer (`npm start`); tests drive sweeps themselves. */
  sla?: { timeScale: number };
  log?: ((line: string) => void) | undefined;
  /** Told of every function invocation (name, milliseconds, SQS records), e.g. for the cost benchmark. */
  observeInvocation?: (fn: FunctionName, ms: number, records: number) => void;
}

export type FunctionName = 'ingest' | 'deliver' | 'feedback' | 'agent-events';

export interface LocalInstance {
  name: string;
  config: ReplylineConfig;
  /** The environment the functions run with: the names CDK sets, plus endpoint variables. */
  env: Record<string, string>;
  resources: {
    bucket: string;
    table: string;
    bus: string;
    inbound: QueueWithDlq;
    teams: Record<string, QueueWithDlq>;
    feedback: QueueWithDlq;
    /** `Agent Replied` from the configured help-desk sources, as the stack's bus rule → SQS queue. */
    agentEvents: QueueWithDlq;
    configurationSet: string;
    topicArn: string;
    threadKeySecret: string;
  };
  smtp: SmtpInbound;
  /**
   * Settles when the startup reconciliation has put every stored mail that an earlier run left
   * unfinished back on its way (the local queues live in memory, so a Ctrl-C or crash loses
   * what they held; the raw mail and the records are on disk).
   */
  reconciled: Promise<ReconcileReport>;
  stop(): Promise<void>;
}

/** One Replyline deployment on the local emulators: its resources, its SMTP inbound and its functions. */
export async function startInstance(endpoints: EmulatorEndpoints, options: InstanceOptions): Promise<LocalInstance> {
  const config = readConfigFile(options.configFile);
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...clientOptions, endpoint: endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientOptions, endpoint: endpoints.sqs });
  const dynamo = new DynamoDBClient({ ...clientOptions, endpoint: endpoints.dynamodb });
  const queueOptions = { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 10, maxReceiveCount: options.maxReceiveCount ?? 5 };

  const names = localResourceNames(options.name);
  const teams: Record<string, QueueWithDlq> = {};
  for (const team of Object.keys(config.teams)) teams[team] = await ensureQueueWithDlq(sqs, names.teamQueue(team), queueOptions);
  const resources = {
    bucket: names.bucket,
    table: names.table,
    bus: names.bus,
    topicArn: names.inboundTopicArn,
    threadKeySecret: names.threadKeySecret,
    inbound: await ensureQueueWithDlq(sqs, names.inboundQueue, queueOptions),
    teams,
    feedback: await ensureQueueWithDlq(sqs, names.feedbackQueue, queueOptions),
    agentEvents: await ensureQueueWithDlq(sqs, names.agentEventsQueue, queueOptions),
    configurationSet: names.configurationSet,
  };
  // As the stack's SES configuration set → SNS → feedback queue.
  await fetch(`${endpoints.ses}/_local/event-destinations`, { method: 'POST', body: JSON.stringify({ configurationSet: resources.configurationSet, queueUrl: resources.feedback.url }) });
  await ensureBucket(s3, resources.bucket);
  await ensureTable(dynamo, resources.table);
  const secretsClient = new SecretsManagerClient({ ...clientOptions, endpoint: endpoints.secrets });
  await ensureSecret(secretsClient, resources.threadKeySecret);
  for (const team of Object.values(config.teams)) if (team.destination.type === 'webhook') await ensureSecret(secretsClient, team.destination.secretName);
  secretsClient.destroy();

  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.events,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secrets,
    TABLE_NAME: resources.table,
    EVENT_BUS_NAME: resources.bus,
    INSTANCE_ID: `${options.name}.${config.domain}`,
    THREAD_KEY_SECRET_ID: resources.threadKeySecret,
    CONFIGURATION_SET: resources.configurationSet,
    TEAM_QUEUE_URLS: JSON.stringify(Object.fromEntries(Object.entries(teams).map(([team, queue]) => [team, queue.url]))),
    REPLYLINE_CONFIG_FILE: options.configFile,
  };

  const onError = (what: string) => (error: Error) => options.log?.(`${what} invocation failed: ${error.message}`);
  const timed = (fn: FunctionName, handler: SqsHandler): SqsHandler => {
    const observe = options.observeInvocation;
    if (!observe) return handler;
    return async (event) => {
      const started = performance.now();
      try {
        return await handler(event);
      } finally {
        observe(fn, performance.now() - started, event.Records.length);
      }
    };
  };
  const wrapIngest = options.wrapIngestDependencies ?? ((deps: IngestDependencies) => deps);
  // Each function under its own name, as on Lambda: its SDK requests say which function made them.
  const functionEnv = (fn: FunctionName, extra: Record<string, string> = {}) => ({ ...env, AWS_LAMBDA_FUNCTION_NAME: `${options.name}-${fn}`, ...extra });
  const feedback = createFeedbackHandler(() => createFeedbackDependencies(functionEnv('feedback')));
  // Before any function may send: what went out before a restart is in the sent-log again.
  await recordEarlierSends(endpoints.ses, resources.configurationSet, resources.feedback.arn, feedback, options.log);

  const ingest = createIngestHandler(() => wrapIngest(createIngestDependencies(functionEnv('ingest'))));
  const pollers: QueuePoller[] = Array.from({ length: options.inboundConsumers ?? 1 }, () =>
    startQueuePoller({ sqs, queueUrl: resources.inbound.url, queueArn: resources.inbound.arn, region: LOCAL_REGION, handler: timed('ingest', (event) => ingest(event)), onError: onError('ingest') }),
  );
  // One deliver function per team queue, as in the stack.
  for (const [team, queue] of Object.entries(teams)) {
    const teamEnv = functionEnv('deliver', { TEAM_ID: team, DEAD_LETTER_QUEUE_URL: queue.dlqUrl });
    const wrapDeliver = options.wrapDeliverDependencies ?? (<T,>(deps: T) => deps);
    const deliver = createDeliverHandler(() => wrapDeliver(createDeliverDependencies(teamEnv)));
    pollers.push(startQueuePoller({ sqs, queueUrl: queue.url, queueArn: queue.arn, region: LOCAL_REGION, handler: timed('deliver', (event) => deliver(event)), onError: onError(`deliver ${team}`) }));
  }

  pollers.push(startQueuePoller({ sqs, queueUrl: resources.feedback.url, queueArn: resources.feedback.arn, region: LOCAL_REGION, handler: timed('feedback', (event) => feedback(event)), onError: onError('feedback') }));

  const wrapAgentEvents = options.wrapAgentEventDependencies ?? (<T,>(deps: T) => deps);
  const agentEvents = createAgentEventsHandler(() => wrapAgentEvents(createAgentEventDependencies(functionEnv('agent-events'))));
  pollers.push(startQueuePoller({ sqs, queueUrl: resources.agentEvents.url, queueArn: resources.agentEvents.arn, region: LOCAL_REGION, handler: timed('agent-events', (event) => agentEvents(event)), onError: onError('agent-events') }));
  await addHelpdeskRule(endpoints.events, resources.bus, config.helpdesk.eventSources, resources.agentEvents.url);
  const reconciled = reconcileStoredMail(
    { dynamo: DynamoDBDocumentClient.from(dynamo), s3, sqs, table: resources.table, bucket: resources.bucket, inboundQueueUrl: resources.inbound.url, topicArn: resources.topicArn, rawMailPrefix: RAW_MAIL_PREFIX },
    { storedBefore: new Date(), queuesLost: true },
  );
  void reconciled.then(
    (report) => options.log?.(reconcileLine(report)),
    (error: Error) => options.log?.(`reconcile failed: ${error.message}; run \`replyline reconcile\` once the stack is up`),
  );
  const slaTimer = options.sla ? startSlaTimer({ env, config, scale: options.sla.timeScale, log: options.log }) : undefined;
  const smtp = await startSmtpInbound({
    port: options.smtpPort,
    config,
    s3,
    bucket: resources.bucket,
    sqs,
    queueUrl: resources.inbound.url,
    topicArn: resources.topicArn,
    log: options.log,
  });

  return {
    name: options.name,
    config,
    env,
    resources,
    smtp,
    reconciled,
    stop: async () => {
      await reconciled.catch(() => undefined);
      await slaTimer?.stop();
      await smtp.stop();
      await Promise.all(pollers.map((poller) => poller.stop()));
      s3.destroy();
      sqs.destroy();
      dynamo.destroy();
    },
  };
}

/** What the startup reconciliation did, in a line. */
function reconcileLine(report: ReconcileReport): string {
  if (!report.redone.length && !report.failed.length) return `reconcile: all ${report.examined} stored mails are settled`;
  const why = new Map<string, number>();
  for (const { action } of report.redone) why.set(action.why, (why.get(action.why) ?? 0) + 1);
  const redone = [...why].map(([reason, count]) => `${count} ${reason}`).join(', ');
  const failed = report.failed.length ? `; ${report.failed.length} could not be read (replyline reconcile says which)` : '';
  return `reconcile: ${report.redone.length} of ${report.examined} stored mails were left unfinished by an earlier run and are on their way again (${redone || 'none'})${failed}`;
}

/** As long as the sent-log keeps a sent mail. */
const SENT_EVENTS_KEPT_MS = 14 * 86_400_000;

/**
 * Hands the feedback function the SES events of the mails the local SES kept (its outbox on
 * disk), as SES → SNS → SQS delivered them before. The feedback queue lives in memory, so a
 * mail sent just before a crash may have lost its Send event; without it, its sender's retry
 * after the restart could not tell that the mail went out, and the customer would get it twice.
 * Recording an event again changes nothing.
 */
async function recordEarlierSends(sesUrl: string, configurationSet: string, queueArn: string, feedback: SqsHandler, log: ((line: string) => void) | undefined): Promise<void> {
  const query = new URLSearchParams({ configurationSet, since: String(Date.now() - SENT_EVENTS_KEPT_MS) });
  // As the feedback queue got them: SNS-wrapped by the configuration set's topic.
  const events = (await (await fetch(`${sesUrl}/_local/stored-events?${query}`)).json()) as string[];
  let failed = 0;
  for (let start = 0; start < events.length; start += 10) {
    const response = await feedback(sqsEventOf(events.slice(start, start + 10), queueArn, LOCAL_REGION));
    failed += response?.batchItemFailures.length ?? 0;
  }
  if (failed) log?.(`feedback: ${failed} of ${events.length} earlier SES events could not be recorded again (see the feedback log)`);
}

/**
 * Plays the stack's EventBridge rule "Agent Replied or Thread Closed from a configured help-desk source → the
 * agent-events queue" on the local bus. No sources configured: no rule, as in the stack.
 */
async function addHelpdeskRule(busUrl: string, busName: string, sources: readonly string[], queueUrl: string): Promise<void> {
  if (!sources.length) return;
  await addLocalRule(busUrl, { busName, pattern: { 'detail-type': [...HELPDESK_EVENT_TYPES], source: [...sources] }, targetQueueUrl: queueUrl });
}

/** Like CDK's generated secret: created once with a random value, then kept. */
async function ensureSecret(client: SecretsManagerClient, name: string): Promise<void> {
  try {
    await client.send(new GetSecretValueCommand({ SecretId: name }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateSecretCommand({ Name: name, SecretString: randomSecretValue() }));
  }
}
