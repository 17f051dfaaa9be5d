import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { AppFunction } from './constructs/app-function.js';
import { ReplylineEventBus } from './constructs/event-bus.js';
import { InboundMail } from './constructs/inbound-mail.js';
import { ThreadsTable } from './constructs/threads-table.js';
import { Routing } from './constructs/routing.js';
import { SlaMonitor } from './constructs/sla-monitor.js';
import { Alerts } from './constructs/alerts.js';
import { SendingFeedback } from './constructs/sending-feedback.js';

/** The stack's default name; `-c stackName=…` picks another (e.g. a second install). */
export const DEFAULT_STACK_NAME = 'Replyline';

export interface ReplylineStackProps extends StackProps {
  readonly config: ReplylineConfig;
}

/** One stack, one construct per concern (DESIGN.md "Code layout"). */
export class ReplylineStack extends Stack {
  constructor(scope: Construct, id: string, props: ReplylineStackProps) {
    super(scope, id, {
      description: `Replyline: answers customer mail for ${props.config.domain}`,
      ...props,
    });
    const { config } = props;

    // One customer managed key for everything that holds mail content or mail metadata in
    // flight or at rest (raw mail, the SES notification topic, the queues). Rotated yearly.
    const dataKey = new kms.Key(this, 'DataKey', {
      description: `Replyline (${this.stackName}): raw mail, SES notifications and queues`,
      enableKeyRotation: true,
    });

    const threads = new ThreadsTable(this, 'Threads');

    // Signs thread addresses (support+<ref>.<signature>@…) so they cannot be guessed. Generated
    // at deploy time, never in the template, the config or the environment.
    const threadAddressKey = new secretsmanager.Secret(this, 'ThreadAddressKey', {
      description: `Replyline (${this.stackName}): HMAC key that signs thread addresses`,
      encryptionKey: dataKey,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(threadAddressKey.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this HMAC key would invalidate every thread address already in customers\' mailboxes; replies would fall back to References matching. Rotate deliberately (put a new value) instead of on a schedule.',
    });
    const events = new ReplylineEventBus(this, 'Events', { stackName: this.stackName, defaultStackName: DEFAULT_STACK_NAME });

    const functionEnv = {
      CONFIGURATION_SET: `${this.stackName}-sending`,
      TABLE_NAME: threads.table.tableName,
      EVENT_BUS_NAME: events.bus.eventBusName,
      // Identifies this install in our loop-detection header (see lambdas/schemas/env.ts).
      INSTANCE_ID: `${this.stackName}.${config.domain}`,
    };
    const sendingFeedback = new SendingFeedback(this, 'SendingFeedback', { config, dataKey, table: threads, namePrefix: this.stackName });
    // Sending through a configuration set is authorised on the identity and on the set.
    const sesIdentityArns = [
      ...sesIdentities(config).map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      sendingFeedback.configurationSetArn,
    ];

    const ingest = new AppFunction(this, 'Ingest', {
      name: 'ingest',
      config,
      description: 'Parses, screens, threads and acknowledges inbound customer mail',
      // Mails are up to 40 MB and mailparser holds them in memory; memory also buys CPU.
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: {
        ...functionEnv,
        THREAD_KEY_SECRET_ID: threadAddressKey.secretArn,
      },
    });

    const inbound = new InboundMail(this, 'InboundMail', { config, dataKey, namePrefix: this.stackName, consumer: ingest });
    const routing = new Routing(this, 'Routing', {
      config,
      dataKey,
      table: threads,
      bus: events.bus,
      rawMail: inbound,
      sesIdentityArns,
      environment: functionEnv,
    });
    ingest.function.addEnvironment('TEAM_QUEUE_URLS', routing.queueUrlsJson());
    routing.grantRouting(ingest);

    threads.grantItemReadWrite(ingest);
    threadAddressKey.grantRead(ingest);
    events.bus.grantPutEventsTo(ingest);
    // Acknowledgements and relays go out from the company domain (or one of its configured
    // addresses): SES authorizes SendRawEmail against those identities only.
    ingest.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:SendRawEmail'], resources: sesIdentityArns }));

    const slaMonitor = new SlaMonitor(this, 'SlaMonitor', { config, table: threads.table, bus: events.bus, dataKey });
    new Alerts(this, 'Alerts', {
      alerts: config.alerts,
      bus: events.bus,
      dataKey,
      namePrefix: this.stackName,
      inboundQueue: inbound.queue,
      deadLetterQueues: {
        inbound: inbound.deadLetterQueue,
        'sla schedule': slaMonitor.deadLetterQueue,
        'ses feedback': sendingFeedback.deadLetterQueue,
        ...Object.fromEntries(routing.deadLetterQueues.map((queue, index) => [`routing ${index + 1}`, queue])),
      },
      alarms: [...inbound.alarms, ...routing.alarms, ...slaMonitor.alarms, ...sendingFeedback.alarms],
      sweeper: slaMonitor.sweeper.function,
    });

    new CfnOutput(this, 'RawMailBucketName', { value: inbound.bucket.bucketName, description: 'Bucket SES stores raw mail in (prefix inbound/)' });
    new CfnOutput(this, 'ReceiptRuleSetName', {
      value: inbound.ruleSetName,
      description: 'Activate it once: aws ses set-active-receipt-rule-set --rule-set-name <this> (one active rule set per region)',
    });
    new CfnOutput(this, 'TableName', { value: threads.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
    new CfnOutput(this, 'InboundQueueUrl', { value: inbound.queue.queueUrl });
    new CfnOutput(this, 'InboundDeadLetterQueueUrl', { value: inbound.deadLetterQueue.queueUrl });
    for (const [team, queue] of Object.entries(routing.teamQueues)) new CfnOutput(this, `TeamQueueUrl${team.replace(/[^A-Za-z0-9]/g, '')}`, { value: queue.queueUrl, description: `Routing queue of team ${team}` });
  }
}

/** The company domain, the domains of the configured addresses (subdomains), and the addresses. */
function sesIdentities(config: ReplylineConfig): string[] {
  const addresses = config.addresses.map((entry) => entry.address);
  const domains = addresses.map((address) => address.slice(address.lastIndexOf('@') + 1));
  return [...new Set([config.domain, ...domains, ...addresses])];
}
