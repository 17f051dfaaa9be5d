import { paginateListSubscriptionsByTopic, type Subscription } from '@aws-sdk/client-sns';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand, ListDeadLetterSourceQueuesCommand } from '@aws-sdk/client-sqs';
import { errorName, queueNameOf } from './target.js';
import { fail, guarded, judgeSweeper, listOutput, mailDomains, missingOutput, pass, REDEPLOY, warn, type CheckResult, type StackContext } from './doctor-checks.js';
import { checkConfigurationSet, checkIdentity, checkMailFrom, checkMx, checkReceiptRuleSet, checkSandbox } from './doctor-mail-checks.js';
import { checkAlarmActions, checkRuleDeliveries } from './doctor-delivery-checks.js';

/** The doctor's checks of a deployed stack's alerting and plumbing (alerts, secrets, DLQs, sweeper), and all checks in output order. */

// ---- 6: alert subscriptions ------------------------------------------------------------------------

export async function checkAlertSubscriptions(ctx: StackContext): Promise<CheckResult[]> {
  const topic = ctx.outputs.AlertTopicArn;
  if (!topic) return [missingOutput('alert-subscriptions', 'alert subscriptions', 'AlertTopicArn')];
  const subscriptions: Subscription[] = [];
  for await (const page of paginateListSubscriptionsByTopic({ client: ctx.clients.sns }, { TopicArn: topic })) subscriptions.push(...(page.Subscriptions ?? []));
  const subscribe = (endpoint: string, protocol = 'email') => `aws sns subscribe --topic-arn ${topic} --protocol ${protocol} --notification-endpoint ${endpoint}`;
  if (!subscriptions.length) {
    return [
      warn('alert-subscriptions', 'alert subscriptions', 'nobody is subscribed to the alert topic: SLA breaches and stuck-mail alarms reach no one by mail', `add alerts.emails to replyline.config.json and npx cdk deploy, or ${subscribe('oncall@your-domain')}`),
    ];
  }
  return subscriptions.map((subscription) => {
    const endpoint = subscription.Endpoint ?? '(no endpoint)';
    const protocol = subscription.Protocol ?? 'email';
    const id = `alert-subscription:${endpoint}`;
    const name = `alert subscription ${endpoint}`;
    if (subscription.SubscriptionArn === 'PendingConfirmation') {
      const confirm = protocol.startsWith('email') ? `${endpoint} clicks "Confirm subscription" in the mail "AWS Notification - Subscription Confirmation" (check spam), or resend it: ` : 'confirm it at the endpoint, or resend: ';
      return fail(id, name, `pending confirmation (${protocol}): alerts do not reach it`, `${confirm}${subscribe(endpoint, protocol)}`);
    }
    return pass(id, name, `confirmed (${protocol})`);
  });
}

// ---- 7: secrets --------------------------------------------------------------------------------------

interface SecretToCheck {
  /** For the id and the printed name, e.g. `thread-address-key`, a webhook secret's name. */
  label: string;
  secretId: string;
  /** How to create it when it is missing. */
  create: string;
}

/** The secrets the stack names in its outputs (a missing output is reported as its own check). */
export function secretsToCheck(ctx: StackContext): { secrets: SecretToCheck[]; missing: CheckResult[] } {
  const secrets: SecretToCheck[] = [];
  const missing: CheckResult[] = [];
  const threadKey = ctx.outputs.ThreadAddressKeySecretArn;
  if (threadKey) {
    const kms = ctx.outputs.DataKeyArn ? ` --kms-key-id ${ctx.outputs.DataKeyArn}` : '';
    secrets.push({
      label: 'thread-address-key',
      secretId: threadKey,
      create: `create one (aws secretsmanager create-secret --name ${ctx.stack}-thread-address-key --secret-string "$(openssl rand -base64 36)"${kms}), set threadAddressKey.secretArn in the config and npx cdk deploy (thread addresses sent before no longer verify)`,
    });
  } else missing.push(missingOutput('secret:thread-address-key', 'secret thread-address-key', 'ThreadAddressKeySecretArn'));
  const webhooks = ctx.outputs.WebhookSecretNames;
  if (webhooks === undefined) missing.push(missingOutput('secret:webhooks', 'webhook secrets', 'WebhookSecretNames'));
  for (const name of listOutput(webhooks)) {
    secrets.push({ label: name, secretId: name, create: `aws secretsmanager create-secret --name ${name} --secret-string "$(openssl rand -hex 32)" --region ${ctx.region}, and give the key to the team's webhook receiver` });
  }
  const chat = ctx.outputs.ChatWebhookSecretName;
  if (chat) secrets.push({ label: chat, secretId: chat, create: `aws secretsmanager create-secret --name ${chat} --secret-string '<incoming-webhook URL of the chat channel>' --region ${ctx.region}` });
  return { secrets, missing };
}

export async function checkSecret(ctx: StackContext, secret: SecretToCheck): Promise<CheckResult> {
  const id = `secret:${secret.label}`;
  const name = `secret ${secret.label}`;
  let described;
  try {
    described = await ctx.clients.secrets.send(new DescribeSecretCommand({ SecretId: secret.secretId }));
  } catch (error) {
    if (errorName(error) !== 'ResourceNotFoundException') throw error;
    return fail(id, name, 'does not exist', secret.create);
  }
  if (described.DeletedDate) {
    return fail(id, name, `scheduled for deletion (since ${described.DeletedDate.toISOString().slice(0, 10)}): reading it fails`, `aws secretsmanager restore-secret --secret-id ${secret.secretId} --region ${ctx.region}`);
  }
  const current = Object.values(described.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT'));
  if (!current) return fail(id, name, 'has no AWSCURRENT version: reading it fails', `aws secretsmanager put-secret-value --secret-id ${secret.secretId} --secret-string '<value>' --region ${ctx.region}`);
  return pass(id, name, 'present, with a current value');
}

// ---- 8: dead-letter queues --------------------------------------------------------------------------

/** The DLQs from the `DeadLetterQueueUrls` output (label → URL). */
function deadLetterQueues(ctx: StackContext): { queues: [string, string][]; problem?: CheckResult } {
  const value = ctx.outputs.DeadLetterQueueUrls;
  const inbound = ctx.outputs.InboundDeadLetterQueueUrl;
  // An older stack: still look at the inbound DLQ it does name.
  const fallback: [string, string][] = inbound ? [['inbound', inbound]] : [];
  if (value === undefined) return { queues: fallback, problem: missingOutput('dlq', 'dead-letter queues', 'DeadLetterQueueUrls') };
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { queues: Object.entries(parsed as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string') };
  } catch {
    return { queues: fallback, problem: fail('dlq', 'dead-letter queues', 'the output DeadLetterQueueUrls is not a JSON object of queue URLs', REDEPLOY) };
  }
}

/** Which `replyline redrive --queue` moves this DLQ's messages back, if any (see redrive.ts selectQueues). */
function redriveQueueOf(ctx: StackContext, label: string, url: string): string | undefined {
  if (label === 'inbound' || url === ctx.outputs.InboundDeadLetterQueueUrl) return 'inbound';
  const team = /^team (.+)$/.exec(label)?.[1] ?? label;
  const teams = Object.keys(ctx.outputs).filter((key) => key.startsWith('TeamQueueUrl')).map((key) => key.slice('TeamQueueUrl'.length));
  return teams.includes(team.replace(/[^A-Za-z0-9]/g, '')) ? team : undefined;
}

export async function checkDeadLetterQueue(ctx: StackContext, label: string, url: string): Promise<CheckResult> {
  const id = `dlq:${label.replace(/\s+/g, '-')}`;
  const name = `DLQ ${label}`;
  let attributes: Record<string, string>;
  try {
    attributes =
      (await ctx.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'QueueArn'] }))).Attributes ?? {};
  } catch (error) {
    if (!/QueueDoesNotExist|NonExistentQueue/.test(errorName(error) ?? '')) throw error;
    return fail(id, name, `${queueNameOf(url)} does not exist`, REDEPLOY);
  }
  const waiting = Number(attributes.ApproximateNumberOfMessages ?? 0);
  const inFlight = Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
  if (waiting === 0 && inFlight === 0) return pass(id, name, `${queueNameOf(url)} is empty`);
  const count = `${waiting} message${waiting === 1 ? '' : 's'}${inFlight ? ` (+${inFlight} being read)` : ''} in ${queueNameOf(url)}`;
  if (waiting === 0) return warn(id, name, `${count}: someone is reading or redriving them now`, 'run doctor again in two minutes; if they stay, they were not moved');
  const failed = `${count}: ${waiting === 1 ? 'it' : 'they'} failed every retry`;
  const redrive = redriveQueueOf(ctx, label, url);
  const where = redrive === 'inbound' ? 'the ingest log' : `the deliver log of team ${redrive} (or the message's reason attribute)`;
  if (redrive) return fail(id, name, failed, `find the reason in ${where}, fix it, then npx replyline redrive --queue ${redrive} --stack ${ctx.stack}`);
  const sources = await ctx.clients.sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: url })).then(
    (result) => result.queueUrls ?? [],
    () => [],
  );
  const inspect = `aws sqs receive-message --queue-url ${url} --attribute-names All --message-attribute-names All`;
  const after = sources.length && attributes.QueueArn ? `aws sqs start-message-move-task --source-arn ${attributes.QueueArn}` : `aws sqs purge-queue --queue-url ${url}`;
  return fail(id, name, failed, `read them (${inspect}), fix the cause, then ${after}`);
}

// ---- 9: the SLA sweeper's heartbeat ----------------------------------------------------------------

function sweeperFix(ctx: StackContext): string {
  const fn = ctx.outputs.SweeperFunctionName ?? 'the sla-sweep function';
  return `check the schedule …EveryMinute is ENABLED (aws scheduler list-schedules --region ${ctx.region} --query "Schedules[?contains(Name,'EveryMinute')].[Name,State]"), then the replyline-sla-sweep log (Lambda console → ${fn} → Monitor → View CloudWatch logs)`;
}

export async function checkSweeper(ctx: StackContext): Promise<CheckResult> {
  const table = ctx.outputs.TableName;
  if (!table) return missingOutput('sla-sweeper', 'SLA sweeper', 'TableName');
  return judgeSweeper(ctx.clients.dynamo, table, ctx.now, sweeperFix(ctx));
}

// ---- All of them, in output order --------------------------------------------------------------------

export async function runStackChecks(ctx: StackContext): Promise<CheckResult[]> {
  const domains = mailDomains(ctx);
  const perDomain = (id: string, name: string, permission: string, check: (domain: string) => Promise<CheckResult>) =>
    domains === undefined
      ? [Promise.resolve([missingOutput(id, name, 'MailDomains')])]
      : domains.map((domain) => guarded(`${id}:${domain}`, `${name} ${domain}`, permission, () => check(domain)));
  const { secrets, missing } = secretsToCheck(ctx);
  const dlqs = deadLetterQueues(ctx);
  const groups: Promise<CheckResult[]>[] = [
    ...perDomain('ses-identity', 'SES identity', 'ses:GetEmailIdentity', (domain) => checkIdentity(ctx, domain)),
    ...perDomain('mail-from', 'MAIL FROM', 'ses:GetEmailIdentity', (domain) => checkMailFrom(ctx, domain)),
    guarded('ses-sandbox', 'SES sending account', 'ses:GetAccount', () => checkSandbox(ctx)),
    guarded('configuration-set', 'SES configuration set', 'ses:GetConfigurationSet', () => checkConfigurationSet(ctx)),
    guarded('receipt-rule-set', 'SES receipt rule set', 'ses:DescribeActiveReceiptRuleSet', () => checkReceiptRuleSet(ctx)),
    ...perDomain('mx', 'MX', 'DNS lookups', (domain) => checkMx(ctx, domain)),
    guarded('alert-subscriptions', 'alert subscriptions', 'sns:ListSubscriptionsByTopic', () => checkAlertSubscriptions(ctx)),
    guarded('rule-deliveries', 'event deliveries', 'cloudwatch:GetMetricStatistics', () => checkRuleDeliveries(ctx)),
    guarded('alarm-actions', 'alarm notifications', 'cloudwatch:DescribeAlarmHistory', () => checkAlarmActions(ctx)),
    Promise.resolve(missing),
    ...secrets.map((secret) => guarded(`secret:${secret.label}`, `secret ${secret.label}`, 'secretsmanager:DescribeSecret', () => checkSecret(ctx, secret))),
    Promise.resolve(dlqs.problem ? [dlqs.problem] : []),
    ...dlqs.queues.map(([label, url]) => guarded(`dlq:${label.replace(/\s+/g, '-')}`, `DLQ ${label}`, 'sqs:GetQueueAttributes', () => checkDeadLetterQueue(ctx, label, url))),
    guarded('sla-sweeper', 'SLA sweeper', 'dynamodb:GetItem', () => checkSweeper(ctx)),
  ];
  return (await Promise.all(groups)).flat();
}
