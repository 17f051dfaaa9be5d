import { reconcileStoredMail, type ReconcileReport } from '../../lambdas/adapters/reconcile.js';
import { parseDuration } from '../../lambdas/schemas/sla-config.js';
import { RAW_MAIL_PREFIX } from '../../lib/physical-names.js';
import { OperatorError, type OperatorTarget } from './target.js';

/**
 * `replyline reconcile`: finds stored mail that never reached a recorded state (an SES
 * announcement lost in an SNS or queue outage) or whose side effects are still owed, and puts it
 * back on the inbound queue. Mail stored within `--older-than` is left alone: it may still be on
 * its way. A deployed team queue is durable, so a routed mail whose delivery is owed is listed,
 * not routed again (it waits on that queue or in its dead-letter queue: see redrive).
 */
interface ReconcileRequest {
  since: string | undefined;
  olderThan: string | undefined;
  dryRun: boolean;
  now: Date;
}

/** By default: what the inbound queue could still have held (SQS keeps a message 14 days). */
const DEFAULT_SINCE = '14d';
const DEFAULT_OLDER_THAN = '10m';

function durationOption(name: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new OperatorError(`--${name} "${text}" is not a duration; write it like "10m", "6h" or "14d"`);
  return ms;
}

export async function reconcile(target: OperatorTarget, request: ReconcileRequest): Promise<ReconcileReport> {
  const since = durationOption('since', request.since ?? DEFAULT_SINCE);
  const olderThan = durationOption('older-than', request.olderThan ?? DEFAULT_OLDER_THAN);
  return reconcileStoredMail(
    { dynamo: target.dynamo, s3: target.s3, sqs: target.sqs, table: target.table, bucket: target.bucket, inboundQueueUrl: target.inbound.url, topicArn: target.topicArn, rawMailPrefix: RAW_MAIL_PREFIX },
    { storedSince: new Date(request.now.getTime() - since), storedBefore: new Date(request.now.getTime() - olderThan), queuesLost: false, dryRun: request.dryRun },
  );
}

/** Pure: what `reconcile` prints. */
export function formatReconcile(report: ReconcileReport, dryRun: boolean): string {
  const lines = [`examined ${report.examined} stored mails: ${report.settled} settled, ${report.redone.length} ${dryRun ? 'to re-queue' : 're-queued'}, ${report.awaiting.length} awaiting delivery, ${report.failed.length} unreadable`];
  for (const { key, action } of report.redone) lines.push(`  ${dryRun ? 'would re-queue' : 're-queued'} ${key}: ${action.why}`);
  for (const { key, action } of report.awaiting) lines.push(`  awaiting delivery ${key}: ${action.why}`);
  for (const { key, error } of report.failed) lines.push(`  could not reconcile ${key}: ${error}`);
  if (report.awaiting.length) lines.push('Mail awaiting delivery is on its team queue or in its dead-letter queue: `replyline redrive --queue <team>` after a fix.');
  return lines.join('\n');
}
