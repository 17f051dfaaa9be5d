import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Duration, Stack, Validations, type PolicyViolation } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import { slaChatBody } from '../../lambdas/core/sla/alert-text.js';
import type { SlaEventDetail } from '../../lambdas/core/events.js';
import { alertsConfigSchema, type AlertsConfigInput } from '../../lambdas/schemas/alerts-config.js';
import { Alerts } from '../../lib/constructs/alerts.js';
import { ReplylineEventBus } from '../../lib/constructs/event-bus.js';
import { SlaMonitor } from '../../lib/constructs/sla-monitor.js';
import { ThreadsTable } from '../../lib/constructs/threads-table.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const config = readConfigFile(join(REPO_ROOT, 'replyline.config.json'));
const CHAT_SECRET = 'replyline/chat-webhook';
const FULL: AlertsConfigInput = {
  emails: ['oncall@example.com', 'lead@example.com'],
  chatWebhookSecretName: CHAT_SECRET,
  includeWarnings: true,
  linkTemplate: 'https://helpdesk.example.com/threads/{ref}',
};

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };

/** A stack with just what the SLA monitor and the alerts need, built the way the Replyline stack wires them. */
function build(alertsInput: AlertsConfigInput, options: { nag?: boolean } = {}) {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'));
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'SlaAlertsTest');
  const alerts = alertsConfigSchema.parse(alertsInput);
  const dataKey = new kms.Key(stack, 'DataKey', { enableKeyRotation: true });
  const threads = new ThreadsTable(stack, 'Threads');
  const bus = new ReplylineEventBus(stack, 'Events', { stackName: stack.stackName }).bus;
  const inboundDlq = new sqs.Queue(stack, 'InboundDlq', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: dataKey, enforceSSL: true });
  const inbound = new sqs.Queue(stack, 'Inbound', {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: dataKey,
    enforceSSL: true,
    visibilityTimeout: Duration.minutes(6),
    deadLetterQueue: { queue: inboundDlq, maxReceiveCount: 5 },
  });
  const fullConfig = { ...config, alerts } as typeof config;
  const monitor = new SlaMonitor(stack, 'SlaMonitor', { config: fullConfig, table: threads.table, bus, dataKey });
  const alertsConstruct = new Alerts(stack, 'Alerts', {
    config: fullConfig,
    bus,
    dataKey,
    table: threads,
    namePrefix: stack.stackName,
    inboundQueue: inbound,
    deadLetterQueues: { inbound: inboundDlq, 'sla schedule': monitor.deadLetterQueue },
    alarms: monitor.alarms,
    sweeper: monitor.sweeper.function,
  });
  return { app, stack, monitor, alerts: alertsConstruct };
}

const template = (stack: Stack) => Template.fromStack(stack);
const resources = (t: Template, type: string) => Object.entries(t.findResources(type)) as [string, Resource][];
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);
const asArray = <T,>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

function keyStatements(t: Template): (Statement & { Sid?: string })[] {
  return resources(t, 'AWS::KMS::Key')[0]![1].Properties.KeyPolicy.Statement as (Statement & { Sid?: string })[];
}

function statementsOf(t: Template): Statement[] {
  return resources(t, 'AWS::IAM::Policy').flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('SLA monitor', () => {
  const { stack, monitor } = build(FULL);
  const t = template(stack);
  const sweeperId = logicalId(stack, monitor.sweeper.function);

  it('runs the sweeper every minute from EventBridge Scheduler, with a DLQ and retries', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [sweeperId, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [logicalId(stack, monitor.schedulerRole), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, monitor.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 2 },
        Input: Match.stringLikeRegexp('aws.scheduler.scheduled-time'),
      },
    });
  });

  it('gives the scheduler a role that can start this function only (no version/alias wildcard), guarded against confused deputies', () => {
    const role = t.toJSON().Resources[logicalId(stack, monitor.schedulerRole)] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': expect.anything(), 'aws:SourceArn': expect.anything() } } }),
    ]);
    const invoke = statementsOf(t).filter((s) => asArray(s.Action).includes('lambda:InvokeFunction'));
    expect(invoke).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [sweeperId, 'Arn'] } })]);
  });

  it('configures the sweeper: 90 s timeout, table and bus from the environment', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 90,
      Runtime: 'nodejs22.x',
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), EVENT_BUS_NAME: Match.anyValue(), POWERTOOLS_SERVICE_NAME: 'replyline-sla-sweep' }) },
    });
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 });
  });

  it('grants Query on the open-SLA index and Get/Update/Put on the table, PutEvents on the bus — no Scan', () => {
    const sweeperPolicy = resources(t, 'AWS::IAM::Policy').find(([id]) => id.startsWith('SlaMonitorSweeperRoleDefaultPolicy'))![1];
    const statements = sweeperPolicy.Properties.PolicyDocument.Statement as Statement[];
    const actions = statements.flatMap((s) => asArray(s.Action)).sort();
    expect(actions).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'events:PutEvents', 'logs:CreateLogStream', 'logs:PutLogEvents'].sort());
    const query = statements.find((s) => asArray(s.Action).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain('/index/GSI2');
    expect(JSON.stringify(query.Resource)).not.toContain('GSI1');
  });

  it('alarms when the sweeper fails or stops running', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [{ Name: 'FunctionName', Value: { Ref: sweeperId } }] });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Invocations', Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching' });
  });
});

describe('alerts', () => {
  const { stack, alerts } = build(FULL);
  const t = template(stack);

  it('has one rule per forwarded SLA event on the Replyline bus', () => {
    for (const type of ['SLA Breached', 'SLA Warning']) {
      t.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: Match.stringLikeRegexp('EventsBus') },
        EventPattern: { source: ['replyline'], 'detail-type': [type] },
        State: 'ENABLED',
      });
    }
    const onlyBreaches = template(build({ emails: ['oncall@example.com'] }).stack);
    expect(resources(onlyBreaches, 'AWS::Events::Rule').map(([, rule]) => rule.Properties.EventPattern['detail-type'])).toEqual([['SLA Breached']]);
  });

  it('sends to a KMS-encrypted, TLS-only topic with one e-mail subscription per configured address', () => {
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'SlaAlertsTest-sla-alerts', KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DataKey'), 'Arn'] } });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    const emails = resources(t, 'AWS::SNS::Subscription').map(([, s]) => [s.Properties.Protocol, s.Properties.Endpoint]);
    expect(emails).toEqual([
      ['email', 'oncall@example.com'],
      ['email', 'lead@example.com'],
    ]);
  });

  it('targets the topic without a role (EventBridge publishes to SNS with its own identity), with a one-line text and the delivery DLQ', () => {
    const topicTargets = resources(t, 'AWS::Events::Rule').map(([, rule]) => rule.Properties.Targets.find((target: any) => target.Arn?.Ref?.startsWith('AlertsTopic')));
    expect(topicTargets).toHaveLength(2);
    for (const target of topicTargets) {
      expect(target.RoleArn).toBeUndefined();
      expect(target).toMatchObject({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, alerts.deliveryDeadLetterQueue), 'Arn'] } }, InputTransformer: expect.anything() });
    }
  });

  it('lets EventBridge publish to the alert topic (no condition, as its guide requires) and use the key for that topic only', () => {
    const [, policy] = resources(t, 'AWS::SNS::TopicPolicy')[0]!;
    const statements = policy.Properties.PolicyDocument.Statement as Statement[];
    const fromEvents = statements.find((s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'events.amazonaws.com' }))!;
    expect(fromEvents).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: logicalId(stack, alerts.topic) } });
    const ruleArns = Object.values(alerts.rules).map((rule) => ({ 'Fn::GetAtt': [logicalId(stack, rule), 'Arn'] }));
    // EventBridge's guide: SNS topic policies for EventBridge cannot use a Condition block.
    expect(fromEvents.Condition).toBeUndefined();
    expect(ruleArns).toHaveLength(2);
    const key = keyStatements(t).find((s) => s.Sid === 'EventBridgeToReplylineAlertTopic')!;
    expect(asArray(key.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    // EventBridge's calls to KMS for an encrypted topic carry no aws:SourceArn/aws:SourceAccount: bound by the topic instead.
    expect(Object.keys(key.Condition as object)).toEqual(['StringEquals']);
    expect(Object.keys((key.Condition as any).StringEquals)).toEqual(['kms:EncryptionContext:aws:sns:topicArn']);
    expect(JSON.stringify((key.Condition as any).StringEquals['kms:EncryptionContext:aws:sns:topicArn'])).toContain(':SlaAlertsTest-sla-alerts');
  });

  it('lets CloudWatch publish to the alert topic for exactly the alarms that notify it, and use the key for that topic', () => {
    const topicRef = { Ref: logicalId(stack, alerts.topic) };
    const notifying = resources(t, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => JSON.stringify(alarm.Properties.AlarmActions ?? []).includes(JSON.stringify(topicRef)));
    expect(notifying.length).toBeGreaterThanOrEqual(5);
    const [, policy] = resources(t, 'AWS::SNS::TopicPolicy')[0]!;
    const fromCloudWatch = (policy.Properties.PolicyDocument.Statement as Statement[]).find((s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }))!;
    expect(fromCloudWatch).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish', Resource: topicRef });
    expect((fromCloudWatch.Condition as any).StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(new Set((fromCloudWatch.Condition as any).ArnEquals['aws:SourceArn'])).toEqual(new Set(notifying.map(([id]) => ({ 'Fn::GetAtt': [id, 'Arn'] }))));
    const key = keyStatements(t).find((s) => s.Sid === 'CloudWatchAlarmsToReplylineAlertTopic')!;
    expect(JSON.stringify(key.Principal)).toContain('cloudwatch.amazonaws.com');
    expect(JSON.stringify((key.Condition as any).StringEquals['kms:EncryptionContext:aws:sns:topicArn'])).toContain(':SlaAlertsTest-sla-alerts');
  });

  it('posts to chat through a queue and the alert-chat function, which reads the webhook URL from Secrets Manager: no URL in the template', () => {
    const chatQueue = logicalId(stack, alerts.chat!.queue);
    for (const [, rule] of resources(t, 'AWS::Events::Rule')) {
      const chat = rule.Properties.Targets.find((target: any) => target.Arn?.['Fn::GetAtt']?.[0] === chatQueue);
      expect(chat).toMatchObject({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, alerts.chat!.deadLetterQueue), 'Arn'] } } });
      // The whole event reaches the function, which renders the text itself.
      expect(chat.InputTransformer).toBeUndefined();
      expect(chat.RoleArn).toBeUndefined();
    }
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CHAT_WEBHOOK_SECRET_ID: CHAT_SECRET, POWERTOOLS_SERVICE_NAME: 'replyline-alert-chat' }) },
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 2 } });
    t.resourceCountIs('AWS::Events::ApiDestination', 0);
    t.resourceCountIs('AWS::Events::Connection', 0);
    expect(JSON.stringify(t.toJSON())).not.toMatch(/hooks\.slack\.com|https:\/\/hooks/);
    const readsSecret = statementsOf(t).find((s) => asArray(s.Action).includes('secretsmanager:GetSecretValue'))!;
    expect(JSON.stringify(readsSecret.Resource)).toContain(`secret:${CHAT_SECRET}-??????`);
  });

  it('e-mails the same alert line the chat function posts', () => {
    const detail: SlaEventDetail = {
      version: 1,
      threadRef: 'RL-7K3F9Q',
      team: 'support',
      priority: 'high',
      category: 'delivery',
      subject: 'Kettle "missing"',
      customer: 'j***@customer.example.org',
      target: 'firstResponse',
      dueAt: '2026-11-24T06:00:00.000Z',
      minutesOverdue: 12,
      link: 'https://helpdesk.example.com/threads/RL-7K3F9Q',
    };
    for (const [, rule] of resources(t, 'AWS::Events::Rule')) {
      const type = rule.Properties.EventPattern['detail-type'][0] as 'SLA Breached' | 'SLA Warning';
      const mail = rule.Properties.Targets.find((target: any) => target.Arn?.Ref?.startsWith('AlertsTopic'));
      const { InputPathsMap, InputTemplate } = mail.InputTransformer as { InputPathsMap: Record<string, string>; InputTemplate: string };
      // Only plain-token fields are used: EventBridge inserts values unescaped.
      expect(Object.values(InputPathsMap).sort()).toEqual(['$.detail.dueAt', '$.detail.link', '$.detail.minutesOverdue', '$.detail.priority', '$.detail.team', '$.detail.threadRef']);
      const mailText = InputTemplate.replace(/<([A-Za-z-]+)>/g, (_, name: string) => String(detail[InputPathsMap[name]!.slice('$.detail.'.length) as keyof SlaEventDetail]));
      expect(mailText).toBe(slaChatBody(type, detail, { linkTemplate: 'x' }).text);
      expect(mail).toMatchObject({ DeadLetterConfig: { Arn: expect.anything() }, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } });
    }
  });

  it('leaves the chat out when no webhook secret is configured', () => {
    const bare = template(build({ emails: [] }).stack);
    bare.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(JSON.stringify(bare.toJSON())).not.toContain('replyline-alert-chat');
  });

  it('alarms on Breaches > 0: the breach rule\'s MatchedEvents, dimensioned by its plain name (a Ref on a custom bus is "bus|rule")', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Events',
      MetricName: 'MatchedEvents',
      Statistic: 'Sum',
      Period: 60,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      Dimensions: [Match.objectLike({ Name: 'EventBusName' }), { Name: 'RuleName', Value: 'SlaAlertsTest-sla-breached' }],
    });
    t.hasResourceProperties('AWS::Events::Rule', { Name: 'SlaAlertsTest-sla-breached', EventPattern: { 'detail-type': ['SLA Breached'] } });
    const body = JSON.stringify(resources(t, 'AWS::CloudWatch::Dashboard')[0]![1].Properties.DashboardBody);
    expect(body).toContain('\\"RuleName\\",\\"SlaAlertsTest-sla-breached\\"');
    expect(body).not.toContain(logicalId(stack, alerts.rules['SLA Breached']!));
  });

  it('sends the operational alarms (DLQs, sweeper, chat delivery) to the alert topic', () => {
    const topicRef = { Ref: logicalId(stack, alerts.topic) };
    const withActions = resources(t, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => JSON.stringify(alarm.Properties.AlarmActions ?? []) === JSON.stringify([topicRef]));
    const watched = (alarm: Resource) => alarm.Properties.MetricName ?? (JSON.stringify(alarm.Properties.Metrics).includes('FailedInvocations') ? 'FailedInvocations (rule)' : '?');
    expect(withActions.map(([, alarm]) => watched(alarm)).sort()).toEqual([
      'ApproximateNumberOfMessagesVisible',
      'ApproximateNumberOfMessagesVisible',
      'ApproximateNumberOfMessagesVisible',
      'Errors',
      'FailedInvocations (rule)',
      'FailedInvocations (rule)',
      'Invocations',
    ]);
  });

  it('has a dashboard with inbound volume, ack latency, open threads by team, warnings, breaches and DLQ depths', () => {
    const [, dashboard] = resources(t, 'AWS::CloudWatch::Dashboard')[0]!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const expected of [
      'Inbound mail',
      'NumberOfMessagesSent',
      'Acknowledgement latency',
      'AckLatencyMs',
      'replyline-ingest',
      'Open threads by team',
      'OpenThreads',
      'SLA breaches by team',
      'SlaBreaches',
      'SLA warnings by team',
      'SlaWarnings',
      'MatchedEvents',
      'SlaAlertDelayMs',
      'Dead-letter queues',
      'ApproximateNumberOfMessagesVisible',
      'alert delivery',
      'sla schedule',
    ]) {
      expect(body, expected).toContain(expected);
    }
  });

  it('puts no "*" resource on data: only X-Ray (which has no resource-level permissions) gets one', () => {
    for (const statement of statementsOf(t)) {
      if (JSON.stringify(statement.Resource).includes('"*"') || statement.Resource === '*') {
        expect(asArray(statement.Action).every((action) => action.startsWith('xray:'))).toBe(true);
      }
      expect(JSON.stringify(statement.Resource)).not.toMatch(/index\/\*|:\*"/);
      expect(asArray(statement.Action).some((action) => action.endsWith('*'))).toBe(false);
    }
    // Key-policy grants to services are bound to one topic / their queues by encryption context.
    const serviceGrants = keyStatements(t).filter((s) => JSON.stringify(s.Principal).includes('Service'));
    expect(serviceGrants.map((s) => s.Sid).sort()).toEqual(['CloudWatchAlarmsToReplylineAlertTopic', 'EventBridgeToAlertChatQueue', 'EventBridgeToReplylineAlertDlq', 'EventBridgeToReplylineAlertTopic'].sort());
    for (const grant of serviceGrants) expect(JSON.stringify(grant.Condition)).toMatch(/kms:EncryptionContext:aws:(sns:topicArn|sqs:arn)/);
  });
});

describe('cdk-nag on the SLA monitor and alerts', () => {
  function describeViolations(violations: PolicyViolation[]): string {
    return violations
      .map((v) => `${v.severity ?? 'error'} ${v.ruleName}: ${v.description}\n    at ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId).join(', ')}`)
      .join('\n');
  }

  it('has zero unacknowledged findings, and each acknowledgement is specific and matches a real finding', () => {
    for (const input of [FULL, { emails: [] }]) {
      const { app, stack } = build(input, { nag: true });
      app.synth();
      const report = new AwsSolutionsChecks().validateScope(app);
      expect(report.violations, describeViolations(report.violations)).toEqual([]);
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);

      const pack = new AwsSolutionsChecks();
      (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
      const raw = pack.validateScope(app).violations;
      for (const construct of app.node.findAll()) {
        if (!construct.node.path.includes('/SlaMonitor') && !construct.node.path.includes('/Alerts')) continue;
        for (const entry of construct.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          for (const [rawId, reason] of Object.entries(entry.data as Record<string, string>)) {
            const id = rawId.replace(/^annotation::/i, '');
            const path = construct.node.path;
            expect(reason.length, `${id} at ${path}`).toBeGreaterThanOrEqual(60);
            if (id.startsWith('AwsSolutions-IAM')) expect(id).toMatch(/\[(Resource|Action|Policy)::.+\]$/);
            const hit = raw.some((v) => v.ruleName === id && v.violatingResources.some((r) => r.constructPath === path || r.constructPath?.startsWith(`${path}/`)));
            expect(hit, `acknowledgement ${id} at ${path} matches no finding`).toBe(true);
          }
        }
      }
    }
  });
});
