import { reasonCodes, type Reason } from '../../lambdas/schemas/reasons.js';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys, linkedIdOf, PREFIX } from '../../lambdas/adapters/table-layout.js';
import { findProcessing, findStoredByMessageId, getTableItem, queueReceipt, visibleRecipients } from '../../lambdas/adapters/stored-mail.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { normalizeMessageId } from '../../lambdas/core/mail.js';
import { dedupeKeyFor, receiptDedupeKey } from '../../lambdas/core/message-ids.js';
import { envelopeHints, headerFields } from '../../lambdas/core/stored-envelope.js';
import type { Disposition } from '../../lambdas/schemas/vocabulary.js';
import { RAW_MAIL_PREFIX, rawMailKey } from '../../lib/physical-names.js';
import { errorName, OperatorError, queryItems, queueNameOf, type Item, type OperatorTarget } from './target.js';

/**
 * `replyline replay <messageId|s3-key>`: re-ingests a stored mail by putting the same
 * SES receipt notification on the inbound queue, so it takes the normal path with all
 * its guarantees. Ingest is idempotent: a mail that was fully processed changes nothing.
 * `--force` is for mail quarantined by mistake (e.g. before a parser fix): it deletes
 * that mail's quarantine records first, so ingest decides again. It is refused for a
 * threaded mail, which would otherwise open a second thread.
 */


type ReplayArg = { kind: 's3'; bucket: string | undefined; key: string } | { kind: 'id'; id: string };

/** Pure: an S3 key (`inbound/…`, `s3://bucket/key`) or an identifier (Message-ID, with or without <>, or an SES receipt id). */
export function classifyReplayArg(arg: string): ReplayArg {
  const value = arg.trim();
  if (!value) throw new OperatorError('give a Message-ID, an SES receipt id or the S3 key of a stored mail (inbound/<receipt id>)');
  const url = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
  if (url) return { kind: 's3', bucket: url[1], key: url[2]! };
  if (value.startsWith('s3://')) throw new OperatorError(`expected s3://BUCKET/KEY, got "${value}"`);
  // Message-IDs may contain "/", but always an "@"; stored keys never do.
  if (!value.includes('@') && value.includes('/')) return { kind: 's3', bucket: undefined, key: value.replace(/^\/+/, '') };
  const id = normalizeMessageId(value);
  if (!id) throw new OperatorError(`"${value}" is not a Message-ID`);
  return { kind: 'id', id };
}

interface ReplayOptions {
  force?: boolean;
  /** Envelope recipients to use instead of what the stored mail says. */
  to?: string[];
}

interface PreviousDecision {
  dedupeKey: string;
  disposition: Disposition;
  threadRef: string | undefined;
  reasons: Reason[];
  pending: string[];
}

interface ReplayResult {
  bucket: string;
  key: string;
  receiptId: string;
  messageId: string | undefined;
  receivedAt: Date;
  recipients: string[];
  previous: PreviousDecision | undefined;
  /** --force deleted these records before re-queueing. */
  deleted: string[];
  queue: string;
}

interface Located {
  bucket: string;
  key: string;
  /** From the processing record, when found through it; else the object's name (SES names it by receipt id). */
  receiptId?: string | undefined;
}

export async function replay(target: OperatorTarget, arg: string, options: ReplayOptions = {}): Promise<ReplayResult> {
  const parsed = classifyReplayArg(arg);
  const located = await locate(target, parsed);
  const receiptId = located.receiptId ?? located.key.split('/').pop()!;

  const raw = await readObject(target, located);
  const mail = await parseMail(raw.body).catch(() => undefined);
  const hints = envelopeHints(headerFields(raw.body));
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;

  const { dedupeKey, processing } = await findProcessing(target, mail, receiptId);
  const record = processing?.record;

  const quarantine = processing?.record.disposition === 'quarantine' ? await quarantineItem(target, processing.item) : undefined;
  const message = record?.threadRef ? await messageItem(target, record.threadRef, dedupeKey) : undefined;
  const receivedAt = dateOf(quarantine?.receivedAt) ?? dateOf(message?.at) ?? hints.receivedAt ?? raw.lastModified ?? new Date();
  const recipients = options.to?.length ? options.to.map((address) => address.trim().toLowerCase()) : hints.recipients.length ? hints.recipients : visibleRecipients(mail);
  if (recipients.length === 0) throw new OperatorError(`cannot tell whom s3://${located.bucket}/${located.key} was sent to; pass --to ADDRESS`);
  const envelopeSender = hints.envelopeSender ?? record?.sender ?? customer?.address ?? '';

  const previous: PreviousDecision | undefined = record && { dedupeKey, disposition: record.disposition, threadRef: record.threadRef, reasons: record.reasons, pending: record.pending };

  const deleted: string[] = [];
  let restore: Item[] = [];
  if (options.force) {
    if (!processing || !previous) throw new OperatorError('--force: this mail has no processing record (never ingested, or expired); replay it without --force');
    if (previous.disposition !== 'quarantine' || previous.threadRef) {
      throw new OperatorError(
        `refusing --force: this mail was threaded (${previous.disposition}${previous.threadRef ? ` in ${previous.threadRef}` : ''}); deciding again would open a second thread. Replay it without --force.`,
      );
    }
    restore = [processing.item, ...(quarantine ? [quarantine] : [])];
    await deleteQuarantine(target, processing.item, quarantine, receiptId);
    deleted.push(`processing record ${keys.messageLink(dedupeKey).PK}`, ...(quarantine ? [`quarantine record ${String(quarantine.PK)} / ${String(quarantine.SK)}`] : []));
  }

  try {
    await queueReceipt(target.sqs, target.inbound.url, target.topicArn, { receiptId, receivedAt, envelopeSender, recipients, bucket: located.bucket, key: located.key });
  } catch (error) {
    // Nothing was queued: put back what --force removed, so the mail is not left undecided.
    for (const item of restore) await target.dynamo.send(new PutCommand({ TableName: target.table, Item: item })).catch(() => undefined);
    throw error;
  }
  return { bucket: located.bucket, key: located.key, receiptId, messageId: mail?.messageId, receivedAt, recipients, previous, deleted, queue: queueNameOf(target.inbound.url) };
}

/** Pure: what `replay` prints. */
export function formatReplay(result: ReplayResult): string {
  const lines: string[] = [];
  const { previous } = result;
  if (result.deleted.length) {
    lines.push(`--force: deleted the ${result.deleted.join(' and the ')}, so ingest decides again`);
    if (previous?.reasons.length) lines.push(`  it was quarantined for: ${reasonCodes(previous.reasons).join(', ')}`);
  } else if (previous) {
    lines.push(
      `already processed: ${previous.disposition}${previous.threadRef ? ` in ${previous.threadRef}` : ''}. Replaying changes nothing (ingest is idempotent: no second thread, acknowledgement or forward).`,
    );
    if (previous.pending.length) lines.push(`  unfinished side effects will be completed: ${previous.pending.join(', ')}`);
    if (previous.disposition === 'quarantine') lines.push('  it stays quarantined; if that was a mistake that is fixed now, replay with --force to decide again');
  } else {
    lines.push('no processing record (never ingested, or expired): ingest decides as for a newly received mail');
  }
  lines.push(
    `re-queued s3://${result.bucket}/${result.key} (receipt ${result.receiptId}${result.messageId ? `, Message-ID <${result.messageId}>` : ''}, received ${result.receivedAt.toISOString()}, to ${result.recipients.join(', ')}) on ${result.queue}`,
  );
  return lines.join('\n');
}

/** How many stored mails, newest first, a Message-ID no record names is looked for among. */
const UNPROCESSED_SEARCH_LIMIT = 5000;

async function locate(target: OperatorTarget, arg: ReplayArg): Promise<Located> {
  if (arg.kind === 's3') return { bucket: arg.bucket ?? target.bucket, key: arg.key };
  const { id } = arg;
  const link = (await getTableItem(target, keys.messageLink(dedupeKeyFor(id, '')))) ?? (await getTableItem(target, keys.messageLink(receiptDedupeKey(id))));
  if (link?.kind === 'outbound') {
    throw new OperatorError(`<${id}> is a mail Replyline sent (thread ${String(link.threadRef)}), not a received one; nothing to replay`);
  }
  if (link?.kind === 'inbound' && typeof link.receiptId === 'string') {
    // The exact location the record points at (SES names objects by receipt id under inbound/).
    if (link.disposition === 'quarantine') {
      const quarantine = await quarantineItem(target, link);
      const rawMail = quarantine?.rawMail as Located | undefined;
      if (rawMail?.bucket && rawMail.key) return { bucket: rawMail.bucket, key: rawMail.key, receiptId: link.receiptId };
    } else if (typeof link.threadRef === 'string') {
      const message = await messageItem(target, link.threadRef, linkedIdOf(link));
      const rawMail = message?.rawMail as Located | undefined;
      if (rawMail?.bucket && rawMail.key) return { bucket: rawMail.bucket, key: rawMail.key, receiptId: link.receiptId };
    }
    return { bucket: target.bucket, key: rawMailKey(link.receiptId), receiptId: link.receiptId };
  }
  // An SES receipt id: the object SES stored under it.
  if (!id.includes('@') && (await objectExists(target, { bucket: target.bucket, key: rawMailKey(id) }))) return { bucket: target.bucket, key: rawMailKey(id) };
  // A Message-ID no record names: a mail stored but never processed (its announcement was lost).
  const unprocessed = id.includes('@') ? await findStoredByMessageId(target, RAW_MAIL_PREFIX, id, UNPROCESSED_SEARCH_LIMIT) : undefined;
  if (unprocessed) return { bucket: target.bucket, key: unprocessed };
  throw new OperatorError(
    `no stored mail for "${id}": no processing record with that Message-ID or receipt id, no object ${rawMailKey(id)} in ${target.bucket}, and none of its newest ${UNPROCESSED_SEARCH_LIMIT} stored mails has that Message-ID. (Records and raw mail expire after the configured retention; a forgotten customer's mail is gone.)`,
  );
}

async function readObject(target: OperatorTarget, located: Located): Promise<{ body: Buffer; lastModified: Date | undefined }> {
  try {
    const object = await target.s3.send(new GetObjectCommand({ Bucket: located.bucket, Key: located.key }));
    if (!object.Body) throw new OperatorError(`s3://${located.bucket}/${located.key} is empty`);
    return { body: Buffer.from(await object.Body.transformToByteArray()), lastModified: object.LastModified };
  } catch (error) {
    if (errorName(error) === 'NoSuchKey' || errorName(error) === 'NotFound') {
      throw new OperatorError(`no stored mail at s3://${located.bucket}/${located.key} (a typo, or expired by the retention lifecycle, or forgotten)`);
    }
    throw error;
  }
}

async function objectExists(target: OperatorTarget, located: Located): Promise<boolean> {
  try {
    await target.s3.send(new HeadObjectCommand({ Bucket: located.bucket, Key: located.key }));
    return true;
  } catch (error) {
    if (errorName(error) === 'NotFound' || errorName(error) === 'NoSuchKey') return false;
    throw error;
  }
}

async function messageItem(target: OperatorTarget, threadRef: string, dedupeKey: string): Promise<Item | undefined> {
  const found = await queryItems(
    target,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)',
      FilterExpression: 'dedupeKey = :key',
      ExpressionAttributeValues: { ':pk': keys.thread(threadRef).PK, ':msg': PREFIX.message, ':key': dedupeKey },
    },
    firstMatch,
  );
  return found[0];
}

const firstMatch = (items: Item[]) => items.length > 0;

/** How far before its processing a quarantined mail can have been received (SQS keeps a message up to 14 days). */
const QUARANTINE_LOOKBACK_DAYS = 15;

/** The quarantine item of a processing record: under the day it was received, at most two weeks before it was processed. */
async function quarantineItem(target: OperatorTarget, processing: Item): Promise<Item | undefined> {
  const processedAt = dateOf(processing.createdAt) ?? new Date();
  for (let day = 0; day <= QUARANTINE_LOOKBACK_DAYS; day++) {
    const date = new Date(processedAt.getTime() - day * 86_400_000).toISOString().slice(0, 10);
    const [found] = await queryItems(
      target,
      { KeyConditionExpression: 'PK = :pk', FilterExpression: 'receiptId = :receipt', ExpressionAttributeValues: { ':pk': keys.quarantineDay(date), ':receipt': processing.receiptId } },
      firstMatch,
    );
    if (found) return found;
  }
  return undefined;
}

async function deleteQuarantine(target: OperatorTarget, processing: Item, quarantine: Item | undefined, receiptId: string): Promise<void> {
  try {
    await target.dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: target.table,
              Key: { PK: processing.PK, SK: processing.SK },
              // Only while it is still this mail's quarantine decision.
              ConditionExpression: 'disposition = :quarantine AND receiptId = :receipt AND attribute_not_exists(threadRef)',
              ExpressionAttributeValues: { ':quarantine': 'quarantine', ':receipt': receiptId },
            },
          },
          ...(quarantine ? [{ Delete: { TableName: target.table, Key: { PK: quarantine.PK, SK: quarantine.SK } } }] : []),
        ],
      }),
    );
  } catch (error) {
    if (errorName(error) === 'TransactionCanceledException') throw new OperatorError('the processing record changed meanwhile (no longer this quarantine decision); nothing deleted, nothing queued');
    throw error;
  }
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
