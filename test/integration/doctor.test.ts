import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { doctorCommand } from '../../tools/operator/cli.js';
import { instanceDoctorTarget, type LocalDoctorTarget } from '../../tools/operator/doctor-local.js';
import { createSlaSweepHandler } from '../../lambdas/handlers/sla-sweep.js';
import { createSlaSweepDependencies } from '../../lambdas/adapters/sla-wiring.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';
import { resolveTarget } from '../../tools/operator/target.js';
import { listThreads, validateThreadsQuery } from '../../tools/operator/threads.js';
import { startTestInstance } from '../support/local-instance.js';

interface JsonReport {
  target: { kind: string; label: string };
  checks: { id: string; status: string; summary: string; fix?: string }[];
  ok: boolean;
}

const local = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function doctor(target: LocalDoctorTarget, json = true): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await doctorCommand(json ? ['--json'] : [], { stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, doctor: { local: target } });
  return { code, out: out.join(''), err: err.join('') };
}

const statuses = (report: JsonReport) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
const splitDlqs = (all: Record<string, string>) => ({
  dlq: Object.fromEntries(Object.entries(all).filter(([id]) => id.startsWith('dlq:'))),
  other: Object.fromEntries(Object.entries(all).filter(([id]) => !id.startsWith('dlq:'))),
});
const check = (report: JsonReport, id: string) => report.checks.find((entry) => entry.id === id);

describe('replyline doctor on a local instance', () => {
  let instance: LocalInstance;
  let target: LocalDoctorTarget;
  let configDir: string;
  const webhookSecret = `doctor-webhook-${unique}`;
  const chatSecret = `doctor-chat-${unique}`;

  beforeAll(async () => {
    const config = JSON.parse(readFileSync('replyline.config.json', 'utf8'));
    config.$schema = undefined;
    config.addresses.push({ address: 'partners@example.com', team: 'partners' });
    config.teams.partners = { name: 'Partner Desk', destination: { type: 'webhook', url: 'https://partners.example.net/replyline', secretName: webhookSecret } };
    config.alerts = { ...config.alerts, chatWebhookSecretName: chatSecret };
    configDir = mkdtempSync(join(tmpdir(), 'doctor-'));
    const configFile = join(configDir, 'replyline.config.json');
    writeFileSync(configFile, JSON.stringify(config));
    instance = await startTestInstance({ configFile });
    target = instanceDoctorTarget(instance);
  });
  afterAll(async () => {
    await instance?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it('checks what makes sense locally; the sweeper heartbeat appears after one sweep through the real handler', async () => {
    const before = await doctor(target);
    expect(before.err).toBe('');
    expect(before.code).toBe(1);
    const first = JSON.parse(before.out) as JsonReport;
    expect(first.target.kind).toBe('local');
    const { dlq, other } = splitDlqs(statuses(first));
    // Every queue the instance made has its DLQ checked (more appear as the stack grows).
    expect(dlq).toMatchObject({ 'dlq:inbound': 'PASS', 'dlq:ses-feedback': 'PASS', 'dlq:team-partners': 'PASS', 'dlq:team-sales': 'PASS', 'dlq:team-support': 'PASS' });
    expect(new Set(Object.values(dlq))).toEqual(new Set(['PASS']));
    expect(other).toEqual({
      'emulator:dynamodb': 'PASS',
      'emulator:s3': 'PASS',
      'emulator:sqs': 'PASS',
      'emulator:ses': 'PASS',
      'emulator:events': 'PASS',
      'emulator:secrets': 'PASS',
      config: 'PASS',
      table: 'PASS',
      bucket: 'PASS',
      'smtp-inbound': 'PASS',
      'ses-identity': 'SKIP',
      'mail-from': 'SKIP',
      'ses-sandbox': 'SKIP',
      'configuration-set': 'SKIP',
      'receipt-rule-set': 'SKIP',
      mx: 'SKIP',
      'alert-subscriptions': 'SKIP',
      'secret:thread-address-key': 'PASS',
      [`secret:${webhookSecret}`]: 'PASS',
      // The instance generates the thread key and webhook secrets; the chat URL is the operator's to store.
      [`secret:${chatSecret}`]: 'FAIL',
      'sla-sweeper': 'FAIL',
    });
    expect(check(first, 'ses-identity')!.summary).toBe('local SES accepts any sender: no domain identity or DKIM to verify');
    expect(check(first, 'smtp-inbound')!.summary).toMatch(/accepts connections \("220 /);
    expect(check(first, `secret:${chatSecret}`)!.fix).toContain('REPLYLINE_CHAT_WEBHOOK_URL=');
    expect(check(first, 'sla-sweeper')).toMatchObject({ summary: expect.stringContaining('no heartbeat'), fix: expect.stringContaining('npm start sweeps every minute') });

    const secrets = new SecretsManagerClient({ ...local, endpoint: target.endpoints.secrets });
    await secrets.send(new CreateSecretCommand({ Name: chatSecret, SecretString: 'https://chat.example.net/hooks/doctor-test' }));
    secrets.destroy();
    const sweep = createSlaSweepHandler(() => createSlaSweepDependencies(instance.env, { config: instance.config }));
    await sweep({ scheduledTime: new Date().toISOString() });

    // The heartbeat: one item with a TTL, which the operator tools that scan the table ignore.
    const operator = await resolveTarget({ instance });
    try {
      const item = (await operator.dynamo.send(new GetCommand({ TableName: operator.table, Key: keys.sweeperStatus, ConsistentRead: true }))).Item!;
      expect(item).toMatchObject({ kind: 'sweeper-status', found: 0, emitted: 0, failures: 0 });
      expect(item[TABLE_KEYS.ttlAttribute]).toBe(Math.floor(Date.parse(String(item.recordedAt)) / 1000) + 7 * 86_400);
      expect(await listThreads(operator, validateThreadsQuery({}))).toEqual([]);
    } finally {
      operator.close();
    }

    const after = await doctor(target);
    expect(after.code).toBe(0);
    const second = JSON.parse(after.out) as JsonReport;
    expect(second.ok).toBe(true);
    expect(check(second, `secret:${chatSecret}`)!.status).toBe('PASS');
    expect(check(second, 'sla-sweeper')).toMatchObject({ status: 'PASS', summary: expect.stringMatching(/^last run \d+ s ago: found 0, emitted 0, \d+ ms$/) });

    const text = await doctor(target, false);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^replyline doctor: local stack t[0-9a-f]{8} /);
    expect(text.out).toMatch(/\nSKIP  MX +no DNS locally/);
    expect(text.out).toMatch(/\n0 failed, 0 warnings, \d+ passed, 7 skipped\n$/);
  });

  it('a message in a dead-letter queue FAILs with the redrive command', async () => {
    const sqs = new SQSClient({ ...local, endpoint: target.endpoints.sqs });
    try {
      await sqs.send(new SendMessageCommand({ QueueUrl: instance.resources.inbound.dlqUrl, MessageBody: '{"doctor":"test"}' }));
      const report = JSON.parse((await doctor(target)).out) as JsonReport;
      expect(check(report, 'dlq:inbound')).toMatchObject({ status: 'FAIL', summary: expect.stringContaining('1 message in'), fix: expect.stringContaining('npx replyline redrive --queue inbound') });
      expect(report.ok).toBe(false);
    } finally {
      const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: instance.resources.inbound.dlqUrl, MaxNumberOfMessages: 10 }));
      for (const message of received.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl: instance.resources.inbound.dlqUrl, ReceiptHandle: message.ReceiptHandle! }));
      sqs.destroy();
    }
  });

  it('names what is missing for an instance that was never started', async () => {
    const { code, out } = await doctor({ ...target, name: `never-${unique.replace(/[^a-z0-9]/g, '')}` });
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(statuses(report)).toMatchObject({ 'emulator:dynamodb': 'PASS', table: 'FAIL', bucket: 'FAIL', 'dlq:inbound': 'FAIL', 'secret:thread-address-key': 'FAIL', 'sla-sweeper': 'FAIL' });
    expect(check(report, 'table')!.fix).toContain('npm start');
  });

  it('says in one line that npm start is not running when nothing answers', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const url = `http://127.0.0.1:${closed}`;
    const { code, out, err } = await doctor({ ...target, endpoints: { dynamodb: url, s3: url, sqs: url, ses: url, events: url, secrets: url }, smtp: { host: '127.0.0.1', port: closed } });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^doctor: nothing answers on the local stack's ports \(.*\)\. Is `npm start` running\? For a deployed stack pass --stack NAME\.\n$/);
  });
});
