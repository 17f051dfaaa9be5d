import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTransport } from 'nodemailer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import type { OutboxEntry } from '../../local/ses-outbox-proxy.js';
import { rawMail } from '../support/mail-builder.js';
import { waitFor } from '../support/local-instance.js';

const ROOT = join(import.meta.dirname, '../..');
const PORT_NAMES = ['dynamodb', 's3', 'sqs', 'ses', 'events', 'secrets', 'smtp'];

/** A small seeded generator (mulberry32): the same kill points on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunningStack {
  child: ChildProcess;
  smtpPort: number;
  sesUrl: string;
  dynamoUrl: string;
  table: string;
  output: () => string;
  exited: Promise<void>;
}

/** `npm start` as a user runs it (the real CLI, its own process group), in a state directory of its own, on free ports. */
async function startStack(workDir: string): Promise<RunningStack> {
  const env = { ...process.env, ...Object.fromEntries(PORT_NAMES.map((name) => [`REPLYLINE_${name.toUpperCase()}_PORT`, '0'])), LOG_LEVEL: 'WARN' };
  const child = spawn(process.execPath, [join(ROOT, 'cli/replyline.js'), 'start', '--config', join(ROOT, 'replyline.config.json')], { cwd: workDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const banner = await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    const smtp = /smtp:\/\/localhost:(\d+)/.exec(output);
    const ses = /Sent mail\s+(http:\/\/localhost:\d+)\//.exec(output);
    const dynamo = /DynamoDB\s+(http:\/\/127\.0\.0\.1:\d+)\s+table (\S+)/.exec(output);
    return smtp && ses && dynamo ? { smtpPort: Number(smtp[1]), sesUrl: ses[1]!, dynamoUrl: dynamo[1]!, table: dynamo[2]! } : undefined;
  }, 'npm start to print where it listens', 60_000);
  return { child, ...banner, output: () => output, exited };
}

/** SIGKILL with no chance to clean up: the whole group (node and DynamoDB Local's JVM), or node alone, leaving the JVM orphaned. */
async function kill(stack: RunningStack, whole: boolean): Promise<void> {
  process.kill(whole ? -stack.child.pid! : stack.child.pid!, 'SIGKILL');
  await stack.exited;
}

function customerMail(index: number): { raw: string; messageId: string; from: string } {
  const from = `customer${index}@crash.example.org`;
  const messageId = `crash-${index}-${Date.now()}@crash.example.org`;
  const raw = rawMail({
    from: `Customer ${index} <${from}>`,
    to: 'support@example.com',
    subject: `Order ${1000 + index} has not arrived`,
    body: `Hello,\r\n\r\nI ordered a kettle (order ${1000 + index}) two weeks ago and it has still not arrived. Could you tell me where it is?\r\n\r\nThanks,\r\nCustomer ${index}`,
    messageId,
  });
  return { raw, messageId, from };
}

describe('npm start killed at random points', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'replyline-crash-'));
  let stack: RunningStack | undefined;
  afterAll(async () => {
    if (stack && stack.child.exitCode === null) {
      stack.child.kill('SIGINT');
      await stack.exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  it('acknowledges and forwards every accepted mail exactly once after the restarts', { timeout: 300_000 }, async () => {
    const accepted = new Set<string>();
    const sent: string[] = [];
    let index = 0;
    for (const [round, seed] of [11, 23, 42].entries()) {
      const random = seeded(seed);
      stack = await startStack(workDir);
      const current = stack;
      // Mails keep coming, three at a time, while the stack is killed somewhere in its work.
      let sending = true;
      const sender = async () => {
        while (sending) {
          const mail = customerMail(index++);
          sent.push(mail.messageId);
          const transport = createTransport({ host: '127.0.0.1', port: current.smtpPort, secure: false, ignoreTLS: true });
          try {
            await transport.sendMail({ envelope: { from: mail.from, to: ['support@example.com'] }, raw: mail.raw });
            accepted.add(mail.messageId);
          } catch {
            return; // the stack is gone: this mail was not accepted (no 250), as its sender learns
          } finally {
            transport.close();
          }
        }
      };
      const senders = [sender(), sender(), sender()];
      await waitFor(async () => accepted.size >= (round + 1) * 4, 'a few accepted mails', 60_000);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1500)));
      await kill(current, round !== 1);
      sending = false;
      await Promise.all(senders);
    }

    stack = await startStack(workDir);
    const final = stack;
    await waitFor(async () => /reconcile: /.test(final.output()), 'the startup reconciliation', 60_000);
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: final.dynamoUrl, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }));
    const store = new DynamoThreadStore(db, final.table);
    try {
      // Finished: every accepted mail recorded with nothing owed (no ack, forward or event still to come).
      await waitFor(async () => {
        for (const messageId of accepted) {
          const processing = await store.getProcessing(messageId);
          if (!processing || processing.pending.length) return false;
        }
        return true;
      }, 'every accepted mail recorded with nothing pending', 120_000);
      const outbox = (await (await fetch(`${final.sesUrl}/outbox`)).json()) as OutboxEntry[];
      const acks = (messageId: string) => outbox.filter((entry) => entry.inReplyTo.includes(messageId) && entry.headers['auto-submitted'] === 'auto-replied').length;
      const forwards = (messageId: string) => outbox.filter((entry) => entry.inReplyTo.includes(messageId) && entry.headers['x-replyline-thread'] !== undefined).length;
      const counts = (count: (messageId: string) => number) => Object.fromEntries([...accepted].map((messageId) => [messageId, count(messageId)]).filter(([, n]) => n !== 1));
      expect(accepted.size).toBeGreaterThanOrEqual(12);
      // The SES page shows what every run sent, as the outbox does, numbered on across the restarts.
      const page = (await (await fetch(`${final.sesUrl}/store`)).json()) as { emails: unknown[] };
      expect(page.emails).toHaveLength(outbox.length);
      expect(counts(acks)).toEqual({});
      expect(counts(forwards)).toEqual({});
      // A mail the sender was not told was accepted may have been stored all the same: never answered twice.
      expect(sent.filter((messageId) => acks(messageId) > 1)).toEqual([]);
    } finally {
      db.destroy();
    }
  });
});
