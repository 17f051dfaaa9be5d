import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isLinkItem, isQuarantineItem, isThreadItem, keys, PREFIX } from '../../lambdas/adapters/table-layout.js';
import { appliedUnlessConditionFails } from '../../lambdas/adapters/dynamo-errors.js';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';
import { rawMailKey } from '../../lib/physical-names.js';
import { errorName, OperatorError, queryItems, scanItems, type Item, type OperatorTarget } from './target.js';

/**
 * `replyline export` / `replyline forget`: everything held on one customer address.
 *
 * What counts as theirs (item keys: lambdas/adapters/table-layout.ts):
 * - their threads (found by the customer index): every item of each thread's partition (thread,
 *   messages, acknowledgements, SLA emission records) and the raw mail of its messages.
 *   A thread's partition may hold mail from other people on it (someone the customer
 *   copied, the agent's answers): forgetting the customer deletes their threads whole;
 * - the Message-ID items pointing at those threads (processing records and outbound links);
 * - mail they wrote into someone else's thread (as a copied participant): the message item,
 *   its processing record and raw mail; their address is removed from that thread's
 *   participants (the thread itself stays);
 * - quarantined mail they sent (with `sender` = them) and its processing record;
 * - their acknowledgement allowance counters and suppression entry.
 *
 * Not here: the sent-log (keyed by tracking keys, no personal data); other people's raw mail that
 * merely names the address (e.g. in its Cc header); messages waiting in queues or DLQs;
 * DynamoDB point-in-time-recovery backups (kept up to 35 days); CloudWatch logs (addresses masked).
 *
 * `forget` deletes raw objects first and thread items last, so an interrupted run is
 * finished by running it again; then it writes only a tombstone keyed by the SHA-256 of the
 * lowercased address, with dates and counts.
 */

type Key = { PK: string; SK: string };

interface RawMailRef {
  bucket: string;
  key: string;
}

interface ThreadData {
  ref: string;
  /** All items of the thread's partition, the thread item included. */
  items: Item[];
  /** Message-ID items pointing at the thread (processing records, outbound links). */
  links: Item[];
}

interface CustomerData {
  address: string;
  threads: ThreadData[];
  quarantine: { records: Item[]; processing: Item[] };
  elsewhere: { messages: Item[]; processing: Item[]; participantOf: Item[] };
  suppression: Item[];
  rateLimits: Item[];
  rawMail: RawMailRef[];
}

/** Pure: lowercased, trimmed; throws on anything that is not an address. */
export function normalizeAddress(value: string | undefined): string {
  const address = (value ?? '').trim().toLowerCase();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) throw new OperatorError(`give the customer's e-mail address, e.g. jane@example.org${value ? `; got "${value}"` : ''}`);
  return address;
}


async function collectCustomerData(target: OperatorTarget, rawAddress: string): Promise<CustomerData> {
  const address = normalizeAddress(rawAddress);
  const refs = new Set(await customerThreadRefs(target, address));
  const scanned = await scanForCustomer(target, address);
  for (const item of scanned) if (item.kind === 'thread' && lower(item.customerAddress) === address) refs.add(String(item.ref));

  const threads: ThreadData[] = [];
  for (const ref of [...refs].sort()) {
    const items = await queryAll(target, { PK: keys.thread(ref).PK });
    const links = scanned.filter((item) => isLinkItem(item) && item.threadRef === ref);
    if (items.length || links.length) threads.push({ ref, items, links });
  }
  const ownPartitions = new Set([...refs].map((ref) => keys.thread(ref).PK));
  const isLinkOfOwnThread = (item: Item) => typeof item.threadRef === 'string' && refs.has(item.threadRef);
  const theirProcessing = scanned.filter((item) => isLinkItem(item) && item.kind === 'inbound' && lower(item.sender) === address && !isLinkOfOwnThread(item));
  const quarantine = {
    records: scanned.filter((item) => isQuarantineItem(item) && lower(item.sender) === address),
    processing: theirProcessing.filter((item) => typeof item.threadRef !== 'string'),
  };
  const elsewhere = {
    messages: scanned.filter((item) => item.kind === 'message' && lower(item.from) === address && !ownPartitions.has(String(item.PK))),
    processing: theirProcessing.filter((item) => typeof item.threadRef === 'string'),
    participantOf: scanned.filter((item) => item.kind === 'thread' && !refs.has(String(item.ref)) && participantsOf(item).includes(address)),
  };
  const suppressionItem = (await target.dynamo.send(new GetCommand({ TableName: target.table, Key: keys.suppression(address), ConsistentRead: true }))).Item;
  const rateLimits = await queryAll(target, { PK: keys.ackAllowances(address) });

  const rawMail = new Map<string, RawMailRef>();
  const addRaw = (value: unknown) => {
    const ref = value as Partial<RawMailRef> | undefined;
    if (ref && typeof ref.bucket === 'string' && typeof ref.key === 'string') rawMail.set(`${ref.bucket}/${ref.key}`, { bucket: ref.bucket, key: ref.key });
  };
  for (const thread of threads) for (const item of thread.items) addRaw(item.rawMail);
  for (const item of [...quarantine.records, ...elsewhere.messages]) addRaw(item.rawMail);
  // Processing records name the receipt; SES stored the mail under inbound/<receipt id>.
  for (const item of [...threads.flatMap((thread) => thread.links), ...quarantine.processing, ...elsewhere.processing]) {
    if (item.kind === 'inbound' && typeof item.receiptId === 'string' && item.receiptId) addRaw({ bucket: target.bucket, key: rawMailKey(item.receiptId) });
  }
  return { address, threads, quarantine, elsewhere, suppression: suppressionItem ? [suppressionItem] : [], rateLimits, rawMail: [...rawMail.values()] };
}

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
const participantsOf = (item: Item) => (Array.isArray(item.participants) ? item.participants.map((value) => String(value).toLowerCase()) : []);

async function customerThreadRefs(target: OperatorTarget, address: string): Promise<string[]> {
  const { customerIndex } = TABLE_KEYS;
  const items = await queryItems(target, {
    IndexName: customerIndex.name,
    KeyConditionExpression: '#pk = :customer',
    ExpressionAttributeNames: { '#pk': customerIndex.partitionKey },
    ExpressionAttributeValues: { ':customer': keys.customer(address) },
  });
  return items.flatMap((item) => (typeof item.ref === 'string' ? [item.ref] : []));
}

/** One pass over the table: the items that cannot be reached by key (links, quarantine by day, mail in other threads). */
async function scanForCustomer(target: OperatorTarget, address: string): Promise<Item[]> {
  return scanItems(target, {
    FilterExpression:
      '(begins_with(PK, :mid) AND (attribute_exists(threadRef) OR sender = :address)) OR (begins_with(PK, :quarantine) AND sender = :address) ' +
      'OR (#kind = :message AND #from = :address) OR (#kind = :thread AND (customerAddress = :address OR contains(participants, :address)))',
    ExpressionAttributeNames: { '#kind': 'kind', '#from': 'from' },
    ExpressionAttributeValues: { ':mid': PREFIX.link, ':quarantine': PREFIX.quarantine, ':message': 'message', ':thread': 'thread', ':address': address },
  });
}

function queryAll(target: OperatorTarget, key: { PK: string }): Promise<Item[]> {
  return queryItems(target, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key.PK }, ConsistentRead: true });
}

interface CustomerCounts {
  threads: number;
  threadItems: number;
  links: number;
  quarantined: number;
  messagesInOtherThreads: number;
  removedFromParticipants: number;
  suppression: number;
  rateLimits: number;
  rawMail: number;
}

function countsOf(data: CustomerData): CustomerCounts {
  return {
    threads: data.threads.filter((thread) => thread.items.some(isThreadItem)).length,
    threadItems: data.threads.reduce((sum, thread) => sum + thread.items.length, 0),
    links: data.threads.reduce((sum, thread) => sum + thread.links.length, 0),
    quarantined: data.quarantine.records.length,
    messagesInOtherThreads: data.elsewhere.messages.length,
    removedFromParticipants: data.elsewhere.participantOf.length,
    suppression: data.suppression.length,
    rateLimits: data.rateLimits.length,
    rawMail: data.rawMail.length,
  };
}

const NOT_COVERED = [
  'messages waiting in SQS queues or dead-letter queues (redrive or purge them first)',
  'DynamoDB point-in-time-recovery backups (kept up to 35 days)',
  'CloudWatch logs (addresses are masked there) and the sent-log (hashes only)',
  "other people's raw mail that merely names the address, e.g. in its Cc header",
];

// ---------------------------------------------------------------- export

interface ExportSummary {
  directory: string;
  counts: CustomerCounts & { rawMailWritten: number; rawMailMissing: number };
  files: number;
}

/** Pure: a safe relative path for a raw-mail object (`inbound/abc` → `inbound/abc.eml`); never leaves the directory. */
export function mailFileName(ref: RawMailRef, defaultBucket: string): string {
  const segments = [...(ref.bucket === defaultBucket ? [] : [ref.bucket]), ...ref.key.split('/')]
    .map((segment) => segment.replace(/[^A-Za-z0-9._+@=-]/g, '_'))
    .filter((segment) => segment && segment !== '.' && segment !== '..')
    .map((segment) => (/^\.+$/.test(segment) ? '_' : segment));
  return `${segments.join('/') || '_'}.eml`;
}

/** Pure: JSON for export files (DynamoDB sets as sorted arrays, binary as base64). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(
    value,
    (_key, inner: unknown) => {
      if (inner instanceof Set) return [...(inner as Set<unknown>)].sort();
      if (inner instanceof Uint8Array) return Buffer.from(inner).toString('base64');
      return inner;
    },
    2,
  )}\n`;
}

export async function exportCustomer(target: OperatorTarget, rawAddress: string, directory: string, now = new Date()): Promise<ExportSummary> {
  const address = normalizeAddress(rawAddress);
  prepareDirectory(directory);
  const data = await collectCustomerData(target, address);
  let files = 0;
  const write = (relative: string, content: string | Uint8Array) => {
    const path = join(directory, relative);
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, content, { mode: 0o600 });
    } catch (error) {
      throw new OperatorError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    files++;
  };

  for (const thread of data.threads) {
    write(join('threads', `${thread.ref.replace(/[^A-Za-z0-9-]/g, '_')}.json`), toJson({ ref: thread.ref, thread: thread.items.find(isThreadItem) ?? null, items: thread.items, links: thread.links }));
  }
  let rawMailWritten = 0;
  const missing: RawMailRef[] = [];
  for (const ref of data.rawMail) {
    const body = await readRaw(target, ref);
    if (!body) {
      missing.push(ref);
      continue;
    }
    write(join('mail', mailFileName(ref, target.bucket)), body);
    rawMailWritten++;
  }
  write('quarantine.json', toJson(data.quarantine));
  write('suppression.json', toJson(data.suppression));
  write('rate-limits.json', toJson(data.rateLimits));
  write('other-threads.json', toJson({ messages: data.elsewhere.messages, processing: data.elsewhere.processing, participantOf: data.elsewhere.participantOf.map((item) => item.ref) }));
  const counts = { ...countsOf(data), rawMailWritten, rawMailMissing: missing.length };
  write(
    'summary.json',
    toJson({
      address,
      exportedAt: now.toISOString(),
      source: target.label,
      counts,
      threads: data.threads.map((thread) => thread.ref),
      rawMailMissing: missing.map((ref) => `s3://${ref.bucket}/${ref.key} (expired or already deleted)`),
      notCovered: NOT_COVERED,
    }),
  );
  return { directory, counts, files };
}

function prepareDirectory(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (readdirSync(directory).length > 0) throw new OperatorError(`${directory} is not empty; give a new directory with --out`);
  } catch (error) {
    if (error instanceof OperatorError) throw error;
    throw new OperatorError(`cannot use ${directory} as the export directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readRaw(target: OperatorTarget, ref: RawMailRef): Promise<Uint8Array | undefined> {
  try {
    const object = await target.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    return object.Body ? await object.Body.transformToByteArray() : undefined;
  } catch (error) {
    if (errorName(error) === 'NoSuchKey' || errorName(error) === 'NotFound') return undefined;
    throw error;
  }
}

// ---------------------------------------------------------------- forget

interface ForgetSummary {
  counts: CustomerCounts & { itemsDeleted: number };
  tombstone: Key;
  /** This address had been forgotten before (the tombstone existed). */
  again: boolean;
}

export async function forgetCustomer(target: OperatorTarget, rawAddress: string, now = new Date()): Promise<ForgetSummary> {
  const address = normalizeAddress(rawAddress);
  const data = await collectCustomerData(target, address);
  const counts = countsOf(data);

  // 1. Raw mail first: its locations are only known from the items deleted below.
  for (const ref of data.rawMail) await target.s3.send(new DeleteObjectCommand({ Bucket: ref.bucket, Key: ref.key }));

  // 2. Everything but the thread items; 3. the thread items last (they are how a re-run finds the rest).
  const keyOf = (item: Item): Key => ({ PK: String(item.PK), SK: String(item.SK) });
  const first = [
    ...data.threads.flatMap((thread) => [...thread.links, ...thread.items.filter((item) => !isThreadItem(item))]),
    ...data.quarantine.records,
    ...data.quarantine.processing,
    ...data.elsewhere.messages,
    ...data.elsewhere.processing,
    ...data.rateLimits,
    ...data.suppression,
  ].map(keyOf);
  const last = data.threads.flatMap((thread) => thread.items.filter(isThreadItem)).map(keyOf);
  await batchDelete(target, first);
  await batchDelete(target, last);

  // 4. Their address out of other threads they were copied on.
  for (const thread of data.elsewhere.participantOf) await removeParticipant(target, String(thread.ref), address);

  // 5. The tombstone: a hash, dates and counts; never the address.
  const tombstone = keys.tombstone(address);
  const itemsDeleted = first.length + last.length;
  const result = await target.dynamo.send(
    new UpdateCommand({
      TableName: target.table,
      Key: tombstone,
      UpdateExpression:
        'SET #kind = :kind, firstForgottenAt = if_not_exists(firstForgottenAt, :now), lastForgottenAt = :now ' +
        'ADD runs :one, threadsDeleted :threads, itemsDeleted :items, rawMailDeleted :raw',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':kind': 'tombstone', ':now': now.toISOString(), ':one': 1, ':threads': counts.threads, ':items': itemsDeleted, ':raw': counts.rawMail },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  return { counts: { ...counts, itemsDeleted }, tombstone, again: result.Attributes?.runs !== undefined };
}

async function batchDelete(target: OperatorTarget, itemKeys: Key[]): Promise<void> {
  const unique = [...new Map(itemKeys.map((key) => [`${key.PK}\u0000${key.SK}`, key])).values()];
  for (let offset = 0; offset < unique.length; offset += 25) {
    let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] = unique
      .slice(offset, offset + 25)
      .map((key) => ({ DeleteRequest: { Key: key } }));
    for (let round = 0; requests.length > 0; round++) {
      if (round === 8) throw new OperatorError('DynamoDB kept deletes unprocessed (throttled); run forget again to finish');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** round));
      const result = await target.dynamo.send(new BatchWriteCommand({ RequestItems: { [target.table]: requests } }));
      requests = result.UnprocessedItems?.[target.table] ?? [];
    }
  }
}

/** Conditional on the thread's version (bumped), like every thread write: a concurrent ingest re-reads instead of writing the address back. */
async function removeParticipant(target: OperatorTarget, ref: string, address: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const item = (await target.dynamo.send(new GetCommand({ TableName: target.table, Key: keys.thread(ref), ConsistentRead: true }))).Item;
    if (!item || !Array.isArray(item.participants)) return;
    const remaining = item.participants.filter((value) => String(value).toLowerCase() !== address);
    if (remaining.length === item.participants.length) return;
    const removed = await appliedUnlessConditionFails(
      target.dynamo.send(
        new UpdateCommand({
          TableName: target.table,
          Key: keys.thread(ref),
          UpdateExpression: 'SET participants = :participants, version = :next',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':participants': remaining, ':version': item.version, ':next': Number(item.version ?? 0) + 1 },
        }),
      ),
    );
    if (removed) return;
  }
  throw new OperatorError(`thread ${ref} kept changing; run forget again to remove the address from its participants`);
}

/** Pure: what `export` prints. */
export function formatExport(summary: ExportSummary): string {
  const { counts } = summary;
  return [
    `exported to ${summary.directory} (${summary.files} files):`,
    `  threads ${counts.threads} (${counts.threadItems} items, ${counts.links} message-id records), raw mails ${counts.rawMailWritten}${counts.rawMailMissing ? ` (${counts.rawMailMissing} already gone)` : ''}`,
    `  quarantined ${counts.quarantined}, messages in other threads ${counts.messagesInOtherThreads}, suppression ${counts.suppression}, rate-limit counters ${counts.rateLimits}`,
  ].join('\n');
}

/** Pure: what `forget` prints (counts only: the address is not repeated). */
export function formatForget(summary: ForgetSummary): string {
  const { counts } = summary;
  const nothing = counts.itemsDeleted === 0 && counts.rawMail === 0 && counts.removedFromParticipants === 0;
  return [
    nothing ? `nothing held on this address${summary.again ? ' (it was forgotten before)' : ''}` : 'forgotten:',
    ...(nothing
      ? []
      : [
          `  threads ${counts.threads} (${counts.threadItems} items, deleted whole, including mail from others on them), message-id records ${counts.links}`,
          `  quarantined ${counts.quarantined}, messages in other threads ${counts.messagesInOtherThreads}, removed from participants of ${counts.removedFromParticipants} thread(s)`,
          `  suppression ${counts.suppression}, rate-limit counters ${counts.rateLimits}, raw mails ${counts.rawMail}; ${counts.itemsDeleted} items in all`,
        ]),
    `tombstone ${summary.tombstone.PK} records the date and counts (no address)`,
  ].join('\n');
}
