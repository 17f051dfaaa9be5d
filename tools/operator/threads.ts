import { z } from 'zod';
import { BatchGetCommand, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { toThread } from '../../lambdas/adapters/table-items.js';
import { OperatorError, queryItems, scanItems, type Item, type OperatorTarget } from './target.js';
import { THREAD_STATUSES, type ThreadStatus } from '../../lambdas/core/records.js';

/**
 * `replyline threads`: lists threads. By customer: the customer-history index
 * (GSI1). Threads owing a reply (`--status awaiting-agent`): the open-by-team
 * index (GSI3, keys only) per team, then the thread items. Any other filter:
 * a Scan of the table with a filter (operator credentials, not the functions').
 */

type ThreadStatusFilter = ThreadStatus;

interface ThreadsQuery {
  customer?: string | undefined;
  status?: ThreadStatusFilter | undefined;
  team?: string | undefined;
  limit: number;
}

const DEFAULT_THREADS_LIMIT = 50;
const MAX_THREADS_LIMIT = 10_000;

const querySchema = z.object({
  customer: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\s@]+@[^\s@]+$/, 'expected an e-mail address like jane@example.org')
    .optional(),
  status: z.enum(THREAD_STATUSES, { error: `expected one of ${THREAD_STATUSES.join(', ')}` }).optional(),
  team: z.string().trim().min(1, 'expected a team id').optional(),
  limit: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_THREADS_LIMIT, `must be at most ${MAX_THREADS_LIMIT}`)
    .default(DEFAULT_THREADS_LIMIT),
});

/** Pure: validates `threads` options; throws an OperatorError naming the bad option. */
export function validateThreadsQuery(values: { customer?: string | undefined; status?: string | undefined; team?: string | undefined; limit?: string | undefined }): ThreadsQuery {
  const result = querySchema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const option = String(issue.path[0] ?? '');
  const given = (values as Record<string, string | undefined>)[option];
  throw new OperatorError(`--${option} ${issue.message}${given !== undefined ? `, got "${given}"` : ''}`);
}

export interface ThreadRow {
  ref: string;
  status: string;
  team: string;
  priority: string;
  category: string;
  customer: string;
  subject: string;
  createdAt: string | undefined;
  /** When the running promise falls due (the SLA clock), if a reply is owed. */
  dueAt: string | undefined;
  lastInboundAt: string | undefined;
  inboundCount: number | undefined;
  agent: string | undefined;
}

/** A listing row of a stored thread item, read with the table's thread codec. */
function toRow(item: Item): ThreadRow {
  const thread = toThread(item);
  return {
    ref: thread.ref,
    status: thread.status,
    team: thread.team,
    priority: thread.priority,
    category: thread.category,
    customer: thread.customer.address,
    subject: thread.subject,
    createdAt: thread.createdAt.toISOString(),
    dueAt: thread.slaClock?.dueAt.toISOString(),
    lastInboundAt: thread.lastInboundAt.toISOString(),
    inboundCount: thread.inboundCount,
    agent: thread.agent,
  };
}

export async function listThreads(target: OperatorTarget, query: ThreadsQuery): Promise<ThreadRow[]> {
  if (query.team && Object.keys(target.teams).length > 0 && !(query.team in target.teams)) {
    throw new OperatorError(`unknown team "${query.team}"; known: ${Object.keys(target.teams).join(', ')}`);
  }
  let items: Item[];
  if (query.customer) items = await byCustomer(target, query);
  else if (query.status === 'awaiting-agent') items = await owingReply(target, query);
  else items = await scanThreads(target, query);
  const rows = items.filter((item) => item.kind === 'thread' && matches(item, query)).map(toRow);
  return sortRows(rows, query).slice(0, query.limit);
}

function matches(item: Item, query: ThreadsQuery): boolean {
  if (query.status && item.status !== query.status) return false;
  if (query.team && item.team !== query.team) return false;
  if (query.customer && String(item.customerAddress).toLowerCase() !== query.customer) return false;
  return true;
}

/** Threads owing a reply: most urgent (earliest due) first; otherwise newest first. */
export function sortRows(rows: ThreadRow[], query: Pick<ThreadsQuery, 'status'>): ThreadRow[] {
  const byCreatedDesc = (a: ThreadRow, b: ThreadRow) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.ref.localeCompare(b.ref);
  if (query.status !== 'awaiting-agent') return [...rows].sort(byCreatedDesc);
  return [...rows].sort((a, b) => {
    if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt) || byCreatedDesc(a, b);
    if (a.dueAt || b.dueAt) return a.dueAt ? -1 : 1;
    return byCreatedDesc(a, b);
  });
}

function filterFor(query: ThreadsQuery, skip: 'customer' | 'none'): Pick<ScanCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  const conditions = ['#kind = :thread'];
  const names: Record<string, string> = { '#kind': 'kind' };
  const values: Record<string, unknown> = { ':thread': 'thread' };
  if (query.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.team) {
    conditions.push('#team = :team');
    names['#team'] = 'team';
    values[':team'] = query.team;
  }
  if (query.customer && skip !== 'customer') {
    conditions.push('customerAddress = :customer');
    values[':customer'] = query.customer;
  }
  return { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

async function byCustomer(target: OperatorTarget, query: ThreadsQuery): Promise<Item[]> {
  const { customerIndex } = TABLE_KEYS;
  const input: Omit<QueryCommandInput, 'TableName'> = {
    IndexName: customerIndex.name,
    KeyConditionExpression: '#pk = :customer',
    ScanIndexForward: false,
    ...filterFor(query, 'customer'),
  };
  input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#pk': customerIndex.partitionKey };
  input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':customer': keys.customer(query.customer!) };
  return queryItems(target, input, (items) => items.length >= query.limit);
}

async function owingReply(target: OperatorTarget, query: ThreadsQuery): Promise<Item[]> {
  const { openByTeamIndex } = TABLE_KEYS;
  const teams = query.team ? [query.team] : Object.keys(target.teams);
  if (teams.length === 0) return scanThreads(target, query);
  const threadKeys: { PK: string; SK: string }[] = [];
  for (const team of teams) {
    const open = await queryItems(target, {
      IndexName: openByTeamIndex.name,
      KeyConditionExpression: '#pk = :team',
      ExpressionAttributeNames: { '#pk': openByTeamIndex.partitionKey },
      ExpressionAttributeValues: { ':team': keys.openTeam(team) },
    });
    for (const item of open) threadKeys.push({ PK: String(item.PK), SK: String(item.SK) });
  }
  return batchGet(target, threadKeys);
}

async function batchGet(target: OperatorTarget, itemKeys: { PK: string; SK: string }[]): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; offset < itemKeys.length; offset += 100) {
    let pending: Record<string, unknown>[] = itemKeys.slice(offset, offset + 100);
    for (let round = 0; pending.length > 0; round++) {
      if (round === 8) throw new OperatorError('DynamoDB kept reads unprocessed (throttled); try again later');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** round));
      const result = await target.dynamo.send(new BatchGetCommand({ RequestItems: { [target.table]: { Keys: pending } } }));
      items.push(...(result.Responses?.[target.table] ?? []));
      pending = (result.UnprocessedKeys?.[target.table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }
  return items;
}

async function scanThreads(target: OperatorTarget, query: ThreadsQuery): Promise<Item[]> {
  return scanItems(target, filterFor(query, 'none'));
}

const SUBJECT_WIDTH = 40;

/** One printable line: control characters, line breaks and bidi overrides (terminal tricks in a subject) become spaces. */
function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
}

function truncate(value: string, width: number): string {
  const chars = [...value];
  return chars.length <= width ? value : `${chars.slice(0, width - 1).join('')}…`;
}

/** `2026-11-24T06:00:00.000Z` → `2026-11-24 06:00Z`; `-` when absent. */
function shortTime(iso: string | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '-';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** Display width: CJK and other wide characters take two columns. */
function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd) ? 2 : 1;
  }
  return width;
}

const pad = (value: string, width: number) => value + ' '.repeat(Math.max(0, width - displayWidth(value)));

const COLUMNS: { header: string; cell: (row: ThreadRow) => string }[] = [
  { header: 'REF', cell: (row) => row.ref },
  { header: 'STATUS', cell: (row) => row.status },
  { header: 'TEAM', cell: (row) => row.team },
  { header: 'PRIORITY', cell: (row) => row.priority },
  { header: 'CATEGORY', cell: (row) => row.category },
  { header: 'CUSTOMER', cell: (row) => row.customer },
  { header: 'SUBJECT', cell: (row) => truncate(printable(row.subject), SUBJECT_WIDTH) },
  { header: 'CREATED', cell: (row) => shortTime(row.createdAt) },
  { header: 'DUE', cell: (row) => shortTime(row.dueAt) },
];

/** Pure: the table `replyline threads` prints (no trailing newline). */
export function formatThreadsTable(rows: ThreadRow[]): string {
  if (rows.length === 0) return 'no threads match';
  const cells = rows.map((row) => COLUMNS.map((column) => printable(column.cell(row))));
  const widths = COLUMNS.map((column, index) => Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[index]!))));
  const line = (values: string[]) =>
    values
      .map((value, index) => (index === values.length - 1 ? value : pad(value, widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map((column) => column.header)), ...cells.map(line), `${rows.length} thread${rows.length === 1 ? '' : 's'}`].join('\n');
}
