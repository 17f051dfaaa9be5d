import { paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reconcileAction, type ReconcileAction } from '../core/reconcile.js';
import { envelopeHints, headerFields } from '../core/stored-envelope.js';
import { TaskPool } from '../core/task-pool.js';
import { parseMail } from './mail-parser.js';
import { findProcessing, queueReceipt, readStoredTop, visibleRecipients, type StoredMailStore, type StoredProcessing } from './stored-mail.js';

/**
 * Reconciliation: every raw mail in the bucket ends in a recorded state. SES stores a mail before
 * it announces it, so a lost announcement (an SNS or queue outage, a local queue that lived in
 * memory) leaves a stored mail that nobody processed, or a processed one whose side effects are
 * still owed. This finds them and puts them back on the normal path.
 */
interface ReconcileTarget extends StoredMailStore {
  sqs: SQSClient;
  inboundQueueUrl: string;
  topicArn: string;
  /** Where SES stores received mail in the bucket (each object named by its receipt id). */
  rawMailPrefix: string;
}

interface ReconcileOptions {
  /** Only mail stored before this: what arrived later is still on its way through the queue. */
  storedBefore: Date;
  /** Only mail stored at or after this (default: all). */
  storedSince?: Date | undefined;
  /** The queues' messages are known to be gone (the local queues after a restart): owed deliveries are routed again. */
  queuesLost: boolean;
  /** Say what would be done, and do nothing. */
  dryRun?: boolean;
  concurrency?: number;
}

interface ReconciledMail {
  key: string;
  action: Exclude<ReconcileAction, { kind: 'settled' }>;
}

export interface ReconcileReport {
  examined: number;
  settled: number;
  /** Re-queued for ingest, or routed again (done unless `dryRun`). */
  redone: ReconciledMail[];
  /** Owed, but on a durable queue: listed for the operator. */
  awaiting: ReconciledMail[];
  failed: { key: string; error: string }[];
}

export async function reconcileStoredMail(target: ReconcileTarget, options: ReconcileOptions): Promise<ReconcileReport> {
  const report: ReconcileReport = { examined: 0, settled: 0, redone: [], awaiting: [], failed: [] };
  const pool = new TaskPool(options.concurrency ?? 8);
  for await (const page of paginateListObjectsV2({ client: target.s3 }, { Bucket: target.bucket, Prefix: target.rawMailPrefix })) {
    for (const object of page.Contents ?? []) {
      const stored = object.LastModified;
      if (!object.Key || !stored || stored >= options.storedBefore || (options.storedSince && stored < options.storedSince)) continue;
      const key = object.Key;
      report.examined++;
      await pool.run(() =>
        reconcileOne(target, key, stored, options).then(
          (outcome) => {
            if (outcome.action.kind === 'settled') report.settled++;
            else if (outcome.action.kind === 'awaiting-delivery') report.awaiting.push({ key, action: outcome.action });
            else report.redone.push({ key, action: outcome.action });
          },
          (error: unknown) => void report.failed.push({ key, error: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
  }
  await pool.drain();
  return report;
}

async function reconcileOne(target: ReconcileTarget, key: string, storedAt: Date, options: ReconcileOptions): Promise<{ action: ReconcileAction }> {
  // The headers are all reconciling reads.
  const top = await readStoredTop(target, key);
  const receiptId = key.slice(target.rawMailPrefix.length);
  const mail = await parseMail(top).catch(() => undefined);
  const { processing } = await findProcessing(target, mail, receiptId);
  const action = reconcileAction(processing?.record, options.queuesLost);
  if (options.dryRun || action.kind === 'settled' || action.kind === 'awaiting-delivery') return { action };

  if (action.kind === 'reroute' && processing && !(await oweRouteAgain(target, processing))) return { action: { kind: 'settled' } };
  const hints = envelopeHints(headerFields(top));
  const recipients = hints.recipients.length ? hints.recipients : visibleRecipients(mail);
  if (!recipients.length) throw new Error('cannot tell whom it was sent to (no Received "for", X-Original-To or To); replay it with --to ADDRESS');
  await queueReceipt(target.sqs, target.inboundQueueUrl, target.topicArn, {
    bucket: target.bucket,
    key,
    receiptId,
    receivedAt: hints.receivedAt ?? storedAt,
    envelopeSender: hints.envelopeSender ?? processing?.record.sender ?? mail?.from?.address ?? '',
    recipients,
  });
  return { action };
}

/**
 * Makes `route` owed again on a mail whose delivery is owed, so ingest sends its routing message
 * once more; the deliver function's claim and the sent-log keep the team from getting it twice.
 * False when the record changed meanwhile (delivered, or routed again by another run).
 */
async function oweRouteAgain(target: ReconcileTarget, processing: StoredProcessing): Promise<boolean> {
  try {
    await target.dynamo.send(
      new UpdateCommand({
        TableName: target.table,
        Key: { PK: processing.item.PK, SK: processing.item.SK },
        UpdateExpression: 'ADD pending :route',
        ConditionExpression: '(contains(pending, :deliver) OR contains(pending, :announced)) AND NOT contains(pending, :routeName)',
        ExpressionAttributeValues: { ':route': new Set(['route']), ':routeName': 'route', ':deliver': 'deliver', ':announced': 'announce-routed' },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
