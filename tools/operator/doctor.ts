import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import * as dns from 'node:dns/promises';
import { CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { portsFromEnv } from '../../local/stack.js';
import { describeAwsError, OperatorError } from './target.js';
import { createStackContext, fail, pass, warn, type CheckResult, type MxResolver, type StackClients } from './doctor-checks.js';
import { runStackChecks } from './doctor-stack-checks.js';
import { localStackDoctorTarget, runLocalChecks, type LocalDoctorTarget } from './doctor-local.js';

/**
 * `replyline doctor`: preflight and health of a Replyline stack, one line per check
 * (PASS/FAIL/WARN/SKIP, what was found, and for FAIL/WARN the fix). With --stack it reads the
 * deployed stack's outputs (DescribeStacks) and asks SES, SNS, Secrets Manager, SQS, DynamoDB and
 * DNS; without, it checks the local stack of `npm start`. Read-only in both cases.
 */

export type { CheckResult, CheckStatus } from './doctor-checks.js';

interface DoctorTargetInfo {
  kind: 'local' | 'stack';
  label: string;
  stack?: string | undefined;
  region?: string | undefined;
}

interface DoctorReport {
  target: DoctorTargetInfo;
  checks: CheckResult[];
  ok: boolean;
}

export interface DoctorOptions {
  /** A deployed stack; absent = the local stack. */
  stack?: string | undefined;
  region?: string | undefined;
  now?: Date | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** The local variant's target instead of `npm start`'s (tests). */
  local?: LocalDoctorTarget | undefined;
  /** MX lookups (tests); node:dns otherwise. */
  resolver?: MxResolver | undefined;
}

export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const now = options.now ?? new Date();
  if (options.stack === undefined) {
    const target = options.local ?? localStackDoctorTarget(portsFromEnv(options.env ?? process.env), options.env ?? process.env);
    const checks = await runLocalChecks(target, now);
    return report({ kind: 'local', label: `local stack ${target.name} (${target.endpoints.dynamodb}, smtp ${target.smtp.host}:${target.smtp.port})` }, checks);
  }
  return runStackDoctor(options.stack, options.region, now, options.resolver ?? { resolveMx: (domain) => dns.resolveMx(domain) });
}

function report(target: DoctorTargetInfo, checks: CheckResult[]): DoctorReport {
  return { target, checks, ok: !checks.some((check) => check.status === 'FAIL') };
}

async function runStackDoctor(stack: string, region: string | undefined, now: Date, resolver: MxResolver): Promise<DoctorReport> {
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stack)) throw new OperatorError(`--stack needs a CloudFormation stack name (letters, digits, hyphens), got "${stack}"`);
  // Standard credential chain; region from --region, else AWS_REGION / the profile.
  const cloudFormation = new CloudFormationClient(region ? { region } : {});
  let found: Stack;
  let resolvedRegion: string;
  try {
    resolvedRegion = await cloudFormation.config.region();
    const result = await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }));
    const first = result.Stacks?.[0];
    if (!first) throw new OperatorError(`no stack named ${stack}`);
    found = first;
  } catch (error) {
    throw describeAwsError(error, { stack });
  } finally {
    cloudFormation.destroy();
  }
  const outputs = Object.fromEntries((found.Outputs ?? []).flatMap((output) => (output.OutputKey && output.OutputValue !== undefined ? [[output.OutputKey, output.OutputValue]] : [])));
  const common = { region: resolvedRegion };
  const dynamoClient = new DynamoDBClient(common);
  const clients: StackClients = {
    sesv2: new SESv2Client(common),
    ses: new SESClient(common),
    sns: new SNSClient(common),
    secrets: new SecretsManagerClient(common),
    sqs: new SQSClient(common),
    dynamo: DynamoDBDocumentClient.from(dynamoClient),
    cloudwatch: new CloudWatchClient(common),
    dns: resolver,
  };
  try {
    const ctx = createStackContext({ stack, region: resolvedRegion, outputs, clients, now });
    const checks = [judgeStackStatus(stack, found), ...(await runStackChecks(ctx))];
    return report({ kind: 'stack', label: `stack ${stack} (${resolvedRegion})`, stack, region: resolvedRegion }, checks);
  } finally {
    for (const client of [clients.sesv2, clients.ses, clients.sns, clients.secrets, clients.sqs, clients.cloudwatch, dynamoClient]) client.destroy();
  }
}

/** The CloudFormation state: a half-deployed or rolled-back stack explains most other FAILs. */
export function judgeStackStatus(stack: string, found: Partial<Pick<Stack, 'StackStatus' | 'LastUpdatedTime' | 'CreationTime'>>): CheckResult {
  const status = found.StackStatus ?? 'UNKNOWN';
  const when = (found.LastUpdatedTime ?? found.CreationTime)?.toISOString().slice(0, 16).replace('T', ' ');
  const events = `aws cloudformation describe-stack-events --stack-name ${stack} --max-items 30`;
  if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE' || status === 'IMPORT_COMPLETE') return pass('stack', 'stack', `${status}${when ? ` (${when} UTC)` : ''}`);
  if (status.endsWith('_IN_PROGRESS')) return warn('stack', 'stack', `${status}: checks may see a half-updated stack`, 'wait for the deploy to finish, then run doctor again');
  if (status === 'UPDATE_ROLLBACK_COMPLETE' || status === 'IMPORT_ROLLBACK_COMPLETE') {
    return warn('stack', 'stack', `${status}: the last deploy failed and was rolled back; the previous version runs`, `find the first failed resource (${events}), fix it, then npx cdk deploy`);
  }
  if (status === 'ROLLBACK_COMPLETE') return fail('stack', 'stack', `${status}: the first deploy failed; nothing runs`, `find the first failed resource (${events}), then npx cdk destroy and npx cdk deploy`);
  return fail('stack', 'stack', `${status}`, `find the first failed resource (${events}), fix it, then npx cdk deploy`);
}

// ---- Output -------------------------------------------------------------------------------------

const NAME_WIDTH_MAX = 44;

/** One line per check: status, name, what was found and, for FAIL/WARN, `→ fix: …`. Then the totals. */
export function formatReport(report: DoctorReport): string {
  const width = Math.min(NAME_WIDTH_MAX, Math.max(...report.checks.map((check) => check.name.length), 4));
  const lines = [`replyline doctor: ${report.target.label}`, ''];
  for (const check of report.checks) {
    const fix = check.fix && (check.status === 'FAIL' || check.status === 'WARN') ? `  → fix: ${check.fix}` : '';
    lines.push(`${check.status.padEnd(4)}  ${check.name.padEnd(width)}  ${check.summary}${fix}`);
  }
  const count = (status: CheckResult['status']) => report.checks.filter((check) => check.status === status).length;
  const failed = count('FAIL');
  const warned = count('WARN');
  lines.push('', `${failed} failed, ${warned} warning${warned === 1 ? '' : 's'}, ${count('PASS')} passed, ${count('SKIP')} skipped`);
  return lines.join('\n');
}

/** The `--json` shape: `{ target, checks: [{ id, status, summary, fix? }], ok }`. */
export function reportJson(report: DoctorReport): string {
  return JSON.stringify(
    {
      target: report.target,
      checks: report.checks.map((check) => ({ id: check.id, status: check.status, summary: check.summary, ...(check.fix ? { fix: check.fix } : {}) })),
      ok: report.ok,
    },
    null,
    2,
  );
}
