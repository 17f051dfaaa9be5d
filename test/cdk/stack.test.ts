import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';
import { ReplylineStack } from '../../lib/replyline-stack.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE_CONFIG_PATH = join(REPO_ROOT, 'replyline.config.json');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

type Resource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string };

/** cdk.json's feature flags, so in-process synths match `cdk synth`. */
function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context ?? {};
}

/** Synthesizes the stack in-process; NodejsFunction skips esbuild unless `bundle` is set. */
function synth(config: ReplylineConfig, opts: { stackName?: string; bundle?: boolean; outdir?: string } = {}) {
  const app = new App({
    outdir: opts.outdir,
    context: { ...cdkJsonContext(), ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stack = new ReplylineStack(app, 'Replyline', { config, stackName: opts.stackName });
  return { app, stack, template: Template.fromStack(stack) };
}

function withConfig(patch: (config: ReplylineConfig) => void): ReplylineConfig {
  const config = structuredClone(readConfigFile(EXAMPLE_CONFIG_PATH));
  patch(config);
  return config;
}

function resourcesOf(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

/** Logical id of a `{ "Fn::GetAtt": [id, attr] }` or `{ Ref: id }`. */
function refId(value: any): string | undefined {
  return value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
}

const tmp = mkdtempSync(join(tmpdir(), 'replyline-cdk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ReplylineStack', () => {
  let config: ReplylineConfig;
  let template: Template;

  beforeAll(() => {
    // Non-default retention proves the lifecycle comes from the config.
    config = withConfig((c) => {
      c.retention.rawMailDays = 30;
    });
    template = synth(config).template;
  });

  describe('SES receiving', () => {
    it('has one rule set and a rule for the configured recipients, scanning on, TLS required', () => {
      template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
      template.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'Replyline-inbound' });
      template.resourceCountIs('AWS::SES::ReceiptRule', 1);
      template.hasResourceProperties('AWS::SES::ReceiptRule', {
        Rule: {
          Enabled: true,
          ScanEnabled: true,
          TlsPolicy: 'Require',
          Recipients: ['support@example.com', 'sales@example.com', 'mei@example.com'],
        },
      });
      expect(config.addresses.map((a) => a.address)).toEqual(['support@example.com', 'sales@example.com', 'mei@example.com']);
    });

    it('stores raw mail under inbound/ with an SNS notification, through the SES delivery role', () => {
      const [, rule] = resourcesOf(template, 'AWS::SES::ReceiptRule')[0]!;
      const actions = rule.Properties!.Rule.Actions as any[];
      expect(actions).toHaveLength(1);
      const s3Action = actions[0].S3Action;
      expect(s3Action.ObjectKeyPrefix).toBe('inbound/');
      expect(resourcesOf(template, 'AWS::SNS::Topic').map(([id]) => id)).toContain(refId(s3Action.TopicArn));
      expect(refId(s3Action.BucketName)).toBe(rawMailBucketId(template));
      expect(s3Action.IamRoleArn).toBeDefined();
      expect(s3Action.KmsKeyArn).toBeUndefined(); // SSE-KMS by the bucket, not SES client-side encryption

      // Only SES, for this account's own receipt rule, may assume the role.
      const roleId = refId(s3Action.IamRoleArn)!;
      const role = template.toJSON().Resources[roleId] as Resource;
      const trust = role.Properties!.AssumeRolePolicyDocument.Statement as any[];
      expect(trust).toHaveLength(1);
      expect(trust[0].Principal).toEqual({ Service: 'ses.amazonaws.com' });
      expect(trust[0].Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
      expect(JSON.stringify(trust[0].Condition.ArnEquals['aws:SourceArn'])).toContain(':receipt-rule-set/Replyline-inbound:receipt-rule/Replyline-inbound-1');

      const policy = policiesOfRole(template, roleId).flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
      expect(policy.find((s) => s.Action === 's3:PutObject')?.Resource).toEqual({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [rawMailBucketId(template), 'Arn'] }, '/inbound/*']],
      });
      expect(policy.some((s) => s.Action === 'sns:Publish')).toBe(true);
    });

    it('splits more than 100 recipients over several rules (the SES limit), covering every address once', () => {
      const many = withConfig((c) => {
        c.addresses = Array.from({ length: 150 }, (_, i) => ({ address: `support${i}@example.com`, team: 'support' }));
      });
      const rules = resourcesOf(synth(many).template, 'AWS::SES::ReceiptRule').map(([, r]) => r.Properties!.Rule);
      expect(rules.map((r) => r.Recipients.length).sort()).toEqual([100, 50].sort());
      expect(rules.flatMap((r) => r.Recipients).sort()).toEqual(many.addresses.map((a) => a.address).sort());
      expect(rules.every((r) => r.ScanEnabled === true && r.Actions[0].S3Action.TopicArn)).toBe(true);
    });
  });

  describe('raw mail bucket', () => {
    it('is encrypted with the customer managed data key, which rotates', () => {
      const bucket = template.toJSON().Resources[rawMailBucketId(template)] as Resource;
      const sse = bucket.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0];
      expect(sse.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
      const keyId = refId(sse.ServerSideEncryptionByDefault.KMSMasterKeyID)!;
      expect(template.toJSON().Resources[keyId].Type).toBe('AWS::KMS::Key');
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('blocks public access and writes server access logs', () => {
      const bucket = template.toJSON().Resources[rawMailBucketId(template)] as Resource;
      expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties!.LoggingConfiguration?.DestinationBucketName).toBeDefined();
    });

    it('expires raw mail after config.retention.rawMailDays', () => {
      const bucket = template.toJSON().Resources[rawMailBucketId(template)] as Resource;
      const rules = bucket.Properties!.LifecycleConfiguration.Rules as any[];
      expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 30 }));
    });

    it('denies any request that is not TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: rawMailBucketId(template) },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('every bucket is encrypted, private and TLS-only', () => {
      for (const [id, bucket] of resourcesOf(template, 'AWS::S3::Bucket')) {
        expect(bucket.Properties!.BucketEncryption, id).toBeDefined();
        expect(Object.values(bucket.Properties!.PublicAccessBlockConfiguration ?? {}), id).toEqual([true, true, true, true]);
        const policies = resourcesOf(template, 'AWS::S3::BucketPolicy').filter(([, p]) => refId(p.Properties!.Bucket) === id);
        const statements = policies.flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as any[]);
        expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'), id).toBe(true);
      }
    });
  });

  describe('notification and queues', () => {
    it('encrypts the topic with the data key, requires TLS to publish, and delivers the standard SNS envelope to inbound', () => {
      const [topicId, topic] = resourcesOf(template, 'AWS::SNS::Topic').find(([id]) => id === inboundTopicId(template))!;
      expect(refId(topic.Properties!.KmsMasterKeyId)).toBe(resourcesOf(template, 'AWS::KMS::Key')[0]![0]);
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      const subscriptions = resourcesOf(template, 'AWS::SNS::Subscription').filter(([, subscription]) => refId(subscription.Properties!.TopicArn) === topicId);
      expect(subscriptions).toHaveLength(1);
      const sub = subscriptions[0]![1].Properties!;
      expect(sub.Protocol).toBe('sqs');
      expect(refId(sub.TopicArn)).toBe(topicId);
      expect(refId(sub.Endpoint)).toBe(inboundQueueId(template));
      expect(sub.RawMessageDelivery).not.toBe(true);
      // Undeliverable notifications land in the same DLQ as failed ingests.
      const inboundQueue = template.toJSON().Resources[inboundQueueId(template)];
      expect(refId(sub.RedrivePolicy.deadLetterTargetArn)).toBe(refId(inboundQueue.Properties.RedrivePolicy.deadLetterTargetArn));
    });

    it('every queue has a dead-letter queue or is one', () => {
      const dlqs = new Set(deadLetterQueueIds(template));
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      expect(queues.length).toBeGreaterThanOrEqual(2);
      for (const [id, queue] of queues) {
        expect(Boolean(queue.Properties?.RedrivePolicy) || dlqs.has(id), `${id} has no DLQ`).toBe(true);
      }
      template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { maxReceiveCount: 5 } });
    });

    it('every dead-letter queue has an alarm on visible messages > 0', () => {
      const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
      const dlqs = deadLetterQueueIds(template);
      expect(dlqs.length).toBeGreaterThan(0);
      for (const dlq of dlqs) {
        const alarm = alarms.find(
          (a) =>
            a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            a.Namespace === 'AWS/SQS' &&
            (a.Dimensions as any[]).some((d) => d.Name === 'QueueName' && refId(d.Value) === dlq),
        );
        expect(alarm, `no alarm for ${dlq}`).toBeDefined();
        expect(alarm!.Threshold).toBe(0);
        expect(alarm!.ComparisonOperator).toBe('GreaterThanThreshold');
      }
    });

    it('every queue is encrypted with the data key and TLS-only', () => {
      const keyId = resourcesOf(template, 'AWS::KMS::Key')[0]![0];
      const policies = resourcesOf(template, 'AWS::SQS::QueuePolicy');
      for (const [id, queue] of resourcesOf(template, 'AWS::SQS::Queue')) {
        expect(refId(queue.Properties!.KmsMasterKeyId), id).toBe(keyId);
        const statements = policies
          .filter(([, p]) => (p.Properties!.Queues as any[]).some((q) => refId(q) === id))
          .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as any[]);
        expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'), id).toBe(true);
      }
    });

    it('gives the inbound queue a visibility timeout of at least 6 × the ingest timeout', () => {
      const inbound = template.toJSON().Resources[inboundQueueId(template)] as Resource;
      const ingest = ingestFunction(template);
      expect(inbound.Properties!.VisibilityTimeout).toBeGreaterThanOrEqual(6 * ingest.Properties!.Timeout);
    });
  });

  describe('ingest function', () => {
    it('every function runs Node 22 on arm64 with active tracing, source maps and a log group with retention', () => {
      // Not ours: CDK's provider for the deploy-time call that activates the rule set (its runtime is CDK's choice).
      const functions = resourcesOf(template, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'));
      expect(functions.length).toBeGreaterThanOrEqual(5);
      for (const [id, fn] of functions) {
        expect(fn.Properties!.Runtime, id).toBe('nodejs22.x');
        expect(fn.Properties!.Architectures, id).toEqual(['arm64']);
        expect(fn.Properties!.TracingConfig, id).toEqual({ Mode: 'Active' });
        expect(fn.Properties!.Environment.Variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
        const logGroupId = refId(fn.Properties!.LoggingConfig.LogGroup)!;
        expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays, id).toBe(90);
      }
    });

    it('has the memory for 40 MB mails and the environment the handler reads', () => {
      const props = ingestFunction(template).Properties!;
      expect(props.Handler).toBe('index.handler');
      expect(props.MemorySize).toBe(1024);
      const env = props.Environment.Variables;
      expect(refId(env.TABLE_NAME)).toBe(resourcesOf(template, 'AWS::DynamoDB::Table')[0]![0]);
      expect(refId(env.EVENT_BUS_NAME)).toBe(resourcesOf(template, 'AWS::Events::EventBus')[0]![0]);
      expect(env.INSTANCE_ID).toBe('Replyline.example.com');
      expect(env.POWERTOOLS_SERVICE_NAME).toBe('replyline-ingest');
    });

    it('reads the thread-address key from Secrets Manager (generated, KMS-encrypted), never from the environment', () => {
      const [secretId, secret] = resourcesOf(template, 'AWS::SecretsManager::Secret')[0]!;
      expect(secret.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
      expect(secret.Properties!.KmsKeyId).toBeDefined();
      // Thread addresses live in customers' mailboxes for years: a delete or a replacement must not take the key along.
      expect(secret).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      const env = ingestFunction(template).Properties!.Environment.Variables;
      expect(refId(env.THREAD_KEY_SECRET_ID)).toBe(secretId);
      const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, policy]) => policy.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
      const read = statements.find((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'));
      expect(refId(read?.Resource)).toBe(secretId);
    });

    it('consumes the inbound queue in batches of 10 with partial batch failures, without a batching window that would delay acks', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [inboundQueueId(template), 'Arn'] },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumBatchingWindowInSeconds: Match.absent(),
      });
    });

    it('may send mail (SES v2 SendEmail, raw) only as the configured SES identities and From addresses, never "*"', () => {
      const statements = ingestStatements(template);
      const send = statements.filter((s) => [s.Action].flat().includes('ses:SendEmail'));
      expect(send).toHaveLength(1);
      // A raw message sent through SendEmail is also authorised as ses:SendRawEmail.
      expect([send[0].Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(send[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': ['support@example.com', 'sales@example.com', 'mei@example.com'] } });
      const resources = [send[0].Resource].flat().map((r) => JSON.stringify(r));
      expect(resources).not.toContain('"*"');
      expect(resources.some((r) => r.includes(':identity/example.com"'))).toBe(true);
      // Identities, plus the configuration set every mail is sent through (its events feed the sent-log and suppression list).
      expect(resources.every((r) => r.includes(':ses:') && (r.includes(':identity/') || r.includes(':configuration-set/Replyline-sending')))).toBe(true);
    });

    it('is granted only what it uses: no "*" resource except the X-Ray actions', () => {
      const statements = ingestStatements(template);
      for (const s of statements.filter((st) => [st.Resource].flat().includes('*'))) {
        expect([s.Action].flat().every((a: string) => a.startsWith('xray:'))).toBe(true);
      }
      const s3 = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
      expect(s3.flatMap((s) => [s.Action].flat())).toEqual(['s3:GetObject']);
      expect(JSON.stringify(s3[0].Resource)).toContain('/inbound/*');
      expect(statements.some((s) => [s.Action].flat().includes('events:PutEvents'))).toBe(true);
      expect(statements.some((s) => [s.Action].flat().includes('dynamodb:Scan'))).toBe(false);
    });

    it('has a role of its own without AWS managed policies', () => {
      const roleId = refId(ingestFunction(template).Properties!.Role)!;
      const role = template.toJSON().Resources[roleId] as Resource;
      expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
      const roles = resourcesOf(template, 'AWS::Lambda::Function').map(([, fn]) => refId(fn.Properties!.Role));
      expect(new Set(roles).size).toBe(roles.length);
    });
  });

  describe('threads table', () => {
    it('has the table keys, its GSIs, PITR, TTL, on-demand billing, encryption and deletion protection', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: {
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          SSESpecification: { SSEEnabled: true },
          DeletionProtectionEnabled: true,
          GlobalSecondaryIndexes: Match.arrayWith([
            {
              IndexName: 'GSI1',
              KeySchema: [
                { AttributeName: 'GSI1PK', KeyType: 'HASH' },
                { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
            {
              IndexName: 'GSI2',
              KeySchema: [
                { AttributeName: 'GSI2PK', KeyType: 'HASH' },
                { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ]),
        },
      });
      const [, table] = resourcesOf(template, 'AWS::DynamoDB::Table')[0]!;
      expect(table.Properties!.AttributeDefinitions).toEqual(
        expect.arrayContaining(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      );
    });
  });

  describe('sending feedback', () => {
    it('sends every mail through a configuration set whose Send, Bounce and Complaint events reach the feedback function', () => {
      template.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'Replyline-sending' });
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: Match.arrayEquals(['send', 'bounce', 'complaint']), SnsDestination: Match.anyValue() }),
      });
      expect(ingestFunction(template).Properties!.Environment.Variables.CONFIGURATION_SET).toBe('Replyline-sending');
      const feedback = resourcesOf(template, 'AWS::Lambda::Function').find(([, fn]) => fn.Properties!.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'replyline-feedback');
      expect(feedback).toBeDefined();
      const mapping = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').find(([, candidate]) => refId(candidate.Properties!.FunctionName) === feedback![0])!;
      expect(mapping[1].Properties!.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    });
  });

  describe('routing', () => {
    const functionsByTeam = () =>
      Object.fromEntries(
        resourcesOf(template, 'AWS::Lambda::Function')
          .filter(([, fn]) => fn.Properties!.Environment?.Variables?.TEAM_ID)
          .map(([id, fn]) => [fn.Properties!.Environment.Variables.TEAM_ID as string, { id, fn }]),
      );

    it('has one deliver function per team, each consuming its own queue with partial batch failures', () => {
      const byTeam = functionsByTeam();
      expect(Object.keys(byTeam).sort()).toEqual(['sales', 'support']);
      const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => mapping.Properties!);
      for (const { id, fn } of Object.values(byTeam)) {
        const mapping = mappings.find((candidate) => refId(candidate.FunctionName) === id)!;
        expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
        const queueId = refId(mapping.EventSourceArn)!;
        const queue = template.toJSON().Resources[queueId];
        expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
        expect(refId(fn.Properties!.Environment.Variables.DEAD_LETTER_QUEUE_URL)).toBe(refId(queue.Properties.RedrivePolicy.deadLetterTargetArn));
      }
    });

    it('alarms when a team queue\'s oldest mail waits more than 15 minutes', () => {
      const ageAlarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties!.MetricName === 'ApproximateAgeOfOldestMessage');
      expect(ageAlarms).toHaveLength(2);
      for (const [, alarm] of ageAlarms) expect(alarm.Properties!.Threshold).toBe(900);
    });

    it('tells ingest where each team queue is, and lets it send to them only', () => {
      const env = ingestFunction(template).Properties!.Environment.Variables;
      expect(JSON.stringify(env.TEAM_QUEUE_URLS)).toMatch(/support/);
      expect(JSON.stringify(env.TEAM_QUEUE_URLS)).toMatch(/sales/);
    });

    it('lets no help desk stop a clock unless its source is allowed in helpdesk.eventSources (default: none)', () => {
      const rules = resourcesOf(template, 'AWS::Events::Rule').filter(([, rule]) => JSON.stringify(rule.Properties!.EventPattern).includes('Agent Replied'));
      expect(rules).toEqual([]);
      expect(JSON.stringify(template.toJSON())).not.toContain('replyline-agent-events');
    });

    it('takes Agent Replied and Thread Closed from the allowed help desks only, through a queue (DLQ, alarm) consumed with partial batch failures', () => {
      const withHelpdesk = synth(
        withConfig((c) => {
          c.helpdesk.eventSources = ['helpdesk.example', 'zendesk.acme'];
        }),
      ).template;
      const [ruleId, rule] = resourcesOf(withHelpdesk, 'AWS::Events::Rule').filter(([, r]) => JSON.stringify(r.Properties!.EventPattern).includes('Agent Replied'))[0]!;
      expect(rule.Properties!.EventPattern).toEqual({ 'detail-type': ['Agent Replied', 'Thread Closed'], source: ['helpdesk.example', 'zendesk.acme'] });
      const [target] = rule.Properties!.Targets;
      const queueId = refId(target.Arn)!;
      expect(withHelpdesk.toJSON().Resources[queueId].Type).toBe('AWS::SQS::Queue');
      expect(target.RoleArn).toBeUndefined();
      expect(refId(target.DeadLetterConfig.Arn)).toBe(refId(withHelpdesk.toJSON().Resources[queueId].Properties.RedrivePolicy.deadLetterTargetArn));
      withHelpdesk.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      // No asynchronous invocation whose failures Lambda would discard after two retries.
      expect(resourcesOf(withHelpdesk, 'AWS::Lambda::Permission').filter(([, p]) => p.Properties!.Principal === 'events.amazonaws.com')).toEqual([]);
      expect(ruleId).toBeDefined();
    });
  });

  describe('event bus and outputs', () => {
    it('creates the replyline bus', () => {
      template.hasResourceProperties('AWS::Events::EventBus', { Name: 'replyline' });
    });

    it('names per-stack resources after a non-default stack name so two installs can share a region', () => {
      const other = synth(config, { stackName: 'Staging' }).template;
      other.hasResourceProperties('AWS::Events::EventBus', { Name: 'replyline-staging' });
      other.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'Staging-inbound' });
      other.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ INSTANCE_ID: 'Staging.example.com' }) },
      });
    });

    it('outputs what operators and `replyline doctor` need', () => {
      const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
      for (const name of [
        'RawMailBucketName',
        'ReceiptRuleSetName',
        'RuleSetActivation',
        'ConfigurationSetName',
        'MailDomains',
        'TableName',
        'EventBusName',
        'InboundQueueUrl',
        'InboundDeadLetterQueueUrl',
        'DeadLetterQueueUrls',
        'AlertTopicArn',
        'ThreadAddressKeySecretArn',
        'DataKeyArn',
        'WebhookSecretNames',
        'SweeperFunctionName',
      ]) {
        expect(Object.keys(outputs)).toContain(name);
      }
      expect(outputs.MailDomains!.Value).toBe('example.com');
      expect(outputs.RuleSetActivation!.Value).toBe('managed');
      expect(outputs.WebhookSecretNames!.Value).toBe('-');
      const dlqs = JSON.stringify(outputs.DeadLetterQueueUrls!.Value);
      for (const label of ['inbound', 'sla schedule', 'ses feedback', 'team support', 'team sales', 'alert delivery']) expect(dlqs).toContain(`\\"${label}\\":`);
    });
  });

  it('bundles the ingest handler with esbuild, with the validated config compiled in', { timeout: 300_000 }, () => {
    const outdir = join(tmp, 'bundled');
    const { app, template: bundled } = synth(config, { bundle: true, outdir });
    app.synth();
    const code = ingestFunction(bundled).Properties!.Code;
    const assetHash = String(code.S3Key).replace(/\.zip$/, '');
    const assetDir = join(outdir, `asset.${assetHash}`);
    expect(existsSync(assetDir)).toBe(true);
    expect(readdirSync(assetDir).sort()).toEqual(['index.js', 'index.js.map']);
    const source = readFileSync(join(assetDir, 'index.js'), 'utf8');
    expect(source).toContain('"domain":"example.com"');
    expect(source).not.toContain('__REPLYLINE_CONFIG__');
  });
});

describe('bin/replyline.ts', () => {
  function runApp(context: Record<string, unknown>) {
    const outdir = mkdtempSync(join(tmp, 'out-'));
    const result = spawnSync(TSX, ['bin/replyline.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
        // Prove it needs no AWS: no credentials, no profile, no region.
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_SESSION_TOKEN: '',
        AWS_PROFILE: '',
        AWS_REGION: '',
        AWS_DEFAULT_REGION: '',
      },
    });
    return { ...result, outdir };
  }

  it('stops a bad config with the readable error and exit 1, without a stack trace', { timeout: 300_000 }, () => {
    const raw = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
    raw.addresses[1].team = 'billing'; // no such team
    const badPath = join(tmp, 'bad.json');
    writeFileSync(badPath, JSON.stringify(raw));

    const result = runApp({ config: badPath });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid Replyline configuration');
    expect(result.stderr).toContain('addresses[1].team');
    expect(result.stderr).toContain('unknown team "billing"');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/\.ts:\d+:\d+/);
    expect(existsSync(join(result.outdir, 'manifest.json'))).toBe(false);
  });

  it('reports a missing config file the same way', { timeout: 300_000 }, () => {
    const result = runApp({ config: join(tmp, 'does-not-exist.json') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read the file (ENOENT)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('synthesizes the default config offline, without credentials', { timeout: 300_000 }, () => {
    const result = runApp({});
    expect(result.stderr).not.toMatch(/AwsSolutions-/);
    expect(result.status, result.stderr).toBe(0);
    const template = JSON.parse(readFileSync(join(result.outdir, 'Replyline.template.json'), 'utf8'));
    expect(Object.values(template.Resources).some((r: any) => r.Type === 'AWS::SES::ReceiptRule')).toBe(true);
  });
});

// --- helpers over the template --------------------------------------------------------------

function rawMailBucketId(template: Template): string {
  const [, rule] = resourcesOf(template, 'AWS::SES::ReceiptRule')[0]!;
  return refId(rule.Properties!.Rule.Actions[0].S3Action.BucketName)!;
}

/** Queues that are some queue's redrive target, or the dead-letter queue of an EventBridge rule target or a schedule. */
function deadLetterQueueIds(template: Template): string[] {
  const redriveTargets = resourcesOf(template, 'AWS::SQS::Queue').map(([, q]) => refId(q.Properties?.RedrivePolicy?.deadLetterTargetArn));
  const ruleTargetDlqs = resourcesOf(template, 'AWS::Events::Rule').flatMap(([, rule]) =>
    ((rule.Properties?.Targets ?? []) as { DeadLetterConfig?: { Arn: unknown } }[]).map((target) => refId(target.DeadLetterConfig?.Arn)),
  );
  const scheduleDlqs = resourcesOf(template, 'AWS::Scheduler::Schedule').map(([, schedule]) => refId(schedule.Properties?.Target?.DeadLetterConfig?.Arn));
  return [...new Set([...redriveTargets, ...ruleTargetDlqs, ...scheduleDlqs].filter((id): id is string => Boolean(id)))];
}

function inboundQueueId(template: Template): string {
  const ingest = ingestFunctionId(template);
  const [, mapping] = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').find(([, candidate]) => refId(candidate.Properties!.FunctionName) === ingest)!;
  return refId(mapping.Properties!.EventSourceArn)!;
}

/** The topic SES receiving notifies (the receipt rule's S3 action names it). */
function inboundTopicId(template: Template): string {
  const [, rule] = resourcesOf(template, 'AWS::SES::ReceiptRule')[0]!;
  const s3Action = (rule.Properties!.Rule.Actions as { S3Action?: { TopicArn: unknown } }[]).find((action) => action.S3Action)!.S3Action!;
  return refId(s3Action.TopicArn)!;
}

function ingestFunctionId(template: Template): string {
  const [id] = resourcesOf(template, 'AWS::Lambda::Function').find(([, fn]) => fn.Properties!.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'replyline-ingest')!;
  return id;
}

function ingestFunction(template: Template): Resource {
  return template.toJSON().Resources[ingestFunctionId(template)] as Resource;
}

function policiesOfRole(template: Template, roleId: string): Resource[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties!.Roles as any[]).some((r) => refId(r) === roleId))
    .map(([, p]) => p);
}

function ingestStatements(template: Template): any[] {
  const roleId = refId(ingestFunction(template).Properties!.Role)!;
  return policiesOfRole(template, roleId).flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
}
