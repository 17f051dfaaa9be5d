import { randomBytes } from 'node:crypto';
import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createTransport } from 'nodemailer';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.js';
import { TABLE_KEYS } from '../lambdas/schemas/env.js';
import type { Emulators } from '../local/emulators.js';
import { startInstance, type FunctionName } from '../local/instance.js';
import { observeLogs } from '../lambdas/adapters/logger.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { startRequestCounter, type CountedCall } from './request-counter.js';
import { sleep, type BenchOptions, type BenchSection, type BenchTable } from './support.js';

const CONFIG = 'replyline.config.json';

/**
 * AWS list prices, us-east-1, on-demand, no free tier, as of 2026-11-24. Sources:
 * aws.amazon.com/{lambda,dynamodb,sqs,sns,eventbridge,s3,cloudwatch,xray}/pricing;
 * SES à la carte from aws.amazon.com/ses/pricing and the AWS Price List API
 * (AmazonSES, us-east-1, publication 2026-07-22).
 */
export const PRICES = {
  asOf: '2026-11-24',
  region: 'us-east-1',
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoStorageGbMonth: 0.25,
  sqsRequest: 0.4 / 1e6,
  snsPublish: 0.5 / 1e6,
  eventBridgeEvent: 1.0 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3StorageGbMonth: 0.023,
  cloudWatchLogsGb: 0.5,
  xrayTrace: 5.0 / 1e6,
  sesInboundMail: 0.1 / 1000,
  sesInboundChunk: 0.09 / 1000,
  sesOutboundRecipient: 0.1 / 1000,
  sesAttachmentGb: 0.12,
} as const;

/** Memory each function is deployed with (lib/): Lambda bills duration × memory. */
const MEMORY_MB: Record<FunctionName, number> = { ingest: 1024, deliver: 1024, feedback: 256, 'agent-events': 256 };
/** Lambda's own START/END/REPORT lines per invocation, in bytes, on top of our log lines. */
const LAMBDA_LOG_BYTES_PER_INVOCATION = 350;
/** X-Ray's default sampling for Lambda: the first request each second, then 5 %. Modelled at the 5 % share (busy hours). */
const XRAY_SAMPLED_SHARE = 0.05;
/** Share of customer mails that answer an earlier acknowledgement (a follow-up in the thread). */
const FOLLOW_UP_SHARE = 0.2;
const GB = 1024 ** 3;
const DAYS_PER_MONTH = 30.4;
/** DynamoDB bills 100 bytes of overhead per item, in the table and in each index holding it. */
const ITEM_OVERHEAD_BYTES = 100;

interface Measured {
  mails: number;
  rawBytes: number;
  calls: CountedCall[];
  invocations: Map<FunctionName, { count: number; ms: number; billedMs: number; records: number }>;
  logBytes: number;
  sent: { recipients: number; withAttachmentBytes: number; count: number };
  /** What the mails left in the table, by item kind, with how long TTL keeps it. */
  stored: StoredKind[];
  acknowledged: number;
  forwarded: number;
  /** Ingest's DynamoDB requests for a new customer mail that is acknowledged, measured one mail at a time. */
  ingestRequestsPerNewMail: { requests: number; byOperation: Record<string, number>; mails: number };
}

/**
 * The work one customer mail causes, counted on the local stack (every AWS call through a
 * counting proxy, every invocation timed, every log line sized), priced at list prices.
 */
export async function benchCost(emulators: Emulators, options: BenchOptions): Promise<BenchSection> {
  const mails = options.quick ? 30 : 150;
  options.log(`cost: ${mails} customer mails with every AWS call counted`);
  const measured = await measureWork(emulators, mails);
  const rows = priceRows(measured);
  const writeUnits = measured.calls.reduce((total, call) => total + call.writeUnits, 0);
  const per1000 = (usd: number) => (usd * 1000) / measured.mails;
  const total = (filter: (row: CostRow) => boolean) => per1000(rows.filter(filter).reduce((sum, row) => sum + row.usd, 0));
  const all = total((row) => row.kind !== 'storage');
  const nonSes = total((row) => row.kind === 'processing');
  const storage = total((row) => row.kind === 'storage');
  const forwardShare = measured.sent.count ? measured.forwarded / measured.mails : 0;
  const withoutForward = all - per1000(measured.forwarded * PRICES.sesOutboundRecipient) - per1000((measured.sent.withAttachmentBytes / GB) * PRICES.sesAttachmentGb);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const usd = (value: number) => `$${value < 0.001 ? value.toFixed(5) : value.toFixed(4)}`;
  const costCells = (row: CostRow) => [row.item, row.unitPrice, round(per1000(row.units)), usd(per1000(row.usd))];
  return {
    tables: [
      {
        title: `Cost per 1000 customer mails (AWS list prices ${PRICES.region}, ${PRICES.asOf}; ${measured.mails} mails measured, ${Math.round(FOLLOW_UP_SHARE * 100)} % follow-ups)`,
        header: ['item', 'unit price', 'units / 1000 mails', 'USD / 1000 mails'],
        rows: [
          ...rows.filter((row) => row.kind !== 'storage').map(costCells),
          ['total, all-in', '', '', usd(all)],
          ['total, excluding SES', '', '', usd(nonSes)],
          ...rows.filter((row) => row.kind === 'storage').map(costCells),
          ['total with storage over retention', '', '', usd(all + storage)],
        ],
        notes: [
          `Measured: ${measured.acknowledged} acknowledgements and ${measured.forwarded} forwards for ${measured.mails} mails; mean raw size ${(measured.rawBytes / measured.mails / 1024).toFixed(1)} KB.`,
          `Lambda GB-s from durations measured here against the emulators (DynamoDB Local is slower than DynamoDB, so this errs high), arm64, deployed memory.`,
          `DynamoDB units as DynamoDB Local reports them per call (ReturnConsumedCapacity), on-demand; transactions, which it under-reports, at 2 units per KB of each item written, as AWS bills them. X-Ray at the default rule's 5 % (busy hours; up to 20× more when quiet).`,
          `Not per mail: Lambda's idle SQS polling (~$0.26 per queue-month), KMS key, CloudWatch alarms and metrics, Secrets Manager secret-months.`,
          `With teams on webhooks instead of mailboxes (no forward through SES): ${usd(withoutForward)} all-in (${(forwardShare * 100).toFixed(0)} % of mails were forwarded here).`,
          `Storage is kept per mail for the configured retention (DynamoDB item sizes as billed, incl. the customer index; the open-SLA and open-by-team indexes only hold a thread while a reply is owed, so they are left out), paid over those months, not at ingest.`,
          `Targets (per-mail processing): ≤ $0.32 all-in ${met(all <= 0.32)}, ≤ $0.02 excluding SES ${met(nonSes <= 0.02)}.`,
          `Ingest's DynamoDB requests per new acknowledged mail (${measured.ingestRequestsPerNewMail.mails} mails sent one at a time): ${measured.ingestRequestsPerNewMail.requests} (${Object.entries(measured.ingestRequestsPerNewMail.byOperation).map(([operation, count]) => `${operation} ${count}`).join(', ')}); target ≤ 8 ${met(measured.ingestRequestsPerNewMail.requests <= 8)}.`,
          `DynamoDB write units per mail, every function: ${round(writeUnits / measured.mails, 2)}; target ≤ 12 ${met(writeUnits / measured.mails <= 12)}.`,
        ],
      },
      workTable(measured),
    ],
    json: {
      ingestDynamodbRequestsPerNewMail: measured.ingestRequestsPerNewMail.requests,
      writeUnitsPerMail: round(writeUnits / measured.mails, 2),
      costPer1000Usd: { all: round(all, 4), nonSes: round(nonSes, 4), allWithWebhookTeams: round(withoutForward, 4), storageOverRetention: round(storage, 4) },
      cost: {
        pricesAsOf: PRICES.asOf,
        mails: measured.mails,
        perMail: Object.fromEntries(rows.map((row) => [row.item, round(row.units / measured.mails, 3)])),
      },
    },
  };
}

/** The calls and stored items behind the prices: where a cut would pay. */
function workTable(measured: Measured): BenchTable {
  const perMail = (value: number) => round(value / measured.mails, 2);
  const operations = new Map<string, { calls: number; readUnits: number; writeUnits: number; indexWriteUnits: number }>();
  for (const call of measured.calls) {
    // By function too (`<instance>-ingest` → ingest): where the requests and write units go.
    const caller = call.caller ? ` (${call.caller.replace(/^.*-/, '')})` : '';
    const key = `${call.service} ${call.operation}${caller}`;
    const entry = operations.get(key) ?? { calls: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
    entry.calls++;
    entry.indexWriteUnits += call.indexWriteUnits ?? 0;
    entry.readUnits += call.readUnits;
    entry.writeUnits += call.writeUnits;
    operations.set(key, entry);
  }
  const invocations = [...measured.invocations].map(([fn, stats]) => [`lambda ${fn}`, perMail(stats.count), '', '', `${Math.round(stats.ms / stats.count)} ms mean`]);
  return {
    title: 'Work per customer mail behind those prices (calls made by the code, items left in DynamoDB)',
    header: ['call or stored item', 'per mail', 'read units', 'write units', 'detail'],
    rows: [
      ...invocations,
      ...[...operations].sort((a, b) => a[0].localeCompare(b[0])).map(([key, entry]) => [key, perMail(entry.calls), perMail(entry.readUnits), perMail(entry.writeUnits), entry.indexWriteUnits ? `${perMail(entry.indexWriteUnits)} write units on indexes` : '']),
      ...measured.stored.map((kind) => [`stored ${kind.kind}`, perMail(kind.items), '', '', `${Math.round(kind.bytes / kind.items)} B billed, ${Math.round(kind.days)} days`]),
    ],
  };
}

interface CostRow {
  item: string;
  unitPrice: string;
  units: number;
  usd: number;
  /** Per-mail processing (SES or not), or storage kept over the configured retention. */
  kind: 'ses' | 'processing' | 'storage';
}

function priceRows(measured: Measured): CostRow[] {
  const calls = (service: CountedCall['service'], operation?: string) => measured.calls.filter((call) => call.service === service && (!operation || call.operation === operation));
  const sum = <T>(list: T[], pick: (entry: T) => number) => list.reduce((total, entry) => total + pick(entry), 0);
  const invocations = [...measured.invocations.values()];
  const gbSeconds = [...measured.invocations].reduce((total, [fn, stats]) => total + (stats.billedMs / 1000) * (MEMORY_MB[fn] / 1024), 0);
  const invocationCount = invocations.reduce((total, stats) => total + stats.count, 0);
  const feedbackRecords = measured.invocations.get('feedback')?.records ?? 0;
  const dynamo = calls('dynamodb');
  // SQS: the counted sends (inbound via SNS, routing) and deletes, one receive per batch the consumers got, and the SES events SNS delivers to the feedback queue.
  const sqsRequests = calls('sqs').filter((call) => call.operation !== 'ReceiveMessage').length + invocations.reduce((total, stats) => total + stats.count, 0) + feedbackRecords;
  const retention = readConfigFile(CONFIG).retention;
  const threadDays = retention.threadDays;
  const chunks = measured.mails * Math.max(1, Math.ceil(measured.rawBytes / measured.mails / (256 * 1024)));
  const row = (item: string, unitPrice: string, units: number, price: number, kind: CostRow['kind'] = 'processing'): CostRow => ({ item, unitPrice, units, usd: units * price, kind });
  return [
    row('SES receiving: mails', '$0.10 / 1000', measured.mails, PRICES.sesInboundMail, 'ses'),
    row('SES receiving: 256 KB chunks', '$0.09 / 1000', chunks, PRICES.sesInboundChunk, 'ses'),
    row('SES sending: recipients', '$0.10 / 1000', measured.sent.recipients, PRICES.sesOutboundRecipient, 'ses'),
    row('SES sending: attachment GB', '$0.12 / GB', measured.sent.withAttachmentBytes / GB, PRICES.sesAttachmentGb, 'ses'),
    row('Lambda: GB-seconds (arm64)', '$0.0000133334', gbSeconds, PRICES.lambdaArmGbSecond),
    row('Lambda: requests', '$0.20 / M', invocationCount, PRICES.lambdaRequest),
    row('DynamoDB: write units', '$0.625 / M', sum(dynamo, (call) => call.writeUnits), PRICES.dynamoWriteUnit),
    row('DynamoDB: read units', '$0.125 / M', sum(dynamo, (call) => call.readUnits), PRICES.dynamoReadUnit),
    row('S3: PUT (SES stores the mail)', '$0.005 / 1000', measured.mails, PRICES.s3Put),
    row('S3: GET', '$0.0004 / 1000', calls('s3', 'GET object').length, PRICES.s3Get),
    row('SNS: publishes (receipt, SES events)', '$0.50 / M', measured.mails + feedbackRecords, PRICES.snsPublish),
    row('SQS: requests', '$0.40 / M', sqsRequests, PRICES.sqsRequest),
    row('EventBridge: events', '$1.00 / M', sum(calls('events', 'PutEvents'), (call) => call.entries ?? 0), PRICES.eventBridgeEvent),
    row('CloudWatch Logs: GB ingested', '$0.50 / GB', measured.logBytes / GB, PRICES.cloudWatchLogsGb),
    row('X-Ray: traces (5 % sampled)', '$5.00 / M', invocationCount * XRAY_SAMPLED_SHARE, PRICES.xrayTrace),
    row(`DynamoDB: storage GB-months (TTL, ${threadDays} days)`, '$0.25 / GB-month', sum(measured.stored, (kind) => kind.byteMonths) / GB, PRICES.dynamoStorageGbMonth, 'storage'),
    row(`S3: storage GB-months (lifecycle, ${retention.rawMailDays} days)`, '$0.023 / GB-month', (measured.rawBytes / GB) * (retention.rawMailDays / DAYS_PER_MONTH), PRICES.s3StorageGbMonth, 'storage'),
  ];
}

async function measureWork(emulators: Emulators, mails: number): Promise<Measured> {
  const counter = await startRequestCounter(emulators);
  const invocations: Measured['invocations'] = new Map();
  let logBytes = 0;
  const stopObserving = observeLogs((entry) => {
    logBytes += JSON.stringify({ level: entry.level, message: entry.message, timestamp: new Date().toISOString(), service: entry.service, ...entry.fields }).length + 1;
  });
  const instance = await startInstance(counter.endpoints, {
    name: 'cost',
    configFile: CONFIG,
    smtpPort: 0,
    observeInvocation: (fn, ms, records) => {
      const stats = invocations.get(fn) ?? { count: 0, ms: 0, billedMs: 0, records: 0 };
      stats.count++;
      stats.ms += ms;
      stats.billedMs += Math.ceil(ms);
      stats.records += records;
      invocations.set(fn, stats);
    },
  });
  const transport = createTransport({ host: '127.0.0.1', port: instance.smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
  const ingestRequestsPerNewMail = await measureIngestRequests(emulators, counter.calls, transport, () => invocations.get('ingest')?.records ?? 0);

  const outboxStart = emulators.outbox.entries().length;
  const firstCall = counter.calls.length;
  invocations.clear();
  logBytes = 0;

  // New customers, and every 1/FOLLOW_UP_SHARE-th mail a customer answering the acknowledgement they got.
  const awaitingAck = new Set<string>();
  const acknowledged: { address: string; ackId: string }[] = [];
  let scanned = outboxStart;
  let rawBytes = 0;
  for (let index = 0; index < mails; index++) {
    const answering = (index + 1) % Math.round(1 / FOLLOW_UP_SHARE) === 0 ? acknowledged.shift() : undefined;
    const address = answering?.address ?? `cost-${randomBytes(6).toString('hex')}@customer.example.org`;
    if (!answering) awaitingAck.add(address);
    const raw = mailFrom(address, answering?.ackId);
    rawBytes += Buffer.byteLength(raw);
    await transport.sendMail({ envelope: { from: address, to: ['support@example.com'] }, raw });
    await sleep(100);
    const entries = emulators.outbox.entries();
    for (; scanned < entries.length; scanned++) {
      const entry = entries[scanned]!;
      const customer = entry.to.find((to) => awaitingAck.delete(to));
      if (customer && entry.messageId) acknowledged.push({ address: customer, ackId: entry.messageId });
    }
  }
  transport.close();
  // Let acknowledgements, forwards and SES events settle.
  // (Consumers long-poll all the time: only calls other than ReceiveMessage show work.)
  const work = () => counter.calls.filter((call) => call.operation !== 'ReceiveMessage').length;
  let settled = -1;
  while (settled !== work()) {
    settled = work();
    await sleep(2500);
  }
  const stored = await storedItems(emulators, instance.resources.table);
  await instance.stop();
  stopObserving();
  await counter.stop();

  const sent = emulators.outbox.entries().slice(outboxStart);
  const forwards = sent.filter((entry) => entry.to.some((to) => !to.endsWith('@customer.example.org')));
  const logLines = [...invocations.values()].reduce((total, stats) => total + stats.count, 0) * LAMBDA_LOG_BYTES_PER_INVOCATION;
  return {
    mails,
    rawBytes,
    calls: counter.calls.slice(firstCall).filter((call) => call.operation !== 'ReceiveMessage'),
    invocations,
    logBytes: logBytes + logLines,
    sent: {
      count: sent.length,
      recipients: sent.reduce((total, entry) => total + entry.to.length + (entry.headers.cc ? entry.headers.cc.split(',').length : 0), 0),
      withAttachmentBytes: forwards.reduce((total, entry) => total + Buffer.byteLength(entry.raw), 0),
    },
    stored,
    acknowledged: sent.length - forwards.length,
    forwarded: forwards.length,
    ingestRequestsPerNewMail,
  };
}

/** New mails measured one at a time for ingest's requests (deliver and feedback run meanwhile, but name themselves). */
const PROBE_MAILS = 10;

/**
 * Ingest's DynamoDB requests per new acknowledged customer mail: each mail is sent alone and
 * counted once its acknowledgement went out and ingest finished it, so nothing else of ingest's overlaps.
 */
async function measureIngestRequests(emulators: Emulators, calls: CountedCall[], transport: ReturnType<typeof createTransport>, ingestRecords: () => number): Promise<Measured['ingestRequestsPerNewMail']> {
  const firstCall = calls.length;
  for (let index = 0; index < PROBE_MAILS; index++) {
    const address = `probe-${randomBytes(6).toString('hex')}@customer.example.org`;
    const recordsBefore = ingestRecords();
    await transport.sendMail({ envelope: { from: address, to: ['support@example.com'] }, raw: mailFrom(address, undefined) });
    const deadline = Date.now() + 30_000;
    while (!(ingestRecords() > recordsBefore && emulators.outbox.entries().some((entry) => entry.to.includes(address)))) {
      if (Date.now() > deadline) throw new Error('a probe mail was not acknowledged within 30 s');
      await sleep(20);
    }
  }
  const ingestCalls = calls.slice(firstCall).filter((call) => call.service === 'dynamodb' && call.caller?.endsWith('-ingest'));
  const byOperation: Record<string, number> = {};
  for (const call of ingestCalls) byOperation[call.operation] = round((byOperation[call.operation] ?? 0) + 1 / PROBE_MAILS, 2);
  return { requests: round(ingestCalls.length / PROBE_MAILS, 2), byOperation, mails: PROBE_MAILS };
}

function mailFrom(address: string, inReplyTo: string | undefined): string {
  const subject = inReplyTo ? 'Re: Where is my parcel?' : 'Where is my parcel?';
  return [
    `From: Cost Customer <${address}>`,
    'To: support@example.com',
    `Subject: ${subject}`,
    `Message-ID: <${randomBytes(8).toString('hex')}@cost.customer.example.org>`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    inReplyTo ? 'Thanks. It is order 4711, placed last Monday; the tracking page has not changed since.' : 'Hello, my parcel 4711 has not arrived yet. Could you check where it is?',
    '',
  ].join('\r\n');
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface StoredKind {
  /** Key prefix and sort-key kind, e.g. THREAD META, THREAD MSG, MID. */
  kind: string;
  items: number;
  /** Billed bytes (table and indexes, with overhead) of all items of this kind. */
  bytes: number;
  /** Mean days until TTL removes them (items without TTL count as kept a year). */
  days: number;
  byteMonths: number;
}

/**
 * Every item the run left in the table, sized as DynamoDB bills storage (attribute
 * names and values, 100 bytes per item, and again in the customer index), kept
 * until its TTL. The sparse open-SLA and open-by-team indexes hold a thread only
 * while a reply is owed (hours), so they are left out.
 */
async function storedItems(emulators: Emulators, tableName: string): Promise<StoredKind[]> {
  const db = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: emulators.endpoints.dynamodb });
  const kinds = new Map<string, StoredKind>();
  const now = Date.now() / 1000;
  try {
    for await (const page of paginateScan({ client: db }, { TableName: tableName })) {
      for (const item of page.Items ?? []) {
        const base = attributesSize(item) + ITEM_OVERHEAD_BYTES;
        let bytes = base;
        if (item[TABLE_KEYS.customerIndex.partitionKey]) bytes += base;
        const expires = Number(item[TABLE_KEYS.ttlAttribute]?.N ?? 0);
        const days = expires ? Math.max(0, (expires - now) / 86_400) : 365;
        const kind = `${item.PK?.S?.split('#')[0]} ${item.SK?.S?.split('#')[0]}`;
        const entry = kinds.get(kind) ?? { kind, items: 0, bytes: 0, days: 0, byteMonths: 0 };
        entry.days = (entry.days * entry.items + days) / (entry.items + 1);
        entry.items++;
        entry.bytes += bytes;
        entry.byteMonths += bytes * (days / DAYS_PER_MONTH);
        kinds.set(kind, entry);
      }
    }
  } finally {
    db.destroy();
  }
  return [...kinds.values()].sort((a, b) => b.byteMonths - a.byteMonths);
}

function attributesSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((total, [name, value]) => total + Buffer.byteLength(name) + valueSize(value), 0);
}

/** DynamoDB's item-size rules: strings and binaries by length, numbers by digits, 3 bytes per list or map, 1 per element. */
function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[^0-9]/g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((total, entry) => total + Buffer.byteLength(entry), 0);
  if (value.NS) return value.NS.reduce((total, entry) => total + Math.ceil(entry.length / 2) + 1, 0);
  if (value.L) return 3 + value.L.reduce((total, entry) => total + 1 + valueSize(entry), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((total, [name, entry]) => total + 1 + Buffer.byteLength(name) + valueSize(entry), 0);
  return 0;
}
