import { connect } from 'node:net';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.js';
import { LOCAL_INSTANCE_NAME, type LocalPorts } from '../../local/stack.js';
import { DEAD_LETTER_SUFFIX, deadLetterQueueName, localResourceNames } from '../../local/resources.js';
import { errorName, OperatorError, queueNameOf } from './target.js';
import { fail, guarded, judgeSweeper, pass, skip, type CheckResult } from './doctor-checks.js';

/**
 * `replyline doctor` without --stack: the local stack of `npm start` (or a test instance). What
 * only AWS has (identities, DKIM, sandbox, MX, the receipt rule set, SNS) is SKIP; the SMTP
 * inbound stands in for MX and the rule set.
 */

type EmulatorName = 'dynamodb' | 's3' | 'sqs' | 'ses' | 'events' | 'secrets';

const EMULATORS: Record<EmulatorName, string> = {
  dynamodb: 'DynamoDB Local',
  s3: 'S3 (s3rver)',
  sqs: 'SQS (local-aws-sqs)',
  ses: 'SES (local, with outbox)',
  events: 'EventBridge (local bus)',
  secrets: 'Secrets Manager (local)',
};

export interface LocalDoctorTarget {
  /** Resource name prefix: `replyline` for `npm start`. */
  name: string;
  endpoints: Record<EmulatorName, string>;
  smtp: { host: string; port: number };
  configFile: string;
}

/** The stack of `npm start`, from REPLYLINE_<SERVICE>_PORT as the other operator commands read it. */
export function localStackDoctorTarget(ports: LocalPorts, env: NodeJS.ProcessEnv = process.env): LocalDoctorTarget {
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    name: LOCAL_INSTANCE_NAME,
    endpoints: { dynamodb: url(ports.dynamodb), s3: url(ports.s3), sqs: url(ports.sqs), ses: url(ports.ses), events: url(ports.events), secrets: url(ports.secrets) },
    smtp: { host: '127.0.0.1', port: ports.smtp },
    configFile: env.REPLYLINE_CONFIG_FILE ?? 'replyline.config.json',
  };
}

/** A local instance as startInstance returns it (tests). */
export function instanceDoctorTarget(instance: { name: string; env: Record<string, string>; smtp: { port: number } }): LocalDoctorTarget {
  const env = instance.env;
  return {
    name: instance.name,
    endpoints: {
      dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB!,
      s3: env.AWS_ENDPOINT_URL_S3!,
      sqs: env.AWS_ENDPOINT_URL_SQS!,
      ses: env.AWS_ENDPOINT_URL_SES!,
      events: env.AWS_ENDPOINT_URL_EVENTBRIDGE!,
      secrets: env.AWS_ENDPOINT_URL_SECRETS_MANAGER!,
    },
    smtp: { host: '127.0.0.1', port: instance.smtp.port },
    configFile: env.REPLYLINE_CONFIG_FILE ?? 'replyline.config.json',
  };
}

const PROBE_TIMEOUT_MS = 3000;

/** Any HTTP answer counts: each emulator answers a bare GET with its own error or page. */
async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** The SMTP greeting of the inbound port, or why there is none. */
function smtpGreeting(host: string, port: number): Promise<{ ok: true; greeting: string } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: { ok: true; greeting: string } | { ok: false; reason: string }) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      if (result.ok) socket.end('QUIT\r\n');
      else socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done({ ok: false, reason: `no greeting within ${PROBE_TIMEOUT_MS / 1000} s` }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ ok: false, reason: error.code ?? error.message }));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const line = received.split('\r\n')[0]!;
      if (!received.includes('\r\n')) return;
      done(line.startsWith('220') ? { ok: true, greeting: line.slice(0, 80) } : { ok: false, reason: `unexpected greeting "${line.slice(0, 80)}"` });
    });
  });
}

const AWS_ONLY: [string, string, string][] = [
  ['ses-identity', 'SES identity', 'local SES accepts any sender: no domain identity or DKIM to verify'],
  ['mail-from', 'MAIL FROM', 'local SES sends nothing out: no MAIL FROM domain to verify'],
  ['ses-sandbox', 'SES sending account', 'local SES has no sandbox or quota: every mail lands on its web page'],
  ['configuration-set', 'SES configuration set', 'local SES publishes configuration-set events to the feedback queue itself'],
  ['receipt-rule-set', 'SES receipt rule set', 'no receipt rules locally: the SMTP inbound (smtp-inbound) stands in for MX and the rule set'],
  ['mx', 'MX', 'no DNS locally: mail comes in over the SMTP inbound (smtp-inbound)'],
  ['alert-subscriptions', 'alert subscriptions', 'no SNS locally: alerts print in the npm start console (and go to the chat webhook, if one is set)'],
];

export async function runLocalChecks(target: LocalDoctorTarget, now: Date): Promise<CheckResult[]> {
  const names = Object.keys(EMULATORS) as EmulatorName[];
  const [reachable, smtp] = await Promise.all([Promise.all(names.map((name) => answers(target.endpoints[name]))), smtpGreeting(target.smtp.host, target.smtp.port)]);
  const up = Object.fromEntries(names.map((name, index) => [name, reachable[index]!])) as Record<EmulatorName, boolean>;
  if (!reachable.some(Boolean) && !smtp.ok) {
    const where = names.map((name) => `${name} ${target.endpoints[name].replace(/^http:\/\//, '')}`).join(', ');
    throw new OperatorError(`nothing answers on the local stack's ports (${where}, smtp ${target.smtp.host}:${target.smtp.port}). Is \`npm start\` running? For a deployed stack pass --stack NAME.`);
  }
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
  const dynamoClient = new DynamoDBClient({ ...common, endpoint: target.endpoints.dynamodb });
  const dynamo = DynamoDBDocumentClient.from(dynamoClient);
  const s3 = new S3Client({ ...common, endpoint: target.endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...common, endpoint: target.endpoints.sqs });
  const secrets = new SecretsManagerClient({ ...common, endpoint: target.endpoints.secrets });
  const { table, bucket } = localResourceNames(target.name);
  const restart = 'restart the local stack: npm start (it creates what is missing)';
  const down = (service: EmulatorName, id: string, name: string) => skip(id, name, `${EMULATORS[service]} does not answer (see emulator:${service})`);
  try {
    const emulatorChecks = names.map((service) =>
      up[service]
        ? pass(`emulator:${service}`, `emulator ${service}`, `${EMULATORS[service]} answers at ${target.endpoints[service]}`)
        : fail(`emulator:${service}`, `emulator ${service}`, `nothing answers at ${target.endpoints[service]}`, `restart npm start; if it runs on other ports, set REPLYLINE_${service.toUpperCase()}_PORT for doctor too`),
    );
    let config: ReplylineConfig | undefined;
    let configCheck: CheckResult;
    try {
      config = readConfigFile(target.configFile);
      configCheck = pass('config', 'config', `${target.configFile}: ${config.domain}, ${Object.keys(config.teams).length} team(s)`);
    } catch (error) {
      configCheck = fail('config', 'config', `${target.configFile}: ${String((error as Error).message).split('\n')[0]!.slice(0, 200)}`, `correct ${target.configFile} (schema: replyline.config.schema.json; or set REPLYLINE_CONFIG_FILE), then restart npm start`);
    }
    const groups = await Promise.all([
      up.dynamodb
        ? guarded('table', 'table', 'DescribeTable', async () => {
            try {
              const found = await dynamoClient.send(new DescribeTableCommand({ TableName: table }));
              const status = found.Table?.TableStatus;
              return status === 'ACTIVE' ? pass('table', 'table', `${table} is ACTIVE`) : fail('table', 'table', `${table} is ${status}`, restart);
            } catch (error) {
              if (errorName(error) !== 'ResourceNotFoundException') throw error;
              return fail('table', 'table', `no table ${table} in DynamoDB Local`, restart);
            }
          })
        : [down('dynamodb', 'table', 'table')],
      up.s3
        ? guarded('bucket', 'bucket', 'HeadBucket', async () => {
            try {
              await s3.send(new HeadBucketCommand({ Bucket: bucket }));
              return pass('bucket', 'bucket', `${bucket} exists`);
            } catch (error) {
              if (!/NotFound|NoSuchBucket/.test(errorName(error) ?? '')) throw error;
              return fail('bucket', 'bucket', `no bucket ${bucket} in s3rver`, restart);
            }
          })
        : [down('s3', 'bucket', 'bucket')],
      [
        smtp.ok
          ? pass('smtp-inbound', 'SMTP inbound', `${target.smtp.host}:${target.smtp.port} accepts connections ("${smtp.greeting}")`)
          : fail('smtp-inbound', 'SMTP inbound', `${target.smtp.host}:${target.smtp.port}: ${smtp.reason}`, 'restart npm start; if it listens elsewhere, set REPLYLINE_SMTP_PORT for doctor too'),
      ],
      AWS_ONLY.map(([id, name, why]) => skip(id, name, why)),
      up.secrets ? localSecrets(secrets, target, config) : [down('secrets', 'secret:thread-address-key', 'secret thread-address-key')],
      up.sqs ? guarded('dlq', 'dead-letter queues', 'ListQueues', () => localDeadLetterQueues(sqs, target)) : [down('sqs', 'dlq', 'dead-letter queues')],
      up.dynamodb
        ? guarded('sla-sweeper', 'SLA sweeper', 'GetItem', () =>
            judgeSweeper(dynamo, table, now, 'npm start sweeps every minute: is it still running? Its console prints "sla    sweep failed: …" when a sweep fails'),
          )
        : [down('dynamodb', 'sla-sweeper', 'SLA sweeper')],
    ]);
    return [...emulatorChecks, configCheck, ...groups.flat()];
  } finally {
    dynamoClient.destroy();
    s3.destroy();
    sqs.destroy();
    secrets.destroy();
  }
}

async function localSecrets(client: SecretsManagerClient, target: LocalDoctorTarget, config: ReplylineConfig | undefined): Promise<CheckResult[]> {
  const create = (name: string, value: string) => `aws --endpoint-url ${target.endpoints.secrets} secretsmanager create-secret --name ${name} --secret-string '${value}'`;
  const wanted: { label: string; secretId: string; fix: string }[] = [{ label: 'thread-address-key', secretId: localResourceNames(target.name).threadKeySecret, fix: 'restart npm start (it generates the thread key)' }];
  for (const team of Object.values(config?.teams ?? {})) {
    if (team.destination.type === 'webhook') wanted.push({ label: team.destination.secretName, secretId: team.destination.secretName, fix: 'restart npm start (it generates webhook secrets)' });
  }
  const chat = config?.alerts.chatWebhookSecretName;
  if (chat) {
    wanted.push({ label: chat, secretId: chat, fix: `REPLYLINE_CHAT_WEBHOOK_URL='https://hooks.slack.com/…' npm start stores it, or ${create(chat, '<incoming-webhook URL of the chat channel>')}` });
  }
  const unique = wanted.filter((secret, index) => wanted.findIndex((other) => other.secretId === secret.secretId) === index);
  const results = await Promise.all(
    unique.map((secret) =>
      guarded(`secret:${secret.label}`, `secret ${secret.label}`, 'GetSecretValue', async () => {
        try {
          // The local server speaks GetSecretValue, not DescribeSecret; the value is not shown.
          await client.send(new GetSecretValueCommand({ SecretId: secret.secretId }));
          return pass(`secret:${secret.label}`, `secret ${secret.label}`, `${secret.secretId} present in the local secrets server`);
        } catch (error) {
          if (errorName(error) !== 'ResourceNotFoundException') throw error;
          return fail(`secret:${secret.label}`, `secret ${secret.label}`, `${secret.secretId} is missing from the local secrets server`, secret.fix);
        }
      }),
    ),
  );
  return results.flat();
}

/** Label as the stack's DeadLetterQueueUrls names them: `inbound`, `team support`, `ses feedback`. */
function localLabel(prefix: string, queueName: string): string {
  const base = queueName.slice(prefix.length, -DEAD_LETTER_SUFFIX.length);
  return base.startsWith('team-') ? `team ${base.slice('team-'.length)}` : base.replace(/-/g, ' ');
}

async function localDeadLetterQueues(sqs: SQSClient, target: LocalDoctorTarget): Promise<CheckResult[]> {
  const prefix = `${target.name}-`;
  const names = localResourceNames(target.name);
  const inboundDlq = deadLetterQueueName(names.inboundQueue);
  const urls = (await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix }))).QueueUrls ?? [];
  // Mail first: inbound, then the teams, then the rest.
  const rank = (url: string) => (queueNameOf(url) === inboundDlq ? 0 : queueNameOf(url).startsWith(names.teamQueuePrefix) ? 1 : 2);
  const dlqs = urls.filter((url) => queueNameOf(url).endsWith(DEAD_LETTER_SUFFIX)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (!dlqs.some((url) => queueNameOf(url) === inboundDlq)) {
    return [fail('dlq:inbound', 'DLQ inbound', `no queue ${inboundDlq} in local SQS`, 'restart the local stack: npm start (it creates the queues)')];
  }
  return Promise.all(
    dlqs.map(async (url): Promise<CheckResult> => {
      const label = localLabel(prefix, queueNameOf(url));
      const id = `dlq:${label.replace(/\s+/g, '-')}`;
      const name = `DLQ ${label}`;
      const attributes = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes ?? {};
      const waiting = Number(attributes.ApproximateNumberOfMessages ?? 0);
      const inFlight = Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
      if (waiting + inFlight === 0) return pass(id, name, `${queueNameOf(url)} is empty`);
      const count = `${waiting + inFlight} message${waiting + inFlight === 1 ? '' : 's'} in ${queueNameOf(url)}`;
      const redrive = label === 'inbound' ? 'inbound' : label.startsWith('team ') ? label.slice('team '.length) : undefined;
      const fix = redrive
        ? `see the reason in the npm start console, fix it, then npx replyline redrive --queue ${redrive}`
        : `read them (aws --endpoint-url ${target.endpoints.sqs} sqs receive-message --queue-url ${url} --attribute-names All --message-attribute-names All); the npm start console has the error`;
      return fail(id, name, `${count}: ${waiting + inFlight === 1 ? 'it' : 'they'} failed every retry`, fix);
    }),
  );
}
