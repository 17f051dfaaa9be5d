import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { resolveTarget, type OperatorTarget } from '../../tools/operator/target.js';
import { reconcileCommand, replayCommand } from '../../tools/operator/cli.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { captureOperatorIo } from '../support/operator-io.js';
import { acknowledgementsOf, rawMail, startTestInstance, waitFor } from '../support/local-instance.js';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** A mail as SES stores it (its Return-Path and Received on top) whose announcement never reached the inbound queue. */
function storedButNeverAnnounced(messageId: string, from: string): { key: string; body: string } {
  const receiptId = `lost${unique().replace(/-/g, '')}`;
  const body =
    `Return-Path: <${from}>\r\nReceived: from mail.customer.example.org (192.0.2.1) by replyline.local with SMTP id ${receiptId} for <support@example.com>; ${new Date().toUTCString()}\r\n` +
    rawMail({ from: `Lena Berg <${from}>`, to: 'support@example.com', subject: 'Where is my parcel?', body: 'Hello, my parcel 5521 has not arrived yet. Could you check?\r\n\r\nLena', messageId });
  return { key: `inbound/${receiptId}`, body };
}

describe('reconciling stored mail on the local emulators', () => {
  let instance: LocalInstance;
  let target: OperatorTarget;

  beforeAll(async () => {
    instance = await startTestInstance();
    target = await resolveTarget({ instance });
  });
  afterAll(async () => {
    target?.close();
    await instance?.stop();
  });

  const settled = (messageId: string) =>
    waitFor(async () => {
      const item = (await target.dynamo.send(new GetCommand({ TableName: target.table, Key: keys.processing(messageId), ConsistentRead: true }))).Item;
      return item && !(item.pending instanceof Set && item.pending.size > 0) ? item : undefined;
    }, `<${messageId}> recorded with nothing pending`);

  it('puts a mail that was stored but never processed back on its way, once', async () => {
    const messageId = `reconcile-${unique()}@customer.example.org`;
    const stored = storedButNeverAnnounced(messageId, `lena.${unique()}@customer.example.org`);
    await target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: stored.key, Body: stored.body }));

    const dry = captureOperatorIo(target);
    expect(await reconcileCommand(['--older-than', '0s', '--dry-run'], dry.io)).toBe(0);
    expect(dry.out()).toContain(`would re-queue ${stored.key}: never processed`);

    const run = captureOperatorIo(target);
    expect(await reconcileCommand(['--older-than', '0s'], run.io)).toBe(0);
    expect(run.out()).toContain(`re-queued ${stored.key}: never processed`);
    await settled(messageId);
    expect(await acknowledgementsOf(messageId)).toHaveLength(1);

    // Once recorded, it is settled: a second run re-queues nothing.
    const again = captureOperatorIo(target);
    expect(await reconcileCommand(['--older-than', '0s'], again.io)).toBe(0);
    expect(again.out()).not.toContain(stored.key);
    expect(again.out()).toMatch(/0 re-queued/);
  });

  it('leaves mail stored within --older-than alone: it may still be on its way', async () => {
    const messageId = `recent-${unique()}@customer.example.org`;
    const stored = storedButNeverAnnounced(messageId, `recent.${unique()}@customer.example.org`);
    await target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: stored.key, Body: stored.body }));
    const run = captureOperatorIo(target);
    expect(await reconcileCommand(['--older-than', '10m', '--dry-run'], run.io)).toBe(0);
    expect(run.out()).not.toContain(stored.key);
  });

  it('replay finds a never-processed mail by its Message-ID', async () => {
    const messageId = `replay-unprocessed-${unique()}@customer.example.org`;
    const stored = storedButNeverAnnounced(messageId, `ola.${unique()}@customer.example.org`);
    await target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: stored.key, Body: stored.body }));
    const run = captureOperatorIo(target);
    expect(await replayCommand([`<${messageId}>`], run.io)).toBe(0);
    expect(run.out()).toContain('no processing record (never ingested, or expired)');
    expect(run.out()).toContain(`re-queued s3://${target.bucket}/${stored.key}`);
    await settled(messageId);
    expect(await acknowledgementsOf(messageId)).toHaveLength(1);
  });

  it('rejects a --since that is not a duration, in one line', async () => {
    const run = captureOperatorIo(target);
    expect(await reconcileCommand(['--since', 'fortnight'], run.io)).toBe(1);
    expect(run.err()).toBe('reconcile: --since "fortnight" is not a duration; write it like "10m", "6h" or "14d"\n');
  });
});
