import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { ReplylineStack } from '../../lib/replyline-stack.js';

/*
 * Local emulators enforce no resource or key policy, so this is where "can the producer reach the
 * consumer on a real account" is tested. The pairs are found in the synthesized template (every
 * alarm action, rule target, rule DLQ, subscription, SES action and event destination, schedule
 * and event source), so a producer → consumer pair added later is checked without a new test.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Json = any;
type Statement = { Sid?: string; Effect: string; Principal?: Json; Action: string | string[]; Resource?: Json; Condition?: Json };

const asArray = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
/** Logical id behind `{Ref}` or `{Fn::GetAtt: [id, …]}`. */
const idOf = (value: Json): string | undefined => value?.Ref ?? value?.['Fn::GetAtt']?.[0];

/** Every install feature on: chat, a help desk, a webhook team, alert e-mails. */
function fullConfig(): ReplylineConfig {
  const config = structuredClone(readConfigFile(join(REPO_ROOT, 'replyline.config.json')));
  config.alerts.emails = ['oncall@example.com'];
  config.alerts.includeWarnings = true;
  config.alerts.chatWebhookSecretName = 'replyline/chat-webhook';
  config.helpdesk.eventSources = ['helpdesk.example'];
  config.teams.partners = { name: 'Partners', languages: {}, destination: { type: 'webhook', url: 'https://partners.example.org/hook', secretName: 'replyline/partners-webhook' } };
  return config;
}

describe('every producer can reach its consumer on AWS (resource policies and the key policy)', () => {
  let resources: Record<string, { Type: string; Properties: Json }>;
  let keyId: string;
  let keyPolicy: Statement[];

  beforeAll(() => {
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'));
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const stack = new ReplylineStack(app, 'Replyline', { config: fullConfig() });
    resources = Template.fromStack(stack).toJSON().Resources;
    const keys = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::KMS::Key');
    expect(keys).toHaveLength(1);
    [keyId] = keys[0]!;
    keyPolicy = keys[0]![1].Properties.KeyPolicy.Statement;
  });

  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const topicPolicy = (topicId: string): Statement[] =>
    ofType('AWS::SNS::TopicPolicy')
      .filter(([, policy]) => policy.Properties.Topics.some((topic: Json) => same(topic, ref(topicId))))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
  const queuePolicy = (queueId: string): Statement[] =>
    ofType('AWS::SQS::QueuePolicy')
      .filter(([, policy]) => policy.Properties.Queues.some((queue: Json) => same(queue, ref(queueId))))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
  const rolePolicy = (roleId: string): Statement[] =>
    ofType('AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((role: Json) => same(role, ref(roleId))))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);

  /** An Allow for the service principal with the action on the resource, from `source` if given (aws:SourceArn). */
  function lets(statements: Statement[], service: string, action: string, resource: Json, source?: Json): boolean {
    return statements.some((s) => {
      if (s.Effect !== 'Allow' || !asArray(s.Principal?.Service).includes(service) || !asArray(s.Action).includes(action)) return false;
      if (!asArray(s.Resource).some((r) => same(r, resource))) return false;
      if (!source) return true;
      const sourceArns = [...asArray(s.Condition?.ArnEquals?.['aws:SourceArn']), ...asArray(s.Condition?.ArnLike?.['aws:SourceArn'])];
      return sourceArns.some((arn) => same(arn, source));
    });
  }

  /** No Deny in these statements would refuse the service (only the TLS guards, which every AWS service meets). */
  function deniesOnlyInsecureTransport(statements: Statement[]): boolean {
    const tlsGuards = [{ Bool: { 'aws:SecureTransport': 'false' } }, { NumericLessThan: { 's3:TlsVersion': 1.2 } }];
    return statements.filter((s) => s.Effect === 'Deny').every((s) => tlsGuards.some((guard) => same(s.Condition, guard)));
  }

  /** Whether a formatArn-built ARN (or an ARN pattern ending in `*`) names this resource of the stack's account and region. */
  const namesResource = (arn: Json, kind: 'sns' | 'sqs', name: string) => {
    const match = new RegExp(`:${kind}:",\\{"Ref":"AWS::Region"\\},":",\\{"Ref":"AWS::AccountId"\\},":([^"]*)"\\]\\]\\}$`).exec(JSON.stringify(arn));
    if (!match) return false;
    const pattern = match[1]!;
    return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
  };

  /**
   * The data key lets the service use it (GenerateDataKey + Decrypt) for this consumer: bound by the
   * encryption context SNS and SQS set (the consumer's ARN), or for SNS's own deliveries by the
   * topic they come from (aws:SourceArn). Never by a source condition for EventBridge: its calls to
   * KMS carry none, and such a statement silently blocks delivery.
   */
  function keyLets(service: string, consumer: { kind: 'sns' | 'sqs'; name: string }, producer?: { kind: 'sns'; name: string }): boolean {
    const contextKey = consumer.kind === 'sns' ? 'kms:EncryptionContext:aws:sns:topicArn' : 'kms:EncryptionContext:aws:sqs:arn';
    return keyPolicy.some((s) => {
      if (s.Effect !== 'Allow' || !asArray(s.Principal?.Service).includes(service)) return false;
      const actions = asArray(s.Action);
      const generates = actions.includes('kms:GenerateDataKey') || actions.includes('kms:GenerateDataKey*');
      if (!generates || !actions.includes('kms:Decrypt')) return false;
      if (asArray(s.Condition?.StringEquals?.[contextKey]).some((arn) => namesResource(arn, consumer.kind, consumer.name))) return true;
      if (asArray(s.Condition?.StringLike?.[contextKey]).some((arn) => namesResource(arn, consumer.kind, consumer.name))) return true;
      return producer !== undefined && service !== 'events.amazonaws.com' && asArray(s.Condition?.ArnEquals?.['aws:SourceArn']).some((arn) => namesResource(arn, producer.kind, producer.name));
    });
  }

  const encrypted = (id: string) => same(resources[id]!.Properties.KmsMasterKeyId, arnOf(keyId));
  const topicName = (id: string) => resources[id]!.Properties.TopicName as string;
  const queueName = (id: string) => {
    const name = resources[id]!.Properties.QueueName;
    expect(name, `queue ${id} needs a fixed name for the key policy to name it`).toEqual(expect.any(String));
    return name as string;
  };

  it('uses the one customer managed key for every topic and queue', () => {
    for (const [id] of [...ofType('AWS::SNS::Topic'), ...ofType('AWS::SQS::Queue')]) expect(encrypted(id), id).toBe(true);
  });

  it('CloudWatch alarm → alert topic: the topic policy names each alarm, the key lets CloudWatch encrypt for that topic', () => {
    const pairs = ofType('AWS::CloudWatch::Alarm').flatMap(([alarmId, alarm]) =>
      [...asArray(alarm.Properties.AlarmActions), ...asArray(alarm.Properties.OKActions)].map((action: Json) => [alarmId, idOf(action)!] as const),
    );
    expect(pairs.length).toBeGreaterThan(10);
    for (const [alarmId, topicId] of pairs) {
      expect(resources[topicId]!.Type).toBe('AWS::SNS::Topic');
      expect(lets(topicPolicy(topicId), 'cloudwatch.amazonaws.com', 'sns:Publish', ref(topicId), arnOf(alarmId)), `${alarmId} → ${topicId}`).toBe(true);
      expect(keyLets('cloudwatch.amazonaws.com', { kind: 'sns', name: topicName(topicId) }), `key for ${alarmId} → ${topicId}`).toBe(true);
    }
  });

  it('EventBridge rule → topic, queue or DLQ: no role on SNS and SQS targets, the consumer names the rule, the key lets EventBridge in', () => {
    let checked = 0;
    for (const [ruleId, rule] of ofType('AWS::Events::Rule')) {
      for (const target of rule.Properties.Targets as Json[]) {
        const targetId = idOf(target.Arn)!;
        const type = resources[targetId]?.Type;
        if (type === 'AWS::SNS::Topic') {
          expect(target.RoleArn, `${ruleId}: EventBridge ignores a role on SNS targets`).toBeUndefined();
          // Topic policies for EventBridge take no Condition block (its guide), so no source to match here.
          expect(lets(topicPolicy(targetId), 'events.amazonaws.com', 'sns:Publish', ref(targetId)), `${ruleId} → ${targetId}`).toBe(true);
          expect(keyLets('events.amazonaws.com', { kind: 'sns', name: topicName(targetId) }), `key for ${ruleId} → ${targetId}`).toBe(true);
        } else if (type === 'AWS::SQS::Queue') {
          expect(target.RoleArn, `${ruleId}: EventBridge ignores a role on SQS targets`).toBeUndefined();
          expect(lets(queuePolicy(targetId), 'events.amazonaws.com', 'sqs:SendMessage', arnOf(targetId), arnOf(ruleId)), `${ruleId} → ${targetId}`).toBe(true);
          expect(keyLets('events.amazonaws.com', { kind: 'sqs', name: queueName(targetId) }), `key for ${ruleId} → ${targetId}`).toBe(true);
        } else {
          throw new Error(`${ruleId} targets a ${type ?? 'resource outside the stack'}: add its producer → consumer check here`);
        }
        const dlqId = idOf(target.DeadLetterConfig?.Arn);
        expect(dlqId, `${ruleId} → ${targetId} needs a DLQ`).toBeDefined();
        expect(lets(queuePolicy(dlqId!), 'events.amazonaws.com', 'sqs:SendMessage', arnOf(dlqId!), arnOf(ruleId)), `${ruleId} DLQ ${dlqId}`).toBe(true);
        expect(keyLets('events.amazonaws.com', { kind: 'sqs', name: queueName(dlqId!) }), `key for ${ruleId} DLQ ${dlqId}`).toBe(true);
        checked++;
      }
    }
    // Breach + warning → topic and chat queue; help desk → agent-events queue.
    expect(checked).toBe(5);
  });

  it('SNS topic → SQS subscription and its DLQ: the queue names the topic, the key lets SNS encrypt for the queue', () => {
    const subscriptions = ofType('AWS::SNS::Subscription').filter(([, s]) => s.Properties.Protocol === 'sqs');
    expect(subscriptions).toHaveLength(2);
    for (const [id, subscription] of subscriptions) {
      const topicId = idOf(subscription.Properties.TopicArn)!;
      const queues = [idOf(subscription.Properties.Endpoint)!, idOf(subscription.Properties.RedrivePolicy?.deadLetterTargetArn)!];
      expect(queues[1], `${id} needs a DLQ for undeliverable notifications`).toBeDefined();
      for (const queueId of queues) {
        expect(lets(queuePolicy(queueId), 'sns.amazonaws.com', 'sqs:SendMessage', arnOf(queueId), ref(topicId)), `${topicId} → ${queueId}`).toBe(true);
        const queue = { kind: 'sqs' as const, name: (resources[queueId]!.Properties.QueueName as string | undefined) ?? '(generated name)' };
        expect(keyLets('sns.amazonaws.com', queue, { kind: 'sns', name: topicName(topicId) }), `key for ${topicId} → ${queueId}`).toBe(true);
      }
    }
  });

  it('SES receipt rule → S3 and SNS: through a role SES may assume for these rules, holding the bucket, topic and key grants; the bucket denies only plain HTTP', () => {
    const rules = ofType('AWS::SES::ReceiptRule');
    expect(rules.length).toBeGreaterThan(0);
    for (const [ruleId, rule] of rules) {
      for (const action of rule.Properties.Rule.Actions as Json[]) {
        const s3 = action.S3Action;
        expect(s3, `${ruleId}: only S3 actions are expected`).toBeDefined();
        const roleId = idOf(s3.IamRoleArn)!;
        const trust = resources[roleId]!.Properties.AssumeRolePolicyDocument.Statement as Statement[];
        expect(trust.some((s) => asArray(s.Principal?.Service).includes('ses.amazonaws.com') && s.Condition?.StringEquals?.['aws:SourceAccount'])).toBe(true);
        const grants = rolePolicy(roleId);
        const bucketId = idOf(s3.BucketName)!;
        const allowed = (action: string) => grants.filter((s) => s.Effect === 'Allow' && asArray(s.Action).includes(action));
        expect(allowed('s3:PutObject').some((s) => JSON.stringify(s.Resource).includes(bucketId) && JSON.stringify(s.Resource).includes(s3.ObjectKeyPrefix))).toBe(true);
        expect(allowed('sns:Publish').some((s) => asArray(s.Resource).some((r) => same(r, s3.TopicArn)))).toBe(true);
        for (const kmsAction of ['kms:GenerateDataKey', 'kms:Decrypt', 'kms:Encrypt']) expect(allowed(kmsAction).some((s) => same(s.Resource, arnOf(keyId))), kmsAction).toBe(true);
        // The key policy lets the account's IAM policies decide (the role's grant then counts).
        expect(keyPolicy.some((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal).includes(':root') && asArray(s.Action).includes('kms:*'))).toBe(true);
        const bucketPolicy = ofType('AWS::S3::BucketPolicy').find(([, p]) => same(p.Properties.Bucket, ref(bucketId)))![1];
        expect(deniesOnlyInsecureTransport(bucketPolicy.Properties.PolicyDocument.Statement)).toBe(true);
      }
    }
  });

  it('SES configuration set → sending-events topic: the topic names the configuration set, the key lets SES encrypt for the topic', () => {
    const destinations = ofType('AWS::SES::ConfigurationSetEventDestination');
    expect(destinations).toHaveLength(1);
    for (const [, destination] of destinations) {
      const topicId = idOf(destination.Properties.EventDestination.SnsDestination.TopicARN)!;
      const policy = topicPolicy(topicId);
      const fromSes = policy.find((s) => s.Effect === 'Allow' && asArray(s.Principal?.Service).includes('ses.amazonaws.com'))!;
      expect(asArray(fromSes.Action)).toContain('sns:Publish');
      const configurationSet = resources[idOf(destination.Properties.ConfigurationSetName)!]!.Properties.Name as string;
      expect(JSON.stringify(fromSes.Condition)).toContain(`:configuration-set/${configurationSet}"`);
      expect(keyLets('ses.amazonaws.com', { kind: 'sns', name: topicName(topicId) })).toBe(true);
    }
  });

  it('a delivery a policy refuses is never silent: an alarm on the topic\'s failed notifications and on each rule\'s failed invocations, notifying the alert topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const alertTopic = ofType('AWS::SNS::Topic').find(([, topic]) => topic.Properties.TopicName.endsWith('-sla-alerts'))![0];
    const notifiesTopic = (alarm: Json) => asArray(alarm.AlarmActions).some((action) => same(action, ref(alertTopic)));
    for (const [, subscription] of ofType('AWS::SNS::Subscription').filter(([, s]) => s.Properties.Protocol === 'sqs')) {
      const topicId = idOf(subscription.Properties.TopicArn)!;
      const watching = alarms.filter((alarm) => alarm.MetricName === 'NumberOfNotificationsFailed' && alarm.Dimensions?.some((d: Json) => d.Name === 'TopicName' && same(d.Value, { 'Fn::GetAtt': [topicId, 'TopicName'] })));
      expect(watching.length, `${topicId} → SQS`).toBe(1);
      expect(notifiesTopic(watching[0]), topicId).toBe(true);
    }
    for (const [, rule] of ofType('AWS::Events::Rule')) {
      const watching = alarms.filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes('FailedInvocations') && JSON.stringify(alarm.Metrics).includes(`"Value":"${rule.Properties.Name}"`));
      expect(watching.length, rule.Properties.Name).toBe(1);
      expect(notifiesTopic(watching[0]), rule.Properties.Name).toBe(true);
    }
  });

  it('EventBridge Scheduler → sweeper and its DLQ: a role the scheduler may assume, allowed to invoke that function and write the encrypted DLQ', () => {
    for (const [id, schedule] of ofType('AWS::Scheduler::Schedule')) {
      const roleId = idOf(schedule.Properties.Target.RoleArn)!;
      const grants = rolePolicy(roleId);
      const allows = (action: string, resource: Json) => grants.some((s) => s.Effect === 'Allow' && asArray(s.Action).includes(action) && asArray(s.Resource).some((r) => same(r, resource)));
      expect(allows('lambda:InvokeFunction', schedule.Properties.Target.Arn), id).toBe(true);
      const dlq = schedule.Properties.Target.DeadLetterConfig.Arn;
      expect(allows('sqs:SendMessage', dlq), id).toBe(true);
      expect(allows('kms:GenerateDataKey', arnOf(keyId)), id).toBe(true);
    }
  });

  it('SQS → Lambda event sources: each function may receive and delete from its queue and decrypt with the key', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings.length).toBeGreaterThanOrEqual(6);
    for (const [id, mapping] of mappings) {
      expect(mapping.Properties.FunctionResponseTypes, `${id} reports partial batch failures`).toEqual(['ReportBatchItemFailures']);
      const functionId = idOf(mapping.Properties.FunctionName)!;
      const roleId = idOf(resources[functionId]!.Properties.Role)!;
      const grants = rolePolicy(roleId);
      const allows = (action: string, resource: Json) => grants.some((s) => s.Effect === 'Allow' && asArray(s.Action).includes(action) && asArray(s.Resource).some((r) => same(r, resource)));
      expect(allows('sqs:ReceiveMessage', mapping.Properties.EventSourceArn) && allows('sqs:DeleteMessage', mapping.Properties.EventSourceArn), id).toBe(true);
      expect(allows('kms:Decrypt', arnOf(keyId)), id).toBe(true);
    }
  });
});
