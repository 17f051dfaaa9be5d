import { GetEmailIdentityCommand, type GetEmailIdentityCommandOutput, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readSweeperStatus } from '../../lambdas/adapters/dynamo-sweeper-status.js';
import { errorName } from './target.js';

/**
 * What every check of `replyline doctor` shares: the result type, the context of a deployed
 * stack (its outputs and SDK clients), and the guard that turns an AWS error into a FAIL naming the
 * permission or the problem, never an exception. The checks themselves: doctor-mail-checks.ts
 * (SES, DNS), doctor-stack-checks.ts (alerts, secrets, DLQs, sweeper), doctor-local.ts (the local
 * variant); the command and its output: doctor.ts.
 */

export type CheckStatus = 'PASS' | 'FAIL' | 'WARN' | 'SKIP';

export interface CheckResult {
  /** Stable, for --json: `ses-identity:example.com`, `sla-sweeper`, … */
  id: string;
  /** For the printed line. */
  name: string;
  status: CheckStatus;
  /** What was found. */
  summary: string;
  /** FAIL and WARN: one concrete step (a command or a console step). */
  fix?: string | undefined;
}

export const pass = (id: string, name: string, summary: string): CheckResult => ({ id, name, status: 'PASS', summary });
export const skip = (id: string, name: string, summary: string): CheckResult => ({ id, name, status: 'SKIP', summary });
export const fail = (id: string, name: string, summary: string, fix: string): CheckResult => ({ id, name, status: 'FAIL', summary, fix });
export const warn = (id: string, name: string, summary: string, fix: string): CheckResult => ({ id, name, status: 'WARN', summary, fix });

/** The heartbeat is older than this: the sweeper (every minute) missed several runs. */
const SWEEPER_MAX_AGE_MS = 5 * 60_000;

/** Resolves MX records (node:dns/promises in the command, a stub in tests). */
export interface MxResolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
}

export interface StackClients {
  sesv2: SESv2Client;
  ses: SESClient;
  sns: SNSClient;
  secrets: SecretsManagerClient;
  sqs: SQSClient;
  dynamo: DynamoDBDocumentClient;
  cloudwatch: CloudWatchClient;
  dns: MxResolver;
}

export interface StackContext {
  stack: string;
  region: string;
  /** The stack's outputs by key. */
  outputs: Record<string, string>;
  clients: StackClients;
  now: Date;
  /** GetEmailIdentity, once per domain per run (the identity and MAIL FROM checks share it). */
  identity(domain: string): Promise<GetEmailIdentityCommandOutput | undefined>;
}

export function createStackContext(options: Omit<StackContext, 'identity'>): StackContext {
  const identities = new Map<string, Promise<GetEmailIdentityCommandOutput | undefined>>();
  return {
    ...options,
    identity: (domain) => {
      let found = identities.get(domain);
      if (!found) {
        found = options.clients.sesv2.send(new GetEmailIdentityCommand({ EmailIdentity: domain })).catch((error: unknown) => {
          if (errorName(error) === 'NotFoundException') return undefined;
          throw error;
        });
        identities.set(domain, found);
      }
      return found;
    },
  };
}

export const REDEPLOY = 'redeploy: npx cdk deploy';

/** An output this check needs is missing: the stack was deployed by an older version. */
export function missingOutput(id: string, name: string, key: string): CheckResult {
  return fail(id, name, `the stack has no output ${key} (deployed by an older Replyline)`, REDEPLOY);
}

/** Runs one check; an error (denied, throttled, unreachable) becomes a FAIL that says what to do. */
export async function guarded(id: string, name: string, permission: string, run: () => Promise<CheckResult | CheckResult[]>): Promise<CheckResult[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    const kind = errorName(error) ?? 'Error';
    const message = String((error as Error | undefined)?.message ?? error).replace(/\s+/g, ' ').slice(0, 200);
    const denied = /AccessDenied|Unauthorized|AuthorizationError|not authorized/i.test(`${kind} ${message}`);
    return [
      fail(id, name, `could not check: ${kind}: ${message}`, denied ? `allow ${permission} for your AWS credentials (doctor only reads), then run it again` : 'run doctor again; if it persists, check --region and your network'),
    ];
  }
}

/** Comma-separated output values; `-` or empty is none. */
export function listOutput(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '-') return [];
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

export function mailDomains(ctx: StackContext): string[] | undefined {
  const value = ctx.outputs.MailDomains;
  return value === undefined ? undefined : listOutput(value).map((domain) => domain.toLowerCase());
}

// ---- The SLA sweeper's heartbeat (stack and local) ------------------------------------------------

/** Shared by the stack and the local variant: judges the heartbeat item of `table`. */
export async function judgeSweeper(db: DynamoDBDocumentClient, table: string, now: Date, fix: string): Promise<CheckResult> {
  const id = 'sla-sweeper';
  const name = 'SLA sweeper';
  const status = await readSweeperStatus(db, table);
  if (!status) return fail(id, name, 'no heartbeat: no sweep has finished in the last 7 days (or since this version was deployed)', fix);
  const ageMs = now.getTime() - status.recordedAt.getTime();
  const ago = describeAge(ageMs);
  const counts = `found ${status.found}, emitted ${status.emitted}, ${status.durationMs} ms`;
  if (ageMs > SWEEPER_MAX_AGE_MS) return fail(id, name, `last run ${ago} (${status.recordedAt.toISOString()}): SLA warnings and breaches are not being raised`, fix);
  if (status.failures > 0) return warn(id, name, `last run ${ago}, ${status.failures} entr${status.failures === 1 ? 'y' : 'ies'} failed (retried by the next sweep); ${counts}`, fix);
  return pass(id, name, `last run ${ago}: ${counts}`);
}

function describeAge(ms: number): string {
  if (ms < 0) return 'just now';
  if (ms < 90_000) return `${Math.round(ms / 1000)} s ago`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 48 * 3600_000) return `${Math.round(ms / 3600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} days ago`;
}
