import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, paginateScan, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, GetQueueUrlCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.js';
import { LOCAL_INSTANCE_NAME, portsFromEnv, type LocalPorts } from '../../local/stack.js';
import { deadLetterQueueName, localResourceNames } from '../../local/resources.js';

/**
 * Where an operator command works: the deployed stack (`--stack NAME`, standard AWS
 * credential chain and region, names from the stack outputs) or the local stack of
 * `npm start` (emulator endpoints from REPLYLINE_<SERVICE>_PORT, names `replyline-*`).
 * Operator credentials, not the functions' roles: these tools may Scan and delete.
 */

/** A failure the operator can act on: printed as one line, without a stack trace. */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';
}

export interface QueueRef {
  /** `inbound` or the team id. */
  name: string;
  url: string;
  /** Known for local instances; on AWS found through the queue's RedrivePolicy (`deadLetterQueueOf`). */
  dlqUrl?: string | undefined;
}

export interface OperatorTarget {
  /** For output: "local stack (…)" or "stack Replyline (eu-west-1)". */
  label: string;
  kind: 'local' | 'stack';
  dynamo: DynamoDBDocumentClient;
  s3: S3Client;
  sqs: SQSClient;
  table: string;
  bucket: string;
  /** Put in replayed notifications (ingest does not read it). */
  topicArn: string;
  inbound: QueueRef;
  teams: Record<string, QueueRef>;
  close(): void;
}

export type Item = Record<string, unknown>;

/**
 * Every item a Query returns, page by page (the table's own name is filled in);
 * stops early once `enough` says so, e.g. a `--limit` or the first match.
 */
export async function queryItems(target: OperatorTarget, input: Omit<QueryCommandInput, 'TableName'>, enough: (items: Item[]) => boolean = () => false): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateQuery({ client: target.dynamo }, { TableName: target.table, ...input })) {
    items.push(...(page.Items ?? []));
    if (enough(items)) break;
  }
  return items;
}

/** Every item a Scan of the table returns, page by page. */
export async function scanItems(target: OperatorTarget, input: Omit<ScanCommandInput, 'TableName'>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateScan({ client: target.dynamo }, { TableName: target.table, ...input })) items.push(...(page.Items ?? []));
  return items;
}

/** What `startInstance`/`startTestInstance` return, as far as the operator tools need it. */
interface LocalInstanceLike {
  name?: string;
  env: Record<string, string>;
  resources: {
    bucket: string;
    table: string;
    topicArn: string;
    inbound: { url: string; dlqUrl: string };
    teams: Record<string, { url: string; dlqUrl: string }>;
  };
}

export interface StackOutput {
  OutputKey?: string | undefined;
  OutputValue?: string | undefined;
  Description?: string | undefined;
}

interface TargetOptions {
  /** Deployed stack name; absent = the local stack. */
  stack?: string | undefined;
  region?: string | undefined;
  /** An explicit local instance (tests). */
  instance?: LocalInstanceLike | undefined;
  env?: NodeJS.ProcessEnv;
  /** Replaces CloudFormation DescribeStacks (tests). */
  describeStack?: (stack: string, region: string | undefined) => Promise<StackOutput[]>;
}

export async function resolveTarget(options: TargetOptions = {}): Promise<OperatorTarget> {
  if (options.instance) return instanceTarget(options.instance);
  if (options.stack !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(options.stack)) throw new OperatorError(`--stack needs a CloudFormation stack name (letters, digits, hyphens), got "${options.stack}"`);
    const outputs = await (options.describeStack ?? describeStackOutputs)(options.stack, options.region);
    return stackTarget(options.stack, options.region, stackResources(options.stack, outputs));
  }
  return localStackTarget(portsFromEnv(options.env ?? process.env));
}

function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

function instanceTarget(instance: LocalInstanceLike): OperatorTarget {
  const env = instance.env;
  const common = {
    region: env.AWS_REGION ?? LOCAL_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? LOCAL_CREDENTIALS.secretAccessKey },
  };
  const dynamo = new DynamoDBClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
  const s3 = new S3Client({ ...common, endpoint: env.AWS_ENDPOINT_URL_S3, forcePathStyle: true });
  const sqs = new SQSClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_SQS });
  const { resources } = instance;
  return {
    label: `local instance ${instance.name ?? resources.table.replace(/-threads$/, '')}`,
    kind: 'local',
    dynamo: documentClient(dynamo),
    s3,
    sqs,
    table: resources.table,
    bucket: resources.bucket,
    topicArn: resources.topicArn,
    inbound: { name: 'inbound', url: resources.inbound.url, dlqUrl: resources.inbound.dlqUrl },
    teams: Object.fromEntries(Object.entries(resources.teams).map(([team, queue]) => [team, { name: team, url: queue.url, dlqUrl: queue.dlqUrl }])),
    close: () => {
      dynamo.destroy();
      s3.destroy();
      sqs.destroy();
    },
  };
}

async function localStackTarget(ports: LocalPorts): Promise<OperatorTarget> {
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 };
  const endpoint = (port: number) => `http://127.0.0.1:${port}`;
  const dynamo = new DynamoDBClient({ ...common, endpoint: endpoint(ports.dynamodb) });
  const s3 = new S3Client({ ...common, endpoint: endpoint(ports.s3), forcePathStyle: true });
  const sqs = new SQSClient({ ...common, endpoint: endpoint(ports.sqs) });
  const close = () => {
    dynamo.destroy();
    s3.destroy();
    sqs.destroy();
  };
  const names = localResourceNames(LOCAL_INSTANCE_NAME);
  try {
    const inboundUrl = await queueUrl(sqs, names.inboundQueue);
    const listed = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: names.teamQueuePrefix }));
    const urls = listed.QueueUrls ?? [];
    const dlqs = new Set(urls.map((url) => deadLetterQueueName(queueNameOf(url))));
    const teams: Record<string, QueueRef> = {};
    for (const url of urls) {
      const queueName = queueNameOf(url);
      if (dlqs.has(queueName)) continue;
      const team = queueName.slice(names.teamQueuePrefix.length);
      teams[team] = { name: team, url, dlqUrl: urls.find((candidate) => queueNameOf(candidate) === deadLetterQueueName(queueName)) };
    }
    return {
      label: `local stack (${endpoint(ports.dynamodb)}, table ${names.table})`,
      kind: 'local',
      dynamo: documentClient(dynamo),
      s3,
      sqs,
      table: names.table,
      bucket: names.bucket,
      topicArn: names.inboundTopicArn,
      inbound: { name: 'inbound', url: inboundUrl, dlqUrl: await queueUrl(sqs, deadLetterQueueName(names.inboundQueue)).catch(() => undefined) },
      teams,
      close,
    };
  } catch (error) {
    close();
    if (isConnectionRefused(error)) {
      throw new OperatorError(`nothing answers at ${endpoint(ports.sqs)} (local SQS). Is \`npm start\` running? For a deployed stack pass --stack NAME.`);
    }
    if (errorName(error) === 'QueueDoesNotExist' || errorName(error) === 'AWS.SimpleQueueService.NonExistentQueue') {
      throw new OperatorError(`the local stack has no queue ${names.inboundQueue}; start it once with \`npm start\``);
    }
    throw error;
  }
}

async function queueUrl(sqs: SQSClient, queueName: string, accountId?: string): Promise<string> {
  const result = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName, ...(accountId ? { QueueOwnerAWSAccountId: accountId } : {}) }));
  if (!result.QueueUrl) throw new OperatorError(`queue ${queueName} has no URL`);
  return result.QueueUrl;
}

export function queueNameOf(url: string): string {
  return url.replace(/\/+$/, '').split('/').pop() ?? url;
}

/** The queue's dead-letter queue, from its RedrivePolicy (no stack output needed). */
export async function deadLetterQueueOf(sqs: SQSClient, queue: QueueRef): Promise<string> {
  if (queue.dlqUrl) return queue.dlqUrl;
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['RedrivePolicy'] }));
  const policy = attributes.Attributes?.RedrivePolicy;
  const arn = policy ? (JSON.parse(policy) as { deadLetterTargetArn?: string }).deadLetterTargetArn : undefined;
  const parts = arn?.split(':');
  if (!parts || parts.length < 6) throw new OperatorError(`queue ${queueNameOf(queue.url)} has no dead-letter queue (no RedrivePolicy)`);
  queue.dlqUrl = await queueUrl(sqs, parts[5]!, parts[4]);
  return queue.dlqUrl;
}

interface StackResources {
  table: string;
  bucket: string;
  inboundUrl: string;
  inboundDlqUrl: string | undefined;
  teams: Record<string, string>;
}

const TEAM_OUTPUT = /^TeamQueueUrl(.+)$/;
const TEAM_DESCRIPTION = /^Routing queue of team (.+)$/;

/** Pure: resource names from the outputs of lib/replyline-stack.ts. */
export function stackResources(stack: string, outputs: StackOutput[]): StackResources {
  const value = (key: string) => outputs.find((output) => output.OutputKey === key)?.OutputValue;
  const required = { table: 'TableName', bucket: 'RawMailBucketName', inboundUrl: 'InboundQueueUrl' } as const;
  const missing = Object.values(required).filter((key) => !value(key));
  if (missing.length) {
    throw new OperatorError(`stack ${stack} lacks the output(s) ${missing.join(', ')}: is it a Replyline stack, fully deployed? (npx cdk deploy)`);
  }
  const teams: Record<string, string> = {};
  for (const output of outputs) {
    const match = TEAM_OUTPUT.exec(output.OutputKey ?? '');
    if (!match || !output.OutputValue) continue;
    // Output keys drop characters CloudFormation does not allow; the description keeps the team id as configured.
    const team = TEAM_DESCRIPTION.exec(output.Description ?? '')?.[1] ?? match[1]!;
    teams[team] = output.OutputValue;
  }
  return { table: value(required.table)!, bucket: value(required.bucket)!, inboundUrl: value(required.inboundUrl)!, inboundDlqUrl: value('InboundDeadLetterQueueUrl'), teams };
}

function stackTarget(stack: string, region: string | undefined, resources: StackResources): OperatorTarget {
  // Standard credential chain (env, profile, SSO, instance role); region from --region, else AWS_REGION / the profile.
  const common = region ? { region } : {};
  const dynamo = new DynamoDBClient(common);
  const s3 = new S3Client(common);
  const sqs = new SQSClient(common);
  return {
    label: `stack ${stack}${region ? ` (${region})` : ''}`,
    kind: 'stack',
    dynamo: documentClient(dynamo),
    s3,
    sqs,
    table: resources.table,
    bucket: resources.bucket,
    topicArn: `replyline:${stack}:operator-replay`,
    inbound: { name: 'inbound', url: resources.inboundUrl, dlqUrl: resources.inboundDlqUrl },
    teams: Object.fromEntries(Object.entries(resources.teams).map(([team, url]) => [team, { name: team, url }])),
    close: () => {
      dynamo.destroy();
      s3.destroy();
      sqs.destroy();
    },
  };
}

async function describeStackOutputs(stack: string, region: string | undefined): Promise<StackOutput[]> {
  const client = new CloudFormationClient(region ? { region } : {});
  try {
    const result = await client.send(new DescribeStacksCommand({ StackName: stack }));
    const found = result.Stacks?.[0];
    if (!found) throw new OperatorError(`no stack named ${stack}`);
    if (/_IN_PROGRESS$|^ROLLBACK_COMPLETE$|^DELETE_/.test(found.StackStatus ?? '')) {
      throw new OperatorError(`stack ${stack} is ${found.StackStatus}; wait for it to finish deploying`);
    }
    return found.Outputs ?? [];
  } catch (error) {
    throw describeAwsError(error, { stack });
  } finally {
    client.destroy();
  }
}

export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? ((error as { name?: string }).name ?? (error as { Code?: string }).Code) : undefined;
}

function isConnectionRefused(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } } | undefined)?.code ?? (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String((error as Error | undefined)?.message ?? ''));
}

/** AWS SDK errors an operator can act on, as OperatorErrors; anything else is returned unchanged. */
export function describeAwsError(error: unknown, context: { stack?: string | undefined } = {}): unknown {
  if (error instanceof OperatorError) return error;
  const name = errorName(error) ?? '';
  const message = (error as Error | undefined)?.message ?? String(error);
  if (name === 'ValidationError' && /does not exist/.test(message)) return new OperatorError(`no stack named ${context.stack ?? '(unknown)'} in this account and region (${message})`);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new OperatorError('no AWS credentials found: configure a profile (AWS_PROFILE), SSO (aws sso login) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
  }
  if (/Region is missing/i.test(message)) return new OperatorError('no AWS region: pass --region or set AWS_REGION');
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation|ExpiredToken|ExpiredTokenException|InvalidClientTokenId|UnrecognizedClientException)$/.test(name)) {
    return new OperatorError(`AWS refused the request (${name}): ${message}`);
  }
  if (name === 'ResourceNotFoundException') return new OperatorError(`not found: ${message}`);
  if (name === 'NoSuchBucket') return new OperatorError(`the raw-mail bucket does not exist: ${message}`);
  if (name === 'QueueDoesNotExist' || name === 'AWS.SimpleQueueService.NonExistentQueue') return new OperatorError(`queue not found: ${message}`);
  if (isConnectionRefused(error)) return new OperatorError(`nothing is listening there (${message}). Is \`npm start\` running? For a deployed stack pass --stack NAME.`);
  return error;
}
