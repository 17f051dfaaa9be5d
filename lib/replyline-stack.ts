import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
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
import { plainRuleName } from './constructs/dashboard.js';
import { checkPhysicalNames, DEFAULT_STACK_NAME, physicalNames } from './physical-names.js';
import { checkReceivingRegion, requireReceivingRegion } from './ses-receiving-regions.js';
import { MAX_RECIPIENTS_PER_RULE } from './constructs/inbound-mail.js';

/** The stack's default name; `-c stackName=…` picks another (e.g. a second install). */
export { DEFAULT_STACK_NAME };

export interface ReplylineStackProps extends StackProps {
  readonly config: ReplylineConfig;
  /** Regions with SES receiving that the built-in list does not know yet (`-c sesReceivingRegions=…`). */
  readonly extraReceivingRegions?: readonly string[];
}

/** One stack, one construct per concern. */
export class ReplylineStack extends Stack {
  constructor(scope: Construct, id: string, props: ReplylineStackProps) {
    super(scope, id, {
      description: `Replyline: answers customer mail for ${props.config.domain}`,
      ...props,
    });
    const { config } = props;
    // Names and the region fail at deploy time, half-way through; say so at synth instead.
    checkPhysicalNames(this.stackName, Math.ceil(config.addresses.length / MAX_RECIPIENTS_PER_RULE));
    if (Token.isUnresolved(this.region)) requireReceivingRegion(this, props.extraReceivingRegions);
    else checkReceivingRegion(this.region, props.extraReceivingRegions);

    // One customer managed key for everything that holds mail content or mail metadata in
    // flight or at rest (raw mail, the SES notification topic, the queues). Rotated yearly.
    const dataKey = new kms.Key(this, 'DataKey', {
      description: `Replyline (${this.stackName}): raw mail, SES notifications and queues`,
      enableKeyRotation: true,
      // Retained mail (table, bucket, the thread-address secret) stays readable after `cdk destroy`.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const threads = new ThreadsTable(this, 'Threads');

    const threadAddressKey = threadAddressKeySecret(this, config, dataKey);
    const events = new ReplylineEventBus(this, 'Events', { stackName: this.stackName });

    const functionEnv = {
      CONFIGURATION_SET: physicalNames.configurationSet(this.stackName),
      TABLE_NAME: threads.table.tableName,
      EVENT_BUS_NAME: events.bus.eventBusName,
      // Identifies this install in our loop-detection header (see lambdas/schemas/env.ts).
      INSTANCE_ID: `${this.stackName}.${config.domain}`,
    };
    const sendingFeedback = new SendingFeedback(this, 'SendingFeedback', { config, dataKey, table: threads, namePrefix: this.stackName });
    // SES v2 SendEmail is authorised on the sending identity and on the configuration set, and a
    // raw message is also checked as ses:SendRawEmail; the From of every mail we send (acks,
    // relays, forwards) is one of the configured addresses.
    const sesResources = [
      ...sesIdentities(config).map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      sendingFeedback.configurationSetArn,
    ];
    const grantSendMail = (fn: AppFunction) =>
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: sesResources,
          conditions: { StringEquals: { 'ses:FromAddress': config.addresses.map((entry) => entry.address) } },
        }),
      );

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
      grantSendMail,
      environment: functionEnv,
      namePrefix: this.stackName,
    });
    ingest.function.addEnvironment('TEAM_QUEUE_URLS', routing.queueUrlsJson());
    routing.grantRouting(ingest);

    threads.grantItemReadWrite(ingest);
    threadAddressKey.grantRead(ingest);
    events.bus.grantPutEventsTo(ingest);
    grantSendMail(ingest);

    const slaMonitor = new SlaMonitor(this, 'SlaMonitor', { config, table: threads.table, bus: events.bus, dataKey });
    const deadLetterQueues = {
      inbound: inbound.deadLetterQueue,
      'sla schedule': slaMonitor.deadLetterQueue,
      'ses feedback': sendingFeedback.deadLetterQueue,
      ...routing.deadLetterQueues,
    };
    const alerts = new Alerts(this, 'Alerts', {
      config,
      bus: events.bus,
      dataKey,
      table: threads,
      namePrefix: this.stackName,
      inboundQueue: inbound.queue,
      deadLetterQueues,
      alarms: [...inbound.alarms, ...routing.alarms, ...slaMonitor.alarms, ...sendingFeedback.alarms],
      sweeper: slaMonitor.sweeper.function,
      watchedRules: routing.agentEventsRule ? [routing.agentEventsRule] : [],
    });

    // --- Outputs: what operators and `replyline doctor` read --------------------------------------
    const output = (id: string, value: string, description?: string) => new CfnOutput(this, id, { value, ...(description ? { description } : {}) });
    output('RawMailBucketName', inbound.bucket.bucketName, 'Bucket SES stores raw mail in (prefix inbound/)');
    output('ReceiptRuleSetName', inbound.ruleSetName, 'The SES receipt rule set (one active rule set per region)');
    output('RuleSetActivation', config.receiving.activateRuleSet ? 'managed' : 'left-alone', 'managed: the stack activates its rule set; left-alone: an existing active set was kept (copy its rules into ours, then switch)');
    output('ConfigurationSetName', sendingFeedback.configurationSetName, 'SES configuration set every mail is sent through');
    output('MailDomains', sesDomains(config).join(','), 'Domains that must be verified in SES (DKIM, MAIL FROM) and whose MX points at SES receiving');
    output('TableName', threads.table.tableName);
    output('EventBusName', events.bus.eventBusName);
    output('InboundQueueUrl', inbound.queue.queueUrl);
    output('InboundDeadLetterQueueUrl', inbound.deadLetterQueue.queueUrl);
    for (const [team, queue] of Object.entries(routing.teamQueues)) output(`TeamQueueUrl${team.replace(/[^A-Za-z0-9]/g, '')}`, queue.queueUrl, `Routing queue of team ${team}`);
    output('DeadLetterQueueUrls', this.toJsonString(Object.fromEntries(Object.entries({ ...deadLetterQueues, ...alerts.deadLetterQueues }).map(([label, queue]) => [label, queue.queueUrl]))), 'Every dead-letter queue, by label');
    output('AlertTopicArn', alerts.topic.topicArn, 'SNS topic of SLA alerts and alarms (confirm each e-mail subscription)');
    output('ThreadAddressKeySecretArn', threadAddressKey.secretArn, 'Signs thread addresses; retained on cdk destroy (adopt it again with config threadAddressKey)');
    output('DataKeyArn', dataKey.keyArn, 'Customer managed key of mail data; retained on cdk destroy');
    const webhookSecrets = Object.values(config.teams).flatMap((team) => (team.destination.type === 'webhook' ? [team.destination.secretName] : []));
    output('WebhookSecretNames', webhookSecrets.length ? [...new Set(webhookSecrets)].join(',') : '-', 'Secrets Manager secrets of webhook teams (create them before the first delivery)');
    if (config.alerts.chatWebhookSecretName) output('ChatWebhookSecretName', config.alerts.chatWebhookSecretName, 'Secrets Manager secret holding the chat incoming-webhook URL');
    output('SweeperFunctionName', slaMonitor.sweeper.function.functionName);
    const eventRules = [...Object.values(alerts.rules), ...(routing.agentEventsRule ? [routing.agentEventsRule] : [])];
    output('EventRuleNames', eventRules.map(plainRuleName).join(','), 'Rules on the bus with targets (their FailedInvocations tell a refused delivery)');
  }
}

/**
 * The secret that signs thread addresses. Customers keep those addresses in their mailboxes for
 * years, so the secret outlives the stack (retained on delete and on replacement), and a later
 * deployment can adopt it through `threadAddressKey` instead of generating a new one.
 */
function threadAddressKeySecret(stack: Stack, config: ReplylineConfig, dataKey: kms.IKey): { secretArn: string; grantRead(fn: AppFunction): void } {
  const adopted = config.threadAddressKey;
  if (adopted) {
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'AdoptedThreadAddressKey', adopted.secretArn);
    return {
      secretArn: secret.secretArn,
      grantRead: (fn) => {
        secret.grantRead(fn);
        // Encrypted with the earlier stack's retained key, which grantRead of an imported secret does not cover.
        fn.role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            actions: ['kms:Decrypt'],
            resources: [adopted.kmsKeyArn],
            conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` } },
          }),
        );
      },
    };
  }
  // Generated at deploy time, never in the template, the config or the environment.
  const secret = new secretsmanager.Secret(stack, 'ThreadAddressKey', {
    description: `Replyline (${stack.stackName}): HMAC key that signs thread addresses`,
    encryptionKey: dataKey,
    generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(secret.node.defaultChild!).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'Rotating this HMAC key would invalidate every thread address already in customers\' mailboxes; replies would fall back to References matching. Rotate deliberately (put a new value) instead of on a schedule.',
  });
  return { secretArn: secret.secretArn, grantRead: (fn) => secret.grantRead(fn) };
}

/** The domains mail is received for and sent from: the company domain and the domains of the configured addresses. */
function sesDomains(config: ReplylineConfig): string[] {
  return [...new Set([config.domain, ...config.addresses.map((entry) => entry.address.slice(entry.address.lastIndexOf('@') + 1))])];
}

/** The company domain, the domains of the configured addresses (subdomains), and the addresses. */
function sesIdentities(config: ReplylineConfig): string[] {
  return [...new Set([...sesDomains(config), ...config.addresses.map((entry) => entry.address)])];
}
