import { type CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { physicalNames, RAW_MAIL_PREFIX } from '../physical-names.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import type { AppFunction } from './app-function.js';
import { deadLetterAlarm, encryptedQueue, notificationsFailedAlarm } from './queues.js';
import { letSnsEncryptForQueues } from './key-grants.js';

/** SES accepts at most 100 recipients per receipt rule. */
export const MAX_RECIPIENTS_PER_RULE = 100;
/** Lambda's guidance for SQS sources: visibility timeout at least 6 × the function timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface InboundMailProps {
  readonly config: ReplylineConfig;
  /** Customer managed key for the raw mail, the notification topic and the queues. */
  readonly dataKey: kms.IKey;
  /** Prefix for the receipt rule set and rule names (unique per account and region), e.g. the stack name. */
  readonly namePrefix: string;
  /** The function that consumes the inbound queue (`ingest`). */
  readonly consumer: AppFunction;
}

/**
 * MX → SES receipt rule (spam/virus scan) → S3 (raw mail) → SNS → SQS `inbound` (+DLQ) → ingest.
 *
 * Why SQS in between: SES invokes Lambda asynchronously and gives up after a few retries; a
 * queue with a dead-letter queue keeps every accepted mail until it is processed, and lets a
 * fix be redriven.
 */
export class InboundMail extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly topic: sns.Topic;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly ruleSet: ses.ReceiptRuleSet;
  readonly ruleSetName: string;
  readonly rules: ses.ReceiptRule[] = [];
  /** Makes the rule set the region's active one (config `receiving.activateRuleSet`). */
  readonly activation: cr.AwsCustomResource | undefined;
  /** Alarms that mean "mail is stuck"; the alerts construct adds actions to them. */
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly dataKey: kms.IKey;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    // Let S3 deliver access logs through a bucket policy instead of the legacy ACL. Set here,
    // before any child exists, so it holds even where cdk.json is not read (tests, direct runs).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);

    const { config, dataKey } = props;
    this.dataKey = dataKey;
    const consumerTimeout = props.consumer.function.timeout ?? Duration.seconds(3);

    // --- Storage -----------------------------------------------------------------------------
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only as the destination's default encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(config.retention.rawMailDays) }],
    });

    this.bucket = new s3.Bucket(this, 'RawMail', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Unversioned on purpose: expiry and `forget` must really remove a mail, not leave old versions behind.
      versioned: false,
      lifecycleRules: [
        {
          id: 'expire-raw-mail',
          expiration: Duration.days(config.retention.rawMailDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'raw-mail/',
    });

    // --- Notification and queues ---------------------------------------------------------------
    // The topic, both queues and the objects share the data key, so mail metadata (sender,
    // subject, recipients in the SES notification) is encrypted with our key end to end.
    const stack = Stack.of(this);
    const topicName = physicalNames.inboundTopic(props.namePrefix);
    this.topic = new sns.Topic(this, 'Notifications', {
      topicName,
      displayName: 'Replyline inbound mail stored',
      masterKey: dataKey,
      enforceSSL: true,
    });

    this.deadLetterQueue = encryptedQueue(this, 'InboundDlq', dataKey);
    this.queue = encryptedQueue(this, 'Inbound', dataKey, {
      visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      deadLetterQueue: this.deadLetterQueue,
    });

    // Standard SNS envelope (no raw delivery): the ingest handler parses it and reads the SES
    // notification from its `Message`. The same DLQ catches notifications SNS cannot deliver,
    // so both kinds of stuck message look alike and redrive into `inbound` the same way.
    this.subscribeQueue();

    this.alarms.push(
      deadLetterAlarm(this, 'InboundDlqNotEmpty', this.deadLetterQueue, 'Inbound mail is stuck in the dead-letter queue: fix the cause, then `replyline redrive --queue inbound`.'),
      notificationsFailedAlarm(
        this,
        'InboundNotificationsFailing',
        this.topic,
        'SNS could not deliver stored-mail notifications to the inbound queue (a queue or key policy refuses it): the raw mail is in S3 but not ingested. Fix, redeploy, then `replyline replay` the stored mail.',
      ),
    );

    // --- SES receiving ---------------------------------------------------------------------------
    this.ruleSetName = physicalNames.receiptRuleSet(props.namePrefix);
    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: this.ruleSetName });

    const recipients = config.addresses.map((entry) => entry.address);
    const chunks: string[][] = [];
    for (let i = 0; i < recipients.length; i += MAX_RECIPIENTS_PER_RULE) chunks.push(recipients.slice(i, i + MAX_RECIPIENTS_PER_RULE));
    const ruleNames = chunks.map((_, index) => physicalNames.receiptRule(props.namePrefix, index));

    // SES writes and notifies through a role of its own (the S3 action's IamRoleArn): with a role,
    // SES uses it, and only it, for the bucket, the key and the topic. That keeps SSE-KMS on the
    // bucket plain IAM, and no service principal needs a grant in the bucket or key policy.
    const ruleArns = ruleNames.map((name) =>
      stack.formatArn({ service: 'ses', resource: 'receipt-rule-set', resourceName: `${this.ruleSetName}:receipt-rule/${name}` }),
    );
    const sesRole = new iam.Role(this, 'SesDeliveryRole', {
      description: 'Assumed by SES receiving to store raw mail and notify the inbound topic',
      // Confused-deputy guard: only our account's own receipt rules may assume it.
      assumedBy: new iam.ServicePrincipal('ses.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnEquals: { 'aws:SourceArn': ruleArns },
      }),
    });
    const sesPolicy = new iam.Policy(this, 'SesDeliveryPolicy', {
      roles: [sesRole],
      statements: [
        new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)] }),
        new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }),
        // SSE-KMS on PutObject (GenerateDataKey/Encrypt) and publishing to an encrypted topic (GenerateDataKey/Decrypt).
        new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [dataKey.keyArn] }),
      ],
    });
    Validations.of(sesPolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(this.bucket)}.Arn>/${RAW_MAIL_PREFIX}*]`,
      reason: `SES names each stored mail by its own message id, so the object key is not known in advance; the grant is PutObject only, below "${RAW_MAIL_PREFIX}".`,
    });

    chunks.forEach((chunk, index) => {
      const rule = this.ruleSet.addRule(`Rule${index + 1}`, {
        receiptRuleName: ruleNames[index],
        // A rule for `support@example.com` also matches `support+label@example.com` (our thread addresses).
        // A mail whose recipients span two rules is stored twice; ingest is idempotent on Message-ID.
        recipients: chunk,
        scanEnabled: true,
        tlsPolicy: ses.TlsPolicy.REQUIRE,
        enabled: true,
        actions: [
          {
            bind: () => ({
              s3Action: {
                bucketName: this.bucket.bucketName,
                objectKeyPrefix: RAW_MAIL_PREFIX,
                topicArn: this.topic.topicArn,
                iamRoleArn: sesRole.roleArn,
              },
            }),
          },
        ],
      });
      // SES test-writes when the rule is created: the role must already carry its permissions.
      rule.node.addDependency(sesPolicy);
      this.rules.push(rule);
    });

    if (config.receiving.activateRuleSet) this.activation = this.activateRuleSet();

    // --- Consumer --------------------------------------------------------------------------------
    const consumer = props.consumer;
    consumer.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        // No batching window: the acknowledgement is the product, and a window of W adds up to W
        // to every ack when mail is sparse. Extra invocations cost $0.20 per million.
        // One bad mail fails alone and retries towards the DLQ; the rest of the batch is done.
        reportBatchItemFailures: true,
      }),
    );
    this.grantReadRawMail(consumer);
  }

  /**
   * SNS → SQS, written out instead of `SqsSubscription`: that one puts the topic's Ref into the
   * key policy (aws:SourceArn), and the topic itself is encrypted with the same key — a
   * CloudFormation cycle.
   */
  private subscribeQueue(): void {
    const snsService = new iam.ServicePrincipal('sns.amazonaws.com');
    const { policyDependable } = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [snsService],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': this.topic.topicArn } },
      }),
    );
    // SNS encrypts what it sends to the (encrypted) queue and its DLQ with our key.
    letSnsEncryptForQueues(this.dataKey);
    const subscription = new sns.Subscription(this, 'InboundSubscription', {
      topic: this.topic,
      protocol: sns.SubscriptionProtocol.SQS,
      endpoint: this.queue.queueArn,
      rawMessageDelivery: false,
      // Adds the DLQ's own policy for sns:SendMessage from this topic.
      deadLetterQueue: this.deadLetterQueue,
    });
    if (policyDependable) subscription.node.addDependency(policyDependable);
  }

  /**
   * No mail arrives until a rule set is active, and a region has one active set. This makes ours
   * the active one on every deploy and deactivates it on `cdk destroy` (an active set cannot be
   * deleted). It runs after the rules exist, so the first mail already meets them.
   */
  private activateRuleSet(): cr.AwsCustomResource {
    const activate: cr.AwsSdkCall = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: this.ruleSetName },
      physicalResourceId: cr.PhysicalResourceId.of(`${this.ruleSetName}-active`),
    };
    const activation = new cr.AwsCustomResource(this, 'ActiveRuleSet', {
      resourceType: 'Custom::SesActiveReceiptRuleSet',
      onCreate: activate,
      onUpdate: activate,
      // Without a name, SES deactivates the active set (ours, unless someone switched it since).
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] })]),
      installLatestAwsSdk: false,
      logGroup: new logs.LogGroup(this, 'ActiveRuleSetLogs', { retention: logs.RetentionDays.THREE_MONTHS }),
    });
    for (const rule of this.rules) activation.node.addDependency(rule);
    activation.node.addDependency(this.ruleSet);
    Validations.of(activation).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ses:SetActiveReceiptRuleSet has no resource-level permissions (it acts on the region\'s receiving setup); the policy holds nothing else.',
    });
    // CDK's provider function for AwsCustomResource is one per stack; its role is CDK's to shape.
    const provider = Stack.of(this).node.tryFindChild(`AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    const providerRole = provider?.node.tryFindChild('ServiceRole');
    if (providerRole) {
      Validations.of(providerRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The provider of CDK\'s AwsCustomResource runs once per deploy and only writes its own logs; its role is CDK\'s, and its one grant is the statement above.',
      });
    }
    return activation;
  }

  /** s3:GetObject below `inbound/` plus kms:Decrypt, in a policy of its own on the function's role. */
  grantReadRawMail(fn: AppFunction): void {
    const policy = new iam.Policy(this, `RawMailRead${fn.node.id}`, {
      roles: [fn.role],
      statements: [
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)] }),
        new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [this.dataKey.keyArn] }),
      ],
    });
    fn.function.node.addDependency(policy);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(this.bucket)}.Arn>/${RAW_MAIL_PREFIX}*]`,
      reason: `The function reads whichever mail SES stored; keys are SES message ids, so the grant is GetObject only, below "${RAW_MAIL_PREFIX}".`,
    });
  }
}

/** The synthesized logical id of a construct's CFN resource, as cdk-nag prints it in findings. */
function logicalId(construct: Construct): string {
  const resource = construct.node.defaultChild as CfnResource;
  return Stack.of(construct).resolve(resource.logicalId) as string;
}
