import { randomUUID } from 'node:crypto';
import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalizeMessageId, type InboundMail } from '../core/mail.js';
import { headerFields } from '../core/stored-envelope.js';
import { chooseDedupeKey, dedupeKeyFor } from '../core/message-ids.js';
import type { InboundProcessing } from '../core/records.js';
import { buildSesNotification, snsEnvelopeFor } from '../schemas/ses-notification.js';
import { keys } from './table-layout.js';
import { toProcessing } from './table-items.js';

/**
 * Reading what became of a raw mail in the bucket, and putting it back on the inbound queue
 * as SES announced it: shared by `replyline replay`, `replyline reconcile` and the local
 * runtime's reconciliation after a restart. Operator credentials or the local emulators, never
 * a function's role.
 */
export interface StoredMailStore {
  dynamo: DynamoDBDocumentClient;
  s3: S3Client;
  table: string;
  bucket: string;
}

type TableItem = Record<string, unknown>;

export async function getTableItem(store: Pick<StoredMailStore, 'dynamo' | 'table'>, key: { PK: string; SK: string }): Promise<TableItem | undefined> {
  return (await store.dynamo.send(new GetCommand({ TableName: store.table, Key: key, ConsistentRead: true }))).Item;
}

/** A processing record as stored (to delete, update or put back) and as the table's codec reads it. */
export interface StoredProcessing {
  item: TableItem;
  record: InboundProcessing;
}

/** The item under a dedupe key: an inbound mail's processing record, the link of a mail we sent, or nothing. */
async function processingUnder(store: Pick<StoredMailStore, 'dynamo' | 'table'>, dedupeKey: string): Promise<StoredProcessing | 'sent-by-us' | undefined> {
  const item = await getTableItem(store, keys.processing(dedupeKey));
  if (item?.kind === 'outbound') return 'sent-by-us';
  return item?.kind === 'inbound' ? { item, record: toProcessing(item) } : undefined;
}

/** The processing record ingest wrote for this mail, under the key ingest chooses for it (chooseDedupeKey). */
export async function findProcessing(
  store: Pick<StoredMailStore, 'dynamo' | 'table'>,
  mail: InboundMail | undefined,
  receiptId: string,
): Promise<{ dedupeKey: string; processing: StoredProcessing | undefined }> {
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;
  const byMessageId = dedupeKeyFor(mail?.messageId, receiptId);
  const prior = await processingUnder(store, byMessageId);
  const dedupeKey = chooseDedupeKey(byMessageId, prior === 'sent-by-us' ? prior : prior?.record, receiptId, customer?.address);
  const found = dedupeKey === byMessageId ? prior : await processingUnder(store, dedupeKey);
  return { dedupeKey, processing: found === 'sent-by-us' ? undefined : found };
}

/** The mail's own To and Cc: whom it was sent to when its envelope says nothing. */
export function visibleRecipients(mail: InboundMail | undefined): string[] {
  return mail ? [...new Set([...mail.to, ...mail.cc].map((address) => address.address.toLowerCase()).filter(Boolean))] : [];
}

interface StoredReceipt {
  bucket: string;
  key: string;
  receiptId: string;
  receivedAt: Date;
  envelopeSender: string;
  recipients: string[];
}

/** Puts the SES receipt notification of a stored mail on the inbound queue: ingest takes it as a (re)delivery. */
export async function queueReceipt(sqs: SQSClient, queueUrl: string, topicArn: string, receipt: StoredReceipt): Promise<void> {
  const notification = buildSesNotification({ ...receipt, topicArn });
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: snsEnvelopeFor(notification, topicArn, randomUUID(), new Date()) }));
}

/** The top of a stored mail: enough for its headers. */
const STORED_HEADER_BYTES = 256 * 1024;

export async function readStoredTop(store: Pick<StoredMailStore, 's3' | 'bucket'>, key: string): Promise<Buffer> {
  const object = await store.s3.send(new GetObjectCommand({ Bucket: store.bucket, Key: key, Range: `bytes=0-${STORED_HEADER_BYTES - 1}` }));
  return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
}

/**
 * The stored mail with this Message-ID when no record names it (it was never processed): read
 * from the headers of the stored mails, newest first, at most `limit` of them.
 */
export async function findStoredByMessageId(store: Pick<StoredMailStore, 's3' | 'bucket'>, prefix: string, messageId: string, limit: number): Promise<string | undefined> {
  const objects: { key: string; at: number }[] = [];
  for await (const page of paginateListObjectsV2({ client: store.s3 }, { Bucket: store.bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) if (object.Key) objects.push({ key: object.Key, at: object.LastModified?.getTime() ?? 0 });
  }
  for (const { key } of objects.sort((a, b) => b.at - a.at).slice(0, limit)) {
    const header = headerFields(await readStoredTop(store, key)).find(([name]) => name === 'message-id');
    if (header && normalizeMessageId(header[1]) === messageId) return key;
  }
  return undefined;
}
