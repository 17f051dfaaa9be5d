import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetAccountCommand, GetConfigurationSetCommand, GetEmailIdentityCommand, SESv2Client, type GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import { DescribeActiveReceiptRuleSetCommand, SESClient } from '@aws-sdk/client-ses';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand, ListDeadLetterSourceQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CloudWatchClient, DescribeAlarmHistoryCommand, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { checkAlarmActions, checkRuleDeliveries } from '../../tools/operator/doctor-delivery-checks.js';
import { createStackContext, type MxResolver, type StackContext } from '../../tools/operator/doctor-checks.js';
import { checkConfigurationSet, checkIdentity, checkMailFrom, checkMx, checkReceiptRuleSet, checkSandbox } from '../../tools/operator/doctor-mail-checks.js';
import { checkAlertSubscriptions, checkDeadLetterQueue, checkSecret, checkSweeper, runStackChecks, secretsToCheck } from '../../tools/operator/doctor-stack-checks.js';
import { formatReport, judgeStackStatus, reportJson } from '../../tools/operator/doctor.js';
import { doctorCommand, type OperatorIo } from '../../tools/operator/cli.js';
import { keys } from '../../lambdas/adapters/table-layout.js';

const sesv2 = mockClient(SESv2Client);
const ses = mockClient(SESClient);
const sns = mockClient(SNSClient);
const secrets = mockClient(SecretsManagerClient);
const sqs = mockClient(SQSClient);
const dynamo = mockClient(DynamoDBDocumentClient);
const cloudFormation = mockClient(CloudFormationClient);
const cloudwatch = mockClient(CloudWatchClient);

const REGION = 'eu-west-1';
const NOW = new Date('2026-11-24T10:00:00Z');
const TOPIC = `arn:aws:sns:${REGION}:111122223333:Replyline-sla-alerts`;
const THREAD_KEY = `arn:aws:secretsmanager:${REGION}:111122223333:secret:ReplylineThreadAddressKey-AbCdEf`;
const queueUrl = (name: string) => `https://sqs.${REGION}.amazonaws.com/111122223333/${name}`;
const TOKENS = ['tok1abc', 'tok2def', 'tok3ghi'];

/** Every output the stack has, today's and the ones doctor reads. */
function stackOutputs(): Record<string, string> {
  return {
    ReceiptRuleSetName: 'Replyline-inbound',
    RuleSetActivation: 'managed',
    TableName: 'Replyline-Threads-1A2B',
    RawMailBucketName: 'replyline-rawmail-1a2b',
    InboundQueueUrl: queueUrl('Replyline-inbound'),
    InboundDeadLetterQueueUrl: queueUrl('Replyline-inbound-dlq'),
    TeamQueueUrlsupport: queueUrl('Replyline-team-support'),
    ConfigurationSetName: 'Replyline-sending',
    MailDomains: 'example.com,mail.example.com',
    AlertTopicArn: TOPIC,
    ThreadAddressKeySecretArn: THREAD_KEY,
    WebhookSecretNames: 'replyline/webhook-billing',
    ChatWebhookSecretName: 'replyline/chat-webhook',
    DeadLetterQueueUrls: JSON.stringify({ inbound: queueUrl('Replyline-inbound-dlq'), 'team support': queueUrl('Replyline-team-support-dlq'), 'ses feedback': queueUrl('Replyline-feedback-dlq') }),
    SweeperFunctionName: 'Replyline-SlaSweep-XyZ',
    EventBusName: 'replyline',
    EventRuleNames: 'Replyline-sla-breached,Replyline-agent-replied',
  };
}

/** MX answers by domain; a missing domain has no MX record. */
function resolver(records: Record<string, { exchange: string; priority: number }[]>): MxResolver {
  return {
    resolveMx: async (domain) => {
      const found = records[domain];
      if (!found) throw Object.assign(new Error(`queryMx ENODATA ${domain}`), { code: 'ENODATA' });
      return found;
    },
  };
}

const SES_MX = [{ exchange: `inbound-smtp.${REGION}.amazonaws.com`, priority: 10 }];

function context(outputs: Record<string, string> = stackOutputs(), dns: MxResolver = resolver({ 'example.com': SES_MX, 'mail.example.com': SES_MX })): StackContext {
  return createStackContext({
    stack: 'Replyline',
    region: REGION,
    outputs,
    now: NOW,
    clients: {
      sesv2: new SESv2Client({ region: REGION }),
      ses: new SESClient({ region: REGION }),
      sns: new SNSClient({ region: REGION }),
      secrets: new SecretsManagerClient({ region: REGION }),
      sqs: new SQSClient({ region: REGION }),
      dynamo: DynamoDBDocumentClient.from(new DynamoDBClient({ region: REGION })),
      cloudwatch: new CloudWatchClient({ region: REGION }),
      dns,
    },
  });
}

const healthyIdentity = (): Partial<GetEmailIdentityCommandOutput> => ({
  IdentityType: 'DOMAIN',
  VerifiedForSendingStatus: true,
  DkimAttributes: { SigningEnabled: true, Status: 'SUCCESS', Tokens: TOKENS, SigningAttributesOrigin: 'AWS_SES' },
  MailFromAttributes: { MailFromDomain: 'bounce.example.com', MailFromDomainStatus: 'SUCCESS', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
});

const notFound = (name: string, message = 'not found') => Object.assign(new Error(message), { name, $metadata: {} });

/** Every AWS answer a healthy stack gives. */
function healthyStack(): void {
  sesv2.on(GetEmailIdentityCommand).resolves(healthyIdentity());
  sesv2.on(GetAccountCommand).resolves({ ProductionAccessEnabled: true, SendingEnabled: true, EnforcementStatus: 'HEALTHY', SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 120 } });
  sesv2.on(GetConfigurationSetCommand).resolves({ ConfigurationSetName: 'Replyline-sending', SendingOptions: { SendingEnabled: true } });
  ses.on(DescribeActiveReceiptRuleSetCommand).resolves({ Metadata: { Name: 'Replyline-inbound' }, Rules: [{ Name: 'Replyline-inbound-1', Enabled: true }] });
  sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [{ SubscriptionArn: `${TOPIC}:1234`, Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: TOPIC }] });
  secrets.on(DescribeSecretCommand).resolves({ Name: 'x', VersionIdsToStages: { v1: ['AWSCURRENT'] } });
  sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0', QueueArn: `arn:aws:sqs:${REGION}:111122223333:q` } });
  dynamo.on(GetCommand, { Key: keys.sweeperStatus }).resolves({ Item: heartbeatItem(new Date(NOW.getTime() - 40_000)) });
  cloudwatch.on(GetMetricStatisticsCommand).resolves({ Datapoints: [] });
  cloudwatch.on(DescribeAlarmHistoryCommand).resolves({ AlarmHistoryItems: [{ AlarmName: 'Replyline-InboundMailInboundDlqNotEmpty-1', HistoryItemType: 'Action', HistorySummary: 'Successfully executed action arn:aws:sns:…' }] });
}

function heartbeatItem(recordedAt: Date, overrides: Record<string, unknown> = {}) {
  return {
    ...keys.sweeperStatus,
    kind: 'sweeper-status',
    lastRunAt: recordedAt.toISOString(),
    startedAt: new Date(recordedAt.getTime() - 1200).toISOString(),
    durationMs: 1200,
    found: 3,
    emitted: 1,
    failures: 0,
    deferred: 0,
    recordedAt: recordedAt.toISOString(),
    expiresAt: Math.floor(recordedAt.getTime() / 1000) + 7 * 86_400,
    ...overrides,
  };
}

beforeEach(() => {
  for (const mock of [sesv2, ses, sns, secrets, sqs, dynamo, cloudFormation, cloudwatch]) mock.reset();
});

describe('deliveries on the real account: EventBridge rules and alarm notifications', () => {
  it('passes when no rule counted a failed delivery in the last day, asking per rule on our bus', async () => {
    cloudwatch.on(GetMetricStatisticsCommand).resolves({ Datapoints: [{ Sum: 0 }] });
    const results = await checkRuleDeliveries(context());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['rule-deliveries:Replyline-sla-breached', 'PASS'],
      ['rule-deliveries:Replyline-agent-replied', 'PASS'],
    ]);
    const asked = cloudwatch.commandCalls(GetMetricStatisticsCommand).map((call) => call.args[0].input);
    expect(asked[0]).toMatchObject({ Namespace: 'AWS/Events', MetricName: 'FailedInvocations', Dimensions: [{ Name: 'EventBusName', Value: 'replyline' }, { Name: 'RuleName', Value: 'Replyline-sla-breached' }] });
  });

  it('fails a rule whose target refused EventBridge, saying where the events are and what to do', async () => {
    cloudwatch.on(GetMetricStatisticsCommand).resolves({ Datapoints: [{ Sum: 2 }, { Sum: 1 }] });
    const [breached] = await checkRuleDeliveries(context());
    expect(breached).toMatchObject({ status: 'FAIL', summary: expect.stringContaining('3 failed deliveries') });
    expect(breached!.fix).toContain('start-message-move-task');
  });

  it('fails when CloudWatch could not notify the alert topic for an alarm', async () => {
    cloudwatch.on(DescribeAlarmHistoryCommand).resolves({
      AlarmHistoryItems: [{ AlarmName: 'Replyline-SlaMonitorSweeperFailing-9', HistoryItemType: 'Action', HistorySummary: 'Failed to execute action arn:aws:sns:eu-west-1:111122223333:Replyline-sla-alerts. Received error: "CloudWatch Alarms does not have authorization to access the SNS topic encryption key."' }],
    });
    expect(await checkAlarmActions(context())).toMatchObject({ id: 'alarm-actions', status: 'FAIL', summary: expect.stringContaining('Replyline-SlaMonitorSweeperFailing-9') });
    expect(cloudwatch.commandCalls(DescribeAlarmHistoryCommand)[0]!.args[0].input).toMatchObject({ HistoryItemType: 'Action' });
    // Another stack's alarm in the same account is not ours to report.
    cloudwatch.on(DescribeAlarmHistoryCommand).resolves({ AlarmHistoryItems: [{ AlarmName: 'Billing-Alarm', HistorySummary: 'Failed to execute action …' }] });
    expect(await checkAlarmActions(context())).toMatchObject({ status: 'PASS' });
  });

  it('reports an older stack without the rule list as needing a redeploy', async () => {
    const { EventRuleNames: _gone, ...older } = stackOutputs();
    expect(await checkRuleDeliveries(context(older))).toEqual([expect.objectContaining({ status: 'FAIL', fix: 'redeploy: npx cdk deploy' })]);
  });
});

describe('1. SES domain identity and DKIM', () => {
  it('passes when verified for sending with DKIM signing on and SUCCESS', async () => {
    sesv2.on(GetEmailIdentityCommand).resolves(healthyIdentity());
    expect(await checkIdentity(context(), 'example.com')).toMatchObject({ id: 'ses-identity:example.com', status: 'PASS' });
  });

  it('fails on pending DKIM and shows the three CNAMEs to publish', async () => {
    sesv2.on(GetEmailIdentityCommand).resolves({ ...healthyIdentity(), VerifiedForSendingStatus: false, DkimAttributes: { SigningEnabled: true, Status: 'PENDING', Tokens: TOKENS, SigningAttributesOrigin: 'AWS_SES' } });
    const result = await checkIdentity(context(), 'example.com');
    expect(result).toMatchObject({ status: 'FAIL', summary: 'not verified for sending; DKIM PENDING' });
    for (const token of TOKENS) expect(result.fix).toContain(`${token}._domainkey.example.com CNAME ${token}.dkim.amazonses.com`);
  });

  it('fails when the domain is no SES identity in the region', async () => {
    sesv2.on(GetEmailIdentityCommand).rejects(notFound('NotFoundException'));
    const result = await checkIdentity(context(), 'example.com');
    expect(result.status).toBe('FAIL');
    expect(result.fix).toContain('aws sesv2 create-email-identity --email-identity example.com --region eu-west-1');
  });
});

describe('2. custom MAIL FROM', () => {
  it('passes when configured and SUCCESS', async () => {
    sesv2.on(GetEmailIdentityCommand).resolves(healthyIdentity());
    expect(await checkMailFrom(context(), 'example.com')).toMatchObject({ status: 'PASS', summary: 'bounce.example.com (SUCCESS)' });
  });

  it('warns when absent, explaining SPF alignment for DMARC', async () => {
    sesv2.on(GetEmailIdentityCommand).resolves({ ...healthyIdentity(), MailFromAttributes: undefined });
    const result = await checkMailFrom(context(), 'example.com');
    expect(result.status).toBe('WARN');
    expect(result.summary).toMatch(/SPF passes for amazonses\.com, not example\.com.*DMARC/);
    expect(result.fix).toContain('--mail-from-domain bounce.example.com');
  });

  it('fails when configured but not verified, with the records to publish', async () => {
    sesv2.on(GetEmailIdentityCommand).resolves({ ...healthyIdentity(), MailFromAttributes: { MailFromDomain: 'bounce.example.com', MailFromDomainStatus: 'PENDING', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' } });
    const result = await checkMailFrom(context(), 'example.com');
    expect(result).toMatchObject({ status: 'FAIL' });
    expect(result.fix).toBe('publish bounce.example.com MX 10 feedback-smtp.eu-west-1.amazonses.com and bounce.example.com TXT "v=spf1 include:amazonses.com ~all"');
  });
});

describe('3. SES sandbox', () => {
  it('fails in the sandbox, says what it means and shows the quota', async () => {
    sesv2.on(GetAccountCommand).resolves({ ProductionAccessEnabled: false, SendingEnabled: true, SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 3 } });
    const result = await checkSandbox(context());
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('acknowledgements reach only verified addresses, so customers get nothing');
    expect(result.summary).toContain('quota 200/24 h (sent 3), 1/s');
    expect(result.fix).toContain('Request production access');
  });

  it('passes with production access and shows the quota', async () => {
    healthyStack();
    expect(await checkSandbox(context())).toMatchObject({ status: 'PASS', summary: 'production access; quota 50000/24 h (sent 120), 14/s' });
  });
});

describe('the configuration set', () => {
  it('passes when it exists with sending enabled, fails when it is gone', async () => {
    healthyStack();
    expect((await checkConfigurationSet(context())).status).toBe('PASS');
    sesv2.on(GetConfigurationSetCommand).rejects(notFound('NotFoundException'));
    expect(await checkConfigurationSet(context())).toMatchObject({ status: 'FAIL', fix: 'redeploy: npx cdk deploy' });
  });
});

describe('4. receipt rule set', () => {
  it('passes when ours is the active set', async () => {
    healthyStack();
    expect(await checkReceiptRuleSet(context())).toMatchObject({ status: 'PASS', summary: 'Replyline-inbound is active (1 rule enabled)' });
  });

  it('fails when no set is active, with the command that activates ours', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({});
    const result = await checkReceiptRuleSet(context());
    expect(result.status).toBe('FAIL');
    expect(result.fix).toBe('aws ses set-active-receipt-rule-set --rule-set-name Replyline-inbound --region eu-west-1');
  });

  it('fails when another set is active and, with left-alone, explains the one active set per region', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({ Metadata: { Name: 'corporate-mail' }, Rules: [{ Name: 'archive', Enabled: true, Actions: [{ S3Action: { BucketName: 'corp-archive' } }] }] });
    const result = await checkReceiptRuleSet(context({ ...stackOutputs(), RuleSetActivation: 'left-alone' }));
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('corporate-mail, not ours (Replyline-inbound)');
    expect(result.fix).toMatch(/^one region has one active rule set: add our rules to corporate-mail .* or switch deliberately: aws ses set-active-receipt-rule-set --rule-set-name Replyline-inbound/);
  });

  it('passes with left-alone when our rules were added to the active set', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({ Metadata: { Name: 'corporate-mail' }, Rules: [{ Name: 'replyline', Enabled: true, Actions: [{ S3Action: { BucketName: 'replyline-rawmail-1a2b' } }] }] });
    expect((await checkReceiptRuleSet(context({ ...stackOutputs(), RuleSetActivation: 'left-alone' }))).status).toBe('PASS');
  });
});

describe('5. MX records', () => {
  it('passes when every MX is SES receiving in the stack\'s region', async () => {
    expect(await checkMx(context(), 'example.com')).toMatchObject({ status: 'PASS', summary: '10 inbound-smtp.eu-west-1.amazonaws.com' });
  });

  it('fails without an MX record and shows the record to publish', async () => {
    const result = await checkMx(context(undefined, resolver({})), 'example.com');
    expect(result).toMatchObject({ status: 'FAIL', fix: 'publish the DNS record example.com MX 10 inbound-smtp.eu-west-1.amazonaws.com' });
  });

  it('fails when MX points elsewhere (another region counts as elsewhere)', async () => {
    const result = await checkMx(context(undefined, resolver({ 'example.com': [{ exchange: 'inbound-smtp.us-east-1.amazonaws.com.', priority: 10 }] })), 'example.com');
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('another region');
    expect(result.fix).toContain('10 inbound-smtp.eu-west-1.amazonaws.com');
  });

  it('warns when SES is mixed with other hosts', async () => {
    const result = await checkMx(context(undefined, resolver({ 'example.com': [...SES_MX, { exchange: 'aspmx.l.google.com', priority: 5 }] })), 'example.com');
    expect(result).toMatchObject({ status: 'WARN', summary: expect.stringContaining('5 aspmx.l.google.com, 10 inbound-smtp.eu-west-1.amazonaws.com') });
  });
});

describe('6. alert subscriptions', () => {
  it('passes for a confirmed subscription', async () => {
    healthyStack();
    expect(await checkAlertSubscriptions(context())).toEqual([expect.objectContaining({ id: 'alert-subscription:oncall@example.com', status: 'PASS' })]);
  });

  it('fails for each subscription pending confirmation, with how to confirm or resend', async () => {
    sns.on(ListSubscriptionsByTopicCommand).resolves({
      Subscriptions: [
        { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'oncall@example.com' },
        { SubscriptionArn: `${TOPIC}:1`, Protocol: 'email', Endpoint: 'lead@example.com' },
        { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'night@example.com' },
      ],
    });
    const results = await checkAlertSubscriptions(context());
    expect(results.map((result) => `${result.status} ${result.id}`)).toEqual(['FAIL alert-subscription:oncall@example.com', 'PASS alert-subscription:lead@example.com', 'FAIL alert-subscription:night@example.com']);
    expect(results[0]!.fix).toContain('clicks "Confirm subscription" in the mail "AWS Notification - Subscription Confirmation"');
    expect(results[0]!.fix).toContain(`aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint oncall@example.com`);
  });

  it('warns when nobody is subscribed', async () => {
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
    expect(await checkAlertSubscriptions(context())).toEqual([expect.objectContaining({ id: 'alert-subscriptions', status: 'WARN' })]);
  });
});

describe('7. secrets', () => {
  const threadKey = () => secretsToCheck(context()).secrets[0]!;

  it('lists the thread key, each webhook secret and the chat secret from the outputs', () => {
    expect(secretsToCheck(context()).secrets.map((secret) => secret.secretId)).toEqual([THREAD_KEY, 'replyline/webhook-billing', 'replyline/chat-webhook']);
    expect(secretsToCheck(context({ ...stackOutputs(), WebhookSecretNames: '-', ChatWebhookSecretName: undefined as unknown as string })).secrets).toHaveLength(1);
  });

  it('passes when present with a current version', async () => {
    healthyStack();
    expect(await checkSecret(context(), threadKey())).toMatchObject({ id: 'secret:thread-address-key', status: 'PASS' });
  });

  it('fails when missing, with the command that creates it', async () => {
    secrets.on(DescribeSecretCommand).rejects(notFound('ResourceNotFoundException'));
    const webhook = secretsToCheck(context()).secrets[1]!;
    const result = await checkSecret(context(), webhook);
    expect(result).toMatchObject({ id: 'secret:replyline/webhook-billing', status: 'FAIL', summary: 'does not exist' });
    expect(result.fix).toContain('aws secretsmanager create-secret --name replyline/webhook-billing --secret-string');
  });

  it('fails when scheduled for deletion, with restore-secret', async () => {
    secrets.on(DescribeSecretCommand).resolves({ DeletedDate: new Date('2026-11-20T00:00:00Z'), VersionIdsToStages: { v1: ['AWSCURRENT'] } });
    const result = await checkSecret(context(), threadKey());
    expect(result).toMatchObject({ status: 'FAIL', fix: `aws secretsmanager restore-secret --secret-id ${THREAD_KEY} --region eu-west-1` });
  });

  it('fails without an AWSCURRENT version', async () => {
    secrets.on(DescribeSecretCommand).resolves({ VersionIdsToStages: { v1: ['AWSPREVIOUS'] } });
    expect(await checkSecret(context(), threadKey())).toMatchObject({ status: 'FAIL', summary: 'has no AWSCURRENT version: reading it fails' });
  });
});

describe('8. dead-letter queues', () => {
  const depth = (waiting: number, inFlight = 0) =>
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: String(waiting), ApproximateNumberOfMessagesNotVisible: String(inFlight), QueueArn: `arn:aws:sqs:${REGION}:111122223333:dlq` } });

  it('passes when empty', async () => {
    depth(0);
    expect(await checkDeadLetterQueue(context(), 'inbound', queueUrl('Replyline-inbound-dlq'))).toMatchObject({ id: 'dlq:inbound', status: 'PASS' });
  });

  it('fails with messages, and names the redrive command for the inbound and team queues', async () => {
    depth(3, 1);
    const inbound = await checkDeadLetterQueue(context(), 'inbound', queueUrl('Replyline-inbound-dlq'));
    expect(inbound).toMatchObject({ status: 'FAIL', summary: expect.stringContaining('3 messages (+1 being read)') });
    expect(inbound.fix).toContain('npx replyline redrive --queue inbound --stack Replyline');
    const team = await checkDeadLetterQueue(context(), 'team support', queueUrl('Replyline-team-support-dlq'));
    expect(team).toMatchObject({ id: 'dlq:team-support', status: 'FAIL' });
    expect(team.fix).toContain('npx replyline redrive --queue support --stack Replyline');
  });

  it('for a DLQ redrive does not know, moves back to the source queues or purges', async () => {
    depth(2);
    sqs.on(ListDeadLetterSourceQueuesCommand).resolves({ queueUrls: [queueUrl('Replyline-feedback')] });
    expect((await checkDeadLetterQueue(context(), 'ses feedback', queueUrl('Replyline-feedback-dlq'))).fix).toContain('aws sqs start-message-move-task --source-arn');
    sqs.on(ListDeadLetterSourceQueuesCommand).resolves({ queueUrls: [] });
    expect((await checkDeadLetterQueue(context(), 'sla schedule', queueUrl('Replyline-schedule-dlq'))).fix).toContain('aws sqs purge-queue');
  });

  it('warns when the messages are only in flight', async () => {
    depth(0, 2);
    expect((await checkDeadLetterQueue(context(), 'inbound', queueUrl('Replyline-inbound-dlq'))).status).toBe('WARN');
  });
});

describe('9. the SLA sweeper heartbeat', () => {
  it('passes when the last run is recent', async () => {
    healthyStack();
    expect(await checkSweeper(context())).toMatchObject({ status: 'PASS', summary: 'last run 40 s ago: found 3, emitted 1, 1200 ms' });
  });

  it('fails without a heartbeat, naming the schedule and the log', async () => {
    dynamo.on(GetCommand).resolves({});
    const result = await checkSweeper(context());
    expect(result.status).toBe('FAIL');
    expect(result.fix).toContain('EveryMinute');
    expect(result.fix).toContain('replyline-sla-sweep log');
  });

  it('fails when the last run is older than five minutes', async () => {
    dynamo.on(GetCommand).resolves({ Item: heartbeatItem(new Date(NOW.getTime() - 6 * 60_000)) });
    expect(await checkSweeper(context())).toMatchObject({ status: 'FAIL', summary: expect.stringContaining('last run 6 min ago') });
  });

  it('judges staleness by the write time, not the sped-up clock of npm start --time-scale', async () => {
    dynamo.on(GetCommand).resolves({ Item: heartbeatItem(new Date(NOW.getTime() - 10 * 60_000), { lastRunAt: '2026-11-26T00:00:00.000Z' }) });
    expect((await checkSweeper(context())).status).toBe('FAIL');
  });

  it('warns when the last run had failed entries', async () => {
    dynamo.on(GetCommand).resolves({ Item: heartbeatItem(new Date(NOW.getTime() - 30_000), { failures: 2 }) });
    expect((await checkSweeper(context())).status).toBe('WARN');
  });
});

describe('an older stack and denied calls', () => {
  it('reports each check whose output is missing as FAIL with "redeploy: npx cdk deploy"', async () => {
    healthyStack();
    const today = Object.fromEntries(
      Object.entries(stackOutputs()).filter(([key]) => ['ReceiptRuleSetName', 'TableName', 'RawMailBucketName', 'InboundQueueUrl', 'InboundDeadLetterQueueUrl', 'TeamQueueUrlsupport'].includes(key)),
    );
    const results = await runStackChecks(context(today));
    const redeploy = results.filter((result) => result.fix === 'redeploy: npx cdk deploy').map((result) => result.id);
    expect(redeploy).toEqual(['ses-identity', 'mail-from', 'configuration-set', 'mx', 'alert-subscriptions', 'rule-deliveries', 'secret:thread-address-key', 'secret:webhooks', 'dlq']);
    // What the older outputs still allow is checked.
    expect(results.find((result) => result.id === 'dlq:inbound')?.status).toBe('PASS');
    expect(results.find((result) => result.id === 'sla-sweeper')?.status).toBe('PASS');
  });

  it('turns a denied call into a FAIL naming the permission', async () => {
    healthyStack();
    sesv2.on(GetAccountCommand).rejects(Object.assign(new Error('User is not authorized to perform ses:GetAccount'), { name: 'AccessDeniedException', $metadata: {} }));
    const results = await runStackChecks(context());
    expect(results.find((result) => result.id === 'ses-sandbox')).toMatchObject({ status: 'FAIL', fix: expect.stringContaining('allow ses:GetAccount') });
  });
});

describe('the stack state', () => {
  it.each([
    ['UPDATE_COMPLETE', 'PASS'],
    ['UPDATE_IN_PROGRESS', 'WARN'],
    ['UPDATE_ROLLBACK_COMPLETE', 'WARN'],
    ['ROLLBACK_COMPLETE', 'FAIL'],
    ['UPDATE_FAILED', 'FAIL'],
  ] as const)('%s is %s', (status, expected) => {
    expect(judgeStackStatus('Replyline', { StackStatus: status }).status).toBe(expected);
  });
});

describe('replyline doctor --stack', () => {
  const out: string[] = [];
  const err: string[] = [];
  let io: OperatorIo;
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
    io = {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      now: () => NOW,
      doctor: { resolver: resolver({ 'example.com': SES_MX, 'mail.example.com': SES_MX }) },
    };
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: 'Replyline', StackStatus: 'UPDATE_COMPLETE', CreationTime: NOW, Outputs: Object.entries(stackOutputs()).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
    });
  });
  afterEach(() => expect(err.join('')).toBe(''));

  it('prints one line per check and exits 0 when nothing fails', async () => {
    healthyStack();
    expect(await doctorCommand(['--stack', 'Replyline', '--region', REGION], io)).toBe(0);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('replyline doctor: stack Replyline (eu-west-1)');
    const checks = lines.slice(2, -2);
    expect(checks.every((line) => /^(PASS|FAIL|WARN|SKIP)  \S/.test(line))).toBe(true);
    expect(checks.find((line) => line.includes('SES identity example.com'))).toMatch(/^PASS  SES identity example\.com +verified for sending; DKIM signing on \(SUCCESS\)$/);
    expect(lines.at(-1)).toMatch(/^0 failed, 0 warnings, \d+ passed, 0 skipped$/);
  });

  it('--json: target, every check with id/status/summary (fix on FAIL and WARN), ok; exit 1 on a FAIL', async () => {
    healthyStack();
    sesv2.on(GetAccountCommand).resolves({ ProductionAccessEnabled: false, SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 } });
    expect(await doctorCommand(['--stack', 'Replyline', '--region', REGION, '--json'], io)).toBe(1);
    const parsed = JSON.parse(out.join('')) as { target: unknown; checks: { id: string; status: string; summary: string; fix?: string }[]; ok: boolean };
    expect(parsed.ok).toBe(false);
    expect(parsed.target).toEqual({ kind: 'stack', label: 'stack Replyline (eu-west-1)', stack: 'Replyline', region: REGION });
    expect(parsed.checks.map((check) => check.id)).toEqual([
      'stack',
      'ses-identity:example.com',
      'ses-identity:mail.example.com',
      'mail-from:example.com',
      'mail-from:mail.example.com',
      'ses-sandbox',
      'configuration-set',
      'receipt-rule-set',
      'mx:example.com',
      'mx:mail.example.com',
      'alert-subscription:oncall@example.com',
      'rule-deliveries:Replyline-sla-breached',
      'rule-deliveries:Replyline-agent-replied',
      'alarm-actions',
      'secret:thread-address-key',
      'secret:replyline/webhook-billing',
      'secret:replyline/chat-webhook',
      'dlq:inbound',
      'dlq:team-support',
      'dlq:ses-feedback',
      'sla-sweeper',
    ]);
    for (const check of parsed.checks) {
      expect(Object.keys(check).sort()).toEqual(check.status === 'FAIL' || check.status === 'WARN' ? ['fix', 'id', 'status', 'summary'] : ['id', 'status', 'summary']);
    }
    expect(parsed.checks.find((check) => check.id === 'ses-sandbox')).toMatchObject({ status: 'FAIL' });
  });

  it('a warning alone keeps exit 0', async () => {
    healthyStack();
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
    expect(await doctorCommand(['--stack', 'Replyline', '--region', REGION], io)).toBe(0);
    expect(out.join('')).toMatch(/\nWARN  alert subscriptions +nobody is subscribed.*→ fix: /);
  });
});

describe('replyline doctor: errors before any check', () => {
  it('an unknown stack is one line on stderr and exit 1', async () => {
    cloudFormation.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id Nope does not exist'), { name: 'ValidationError', $metadata: {} }));
    const err: string[] = [];
    const io: OperatorIo = { stdout: { write: () => undefined }, stderr: { write: (text: string) => err.push(text) } };
    expect(await doctorCommand(['--stack', 'Nope', '--region', REGION], io)).toBe(1);
    expect(err.join('')).toMatch(/^doctor: no stack named Nope in this account and region .*\n$/);
  });

  it('an unknown option names the usage', async () => {
    const err: string[] = [];
    const io: OperatorIo = { stdout: { write: () => undefined }, stderr: { write: (text: string) => err.push(text) } };
    expect(await doctorCommand(['--verbose'], io)).toBe(1);
    expect(err.join('')).toContain('usage: replyline doctor [--stack NAME] [--region REGION] [--json]');
  });
});

describe('the report', () => {
  it('aligns names and appends the fix to FAIL and WARN lines only', () => {
    const text = formatReport({
      target: { kind: 'local', label: 'local stack replyline' },
      ok: false,
      checks: [
        { id: 'a', name: 'short', status: 'PASS', summary: 'fine' },
        { id: 'b', name: 'a longer name', status: 'FAIL', summary: 'broken', fix: 'do this' },
        { id: 'c', name: 'skipped', status: 'SKIP', summary: 'not here' },
      ],
    });
    expect(text.split('\n')).toEqual(['replyline doctor: local stack replyline', '', 'PASS  short          fine', 'FAIL  a longer name  broken  → fix: do this', 'SKIP  skipped        not here', '', '1 failed, 0 warnings, 1 passed, 1 skipped']);
    expect(JSON.parse(reportJson({ target: { kind: 'local', label: 'x' }, ok: true, checks: [{ id: 'a', name: 'n', status: 'PASS', summary: 's' }] }))).toEqual({
      target: { kind: 'local', label: 'x' },
      checks: [{ id: 'a', status: 'PASS', summary: 's' }],
      ok: true,
    });
  });
});
