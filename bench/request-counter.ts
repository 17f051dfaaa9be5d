import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Emulators } from '../local/emulators.js';
import { closeServer } from '../local/http.js';

/** One AWS API call as the emulator saw it. */
export interface CountedCall {
  service: keyof Emulators['endpoints'];
  operation: string;
  requestBytes: number;
  /** DynamoDB only: capacity units the call consumed, table and indexes (ReturnConsumedCapacity: INDEXES). */
  readUnits: number;
  writeUnits: number;
  /** DynamoDB: of writeUnits, those spent on global secondary indexes. */
  indexWriteUnits?: number;
  /** DynamoDB: the key prefixes the call touched (e.g. MID, THREAD), to tell calls apart. */
  keys?: string[];
  /** EventBridge PutEvents: how many events (each billed as one 64 KB chunk or more). */
  entries?: number;
  /** The function that made the call, from the `app/…` part of its user agent (the local instance names them `<instance>-<function>`). */
  caller: string | undefined;
}

export interface RequestCounter {
  /** Emulator endpoints with a counting proxy in front of each. */
  endpoints: Emulators['endpoints'];
  calls: CountedCall[];
  stop(): Promise<void>;
}

/** DynamoDB operations that accept ReturnConsumedCapacity. */
const CAPACITY_OPERATIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems']);

/**
 * Counts every call the functions make, by service and operation, from a proxy in front
 * of each emulator: what the code actually does, not what we think it does. DynamoDB
 * requests are asked for their consumed capacity, which DynamoDB Local computes as the
 * service would from item sizes; the emulators do not check signatures, so the changed
 * body is accepted.
 */
export async function startRequestCounter(emulators: Emulators): Promise<RequestCounter> {
  const calls: CountedCall[] = [];
  const servers: Server[] = [];
  const endpoints = { ...emulators.endpoints };
  for (const service of Object.keys(emulators.endpoints) as (keyof Emulators['endpoints'])[]) {
    const target = new URL(emulators.endpoints[service]);
    const server = createServer((req, res) => {
      readBody(req).then((body) => {
        const call: CountedCall = { service, operation: operationOf(service, req, body), requestBytes: body.length, readUnits: 0, writeUnits: 0, caller: callerOf(req) };
        calls.push(call);
        if (call.operation === 'PutEvents') call.entries = (JSON.parse(body.toString('utf8')) as { Entries?: unknown[] }).Entries?.length ?? 0;
        if (service === 'dynamodb') call.keys = [...body.toString('utf8').matchAll(/"PK":\{"S":"([A-Z]+)[#"]/g)].map((match) => match[1]!);
        let forwarded = body;
        if (service === 'dynamodb' && CAPACITY_OPERATIONS.has(call.operation)) {
          forwarded = Buffer.from(JSON.stringify({ ...JSON.parse(body.toString('utf8')), ReturnConsumedCapacity: 'INDEXES' }));
        }
        const headers = { ...req.headers, host: target.host, 'content-length': String(forwarded.length) };
        const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
          readBody(answer).then((answerBody) => {
            if (service === 'dynamodb') Object.assign(call, capacityOf(call.operation, answerBody));
            if (call.operation === 'TransactWriteItems') chargeTransactionAsBilled(call, body);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(answerBody);
          }, () => res.destroy());
        });
        upstream.on('error', () => res.destroy());
        upstream.end(forwarded);
      }, () => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    endpoints[service] = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }
  return { endpoints, calls, stop: async () => void (await Promise.all(servers.map((server) => closeServer(server)))) };
}

function callerOf(req: IncomingMessage): string | undefined {
  const agent = [req.headers['x-amz-user-agent'], req.headers['user-agent']].flat().join(' ');
  return /(?:^|\s)app\/(\S+)/.exec(agent)?.[1];
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function operationOf(service: keyof Emulators['endpoints'], req: IncomingMessage, body: Buffer): string {
  // JSON protocols (DynamoDB, SQS, EventBridge, Secrets Manager): "DynamoDB_20120810.PutItem".
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').at(-1)!;
  // Query protocol (SES v1): Action=SendRawEmail in the form body.
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString('latin1', 0, 512))?.[1];
  if (action) return action;
  if (service === 's3') return `${req.method} object`;
  // REST protocols (SES v2): the operation is the method and path.
  const route = `${req.method} ${req.url?.split('?')[0]}`;
  return REST_OPERATIONS[route] ?? route;
}

/** REST operations by method and path, named as AWS bills and documents them. */
const REST_OPERATIONS: Record<string, string> = {
  'POST /v2/email/outbound-emails': 'SendEmail',
};

const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

function capacityOf(operation: string, answer: Buffer): { readUnits: number; writeUnits: number; indexWriteUnits: number } {
  try {
    const parsed = JSON.parse(answer.toString('utf8')) as { ConsumedCapacity?: Capacity | Capacity[] };
    const entries = [parsed.ConsumedCapacity ?? []].flat();
    const reads = operation.startsWith('Transact') ? 0 : READ_OPERATIONS.has(operation) ? 1 : 0;
    // CapacityUnits is the total; Read/Write units appear only where both kinds can occur.
    const sum = (pick: (entry: Capacity) => number | undefined) => entries.reduce((total, entry) => total + (pick(entry) ?? 0), 0);
    const read = sum((entry) => entry.ReadCapacityUnits ?? (reads ? entry.CapacityUnits : undefined));
    const write = sum((entry) => entry.WriteCapacityUnits ?? (reads ? undefined : entry.CapacityUnits));
    const indexWrites = reads
      ? 0
      : sum((entry) => Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce((total, index) => total + (index.WriteCapacityUnits ?? index.CapacityUnits ?? 0), 0));
    return { readUnits: read, writeUnits: operation === 'TransactGetItems' ? 0 : write, indexWriteUnits: indexWrites };
  } catch {
    return { readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
  }
}

type AttributeValue = { S?: string; N?: string; B?: string; BOOL?: boolean; NULL?: boolean; SS?: string[]; NS?: string[]; BS?: string[]; L?: AttributeValue[]; M?: Record<string, AttributeValue> };
type TransactWriteItem = { Put?: { Item: Record<string, AttributeValue> }; Update?: unknown; Delete?: unknown; ConditionCheck?: unknown };

/**
 * DynamoDB Local under-reports transactions (three small puts come back as 2 units, not 6),
 * so a transaction's table units are charged as AWS bills them: every item written costs
 * twice its size in 1 KB units. A put's size is known from the request; an update or delete
 * is charged its 1 KB minimum, so the figure stays a lower bound. Index units are kept as
 * DynamoDB Local reports them.
 */
function chargeTransactionAsBilled(call: CountedCall, body: Buffer): void {
  const items = (JSON.parse(body.toString('utf8')) as { TransactItems?: TransactWriteItem[] }).TransactItems ?? [];
  const tableUnits = items.reduce((total, item) => total + 2 * (item.Put ? Math.max(1, Math.ceil(itemBytes(item.Put.Item) / 1024)) : 1), 0);
  const reportedTableUnits = call.writeUnits - (call.indexWriteUnits ?? 0);
  call.writeUnits += Math.max(0, tableUnits - reportedTableUnits);
}

/** An item's size as DynamoDB counts it: attribute names plus values. */
export function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((total, [name, value]) => total + Buffer.byteLength(name) + valueBytes(value), 0);
}

function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return Buffer.from(value.B, 'base64').length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((total, entry) => total + Buffer.byteLength(entry), 0);
  if (value.NS) return value.NS.reduce((total, entry) => total + numberBytes(entry), 0);
  if (value.BS) return value.BS.reduce((total, entry) => total + Buffer.from(entry, 'base64').length, 0);
  // Lists and maps: 3 bytes, plus 1 byte per element, plus the elements (and a map's names).
  if (value.L) return 3 + value.L.reduce((total, entry) => total + 1 + valueBytes(entry), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((total, [name, entry]) => total + 1 + Buffer.byteLength(name) + valueBytes(entry), 0);
  return 0;
}

/** Numbers: about one byte per two significant digits, plus one. */
function numberBytes(number: string): number {
  const digits = number.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').length || 1;
  return Math.ceil(digits / 2) + 1;
}

interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
  GlobalSecondaryIndexes?: Record<string, Omit<Capacity, 'GlobalSecondaryIndexes'>>;
}
