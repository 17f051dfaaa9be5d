import { describe, expect, it } from 'vitest';
import { classifyReplayArg, formatReplay } from '../../tools/operator/replay.js';
import { envelopeHints, headerFields } from '../../lambdas/core/stored-envelope.js';
import { formatThreadsTable, sortRows, validateThreadsQuery, type ThreadRow } from '../../tools/operator/threads.js';
import { attributesToKeep, formatRedrive, progressBar, selectQueues } from '../../tools/operator/redrive.js';
import { OperatorError, resolveTarget, stackResources, type StackOutput } from '../../tools/operator/target.js';
import { formatForget, mailFileName, normalizeAddress, toJson } from '../../tools/operator/privacy.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { threadsCommand, type OperatorIo } from '../../tools/operator/cli.js';

const row = (overrides: Partial<ThreadRow> = {}): ThreadRow => ({
  ref: 'RL-7K3F9Q',
  status: 'awaiting-agent',
  team: 'support',
  priority: 'normal',
  category: 'shipping',
  customer: 'jane@customer.example.org',
  subject: 'Where is my parcel',
  createdAt: '2026-11-24T06:00:00.000Z',
  dueAt: '2026-11-24T12:00:00.000Z',
  lastInboundAt: '2026-11-24T06:00:00.000Z',
  inboundCount: 1,
  agent: undefined,
  ...overrides,
});

describe('threads: argument validation', () => {
  it('defaults the limit and lowercases the customer', () => {
    expect(validateThreadsQuery({ customer: ' Jane@Customer.Example.org ' })).toEqual({ customer: 'jane@customer.example.org', limit: 50 });
    expect(validateThreadsQuery({ status: 'closed', team: 'sales', limit: '7' })).toEqual({ status: 'closed', team: 'sales', limit: 7 });
  });

  it.each([
    [{ status: 'open' }, '--status expected one of awaiting-agent, awaiting-customer, closed, got "open"'],
    [{ limit: '0' }, '--limit must be at least 1, got "0"'],
    [{ limit: '2.5' }, '--limit expected a whole number, got "2.5"'],
    [{ limit: 'many' }, '--limit expected a whole number, got "many"'],
    [{ customer: 'jane' }, '--customer expected an e-mail address like jane@example.org, got "jane"'],
    [{ team: ' ' }, '--team expected a team id, got " "'],
  ])('rejects %j with a message naming the option', (values, message) => {
    expect(() => validateThreadsQuery(values)).toThrow(new OperatorError(message));
  });

  it('reports bad arguments on stderr with exit code 1, before touching any stack', async () => {
    const err: string[] = [];
    const io: OperatorIo = { stdout: { write: () => true }, stderr: { write: (text) => err.push(text) } };
    expect(await threadsCommand(['--status', 'bogus'], io)).toBe(1);
    expect(await threadsCommand(['--bogus'], io)).toBe(1);
    expect(await threadsCommand(['RL-7K3F9Q'], io)).toBe(1);
    expect(err[0]).toBe('threads: --status expected one of awaiting-agent, awaiting-customer, closed, got "bogus"\n');
    expect(err[1]).toMatch(/^threads: Unknown option '--bogus'.*\nusage: replyline threads \[--customer ADDRESS\]/s);
    expect(err[2]).toContain('unexpected argument "RL-7K3F9Q"');
  });
});

describe('threads: table', () => {
  it('prints one aligned row per thread with the fixed columns and a count', () => {
    const table = formatThreadsTable([row(), row({ ref: 'RL-AAAAAA', status: 'closed', dueAt: undefined, team: 'sales' })]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^REF\s+STATUS\s+TEAM\s+PRIORITY\s+CATEGORY\s+CUSTOMER\s+SUBJECT\s+CREATED\s+DUE$/);
    expect(lines[1]).toBe('RL-7K3F9Q  awaiting-agent  support  normal    shipping  jane@customer.example.org  Where is my parcel  2026-11-24 06:00Z  2026-11-24 12:00Z');
    expect(lines[2]).toMatch(/^RL-AAAAAA  closed {10}sales .* 2026-11-24 06:00Z  -$/);
    expect(lines[3]).toBe('2 threads');
    // Every row's columns start at the same offsets as the header's.
    expect(lines[1]!.indexOf('jane@')).toBe(lines[0]!.indexOf('CUSTOMER'));
  });

  it('cuts subjects to 40 characters and strips control characters and bidi overrides', () => {
    const long = 'A'.repeat(60);
    expect(formatThreadsTable([row({ subject: long })])).toContain(`${'A'.repeat(39)}…`);
    expect(formatThreadsTable([row({ subject: long })])).not.toContain('A'.repeat(40));
    const hostile = formatThreadsTable([row({ subject: 'Hi\r\n\u001b[31mred\u202eevil' })]);
    expect(hostile).toContain('Hi [31mred evil');
    // No escape, no carriage return, no bidi override; only the table's own line breaks.
    expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(hostile.split('\n')).toHaveLength(3);
  });

  it('says so when nothing matches', () => {
    expect(formatThreadsTable([])).toBe('no threads match');
  });

  it('sorts threads owing a reply by due time, others newest first', () => {
    const a = row({ ref: 'RL-A', createdAt: '2026-01-01T00:00:00Z', dueAt: '2026-01-03T00:00:00Z' });
    const b = row({ ref: 'RL-B', createdAt: '2026-01-02T00:00:00Z', dueAt: '2026-01-02T12:00:00Z' });
    const c = row({ ref: 'RL-C', createdAt: '2026-01-03T00:00:00Z', dueAt: undefined });
    expect(sortRows([a, b, c], { status: 'awaiting-agent' }).map((r) => r.ref)).toEqual(['RL-B', 'RL-A', 'RL-C']);
    expect(sortRows([a, b, c], {}).map((r) => r.ref)).toEqual(['RL-C', 'RL-B', 'RL-A']);
  });
});

describe('replay: arguments and the stored envelope', () => {
  it('tells S3 keys from Message-IDs and receipt ids', () => {
    expect(classifyReplayArg('inbound/0a1b2c')).toEqual({ kind: 's3', bucket: undefined, key: 'inbound/0a1b2c' });
    expect(classifyReplayArg('s3://raw-bucket/inbound/0a1b2c')).toEqual({ kind: 's3', bucket: 'raw-bucket', key: 'inbound/0a1b2c' });
    expect(classifyReplayArg('<abc/def@mail.example.org>')).toEqual({ kind: 'id', id: 'abc/def@mail.example.org' });
    expect(classifyReplayArg(' abc@mail.example.org ')).toEqual({ kind: 'id', id: 'abc@mail.example.org' });
    expect(classifyReplayArg('0a1b2c3d')).toEqual({ kind: 'id', id: '0a1b2c3d' });
    expect(() => classifyReplayArg('  ')).toThrow(OperatorError);
    expect(() => classifyReplayArg('<>')).toThrow(OperatorError);
    expect(() => classifyReplayArg('s3://bucket-only')).toThrow('expected s3://BUCKET/KEY');
  });

  it('reads the envelope SES (or the local stand-in) put on top of the stored mail', () => {
    const raw = [
      'Return-Path: <Jane@Customer.example.org>',
      'Received: from mail.customer.example.org (192.0.2.1) by inbound-smtp.us-east-1.amazonaws.com with SMTP id 0a1b2c',
      '\tfor support@example.com; Tue, 24 Nov 2026 06:00:00 +0000',
      'From: Jane <jane@customer.example.org>',
      'Received: from elsewhere for other@example.net; Mon, 23 Nov 2026 01:00:00 +0000',
      '',
      'Received: in the body, not a header',
    ].join('\r\n');
    const fields = headerFields(raw);
    expect(fields.map(([name]) => name)).toEqual(['return-path', 'received', 'from', 'received']);
    expect(envelopeHints(fields)).toEqual({ envelopeSender: 'jane@customer.example.org', recipients: ['support@example.com'], receivedAt: new Date('2026-11-24T06:00:00Z') });
  });

  it('falls back to X-Original-To / Delivered-To, and reads a bounce sender as empty', () => {
    const hints = envelopeHints(headerFields('Return-Path: <>\nReceived: by replyline.local with SMTP id x; not a date\nX-Original-To: Support@Example.com\n\nbody'));
    expect(hints).toEqual({ envelopeSender: '', recipients: ['support@example.com'], receivedAt: undefined });
    expect(envelopeHints(headerFields('Subject: none\n\n'))).toEqual({ envelopeSender: undefined, recipients: [], receivedAt: undefined });
  });

  it('says that replaying a processed mail changes nothing', () => {
    const base = { bucket: 'b', key: 'inbound/r1', receiptId: 'r1', messageId: 'm@x.org', receivedAt: new Date('2026-11-24T06:00:00Z'), recipients: ['support@example.com'], deleted: [], queue: 'replyline-inbound' };
    const text = formatReplay({ ...base, previous: { dedupeKey: 'm@x.org', disposition: 'new-thread', threadRef: 'RL-7K3F9Q', reasons: [], pending: ['deliver'] } });
    expect(text).toContain('already processed: new-thread in RL-7K3F9Q. Replaying changes nothing (ingest is idempotent');
    expect(text).toContain('unfinished side effects will be completed: deliver');
    expect(text).toContain('re-queued s3://b/inbound/r1 (receipt r1, Message-ID <m@x.org>');
    expect(formatReplay({ ...base, previous: undefined })).toContain('no processing record');
  });
});

describe('redrive: pure parts', () => {
  const target = { inbound: { name: 'inbound', url: 'http://q/inbound' }, teams: { support: { name: 'support', url: 'http://q/support' }, sales: { name: 'sales', url: 'http://q/sales' } } };

  it('selects queues', () => {
    expect(selectQueues(target, undefined).map((queue) => queue.name)).toEqual(['inbound', 'support', 'sales']);
    expect(selectQueues(target, 'all').map((queue) => queue.name)).toEqual(['inbound', 'support', 'sales']);
    expect(selectQueues(target, 'inbound').map((queue) => queue.name)).toEqual(['inbound']);
    expect(selectQueues(target, 'sales').map((queue) => queue.name)).toEqual(['sales']);
    expect(() => selectQueues(target, 'billing')).toThrow('--queue must be one of inbound, support, sales, all; got "billing"');
  });

  it('keeps message attributes except our failure reason', () => {
    expect(
      attributesToKeep({
        reason: { DataType: 'String', StringValue: 'HTTP 410' },
        traceId: { DataType: 'String', StringValue: 'abc', StringListValues: [] },
        blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) },
      }),
    ).toEqual({ traceId: { DataType: 'String', StringValue: 'abc' }, blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) } });
    expect(attributesToKeep({ reason: { DataType: 'String', StringValue: 'x' } })).toBeUndefined();
    expect(attributesToKeep(undefined)).toBeUndefined();
  });

  it('draws a progress bar that never overflows an estimated total', () => {
    expect(progressBar(0, 4, 8)).toBe('[░░░░░░░░] 0/4');
    expect(progressBar(2, 4, 8)).toBe('[████░░░░] 2/4');
    expect(progressBar(6, 4, 8)).toBe('[████████] 6/6');
    expect(progressBar(0, 0, 8)).toBe('[████████] 0/0');
  });

  it('summarises moves and failures', () => {
    const text = formatRedrive([
      { queue: 'inbound', from: 'x-inbound-dlq', to: 'x-inbound', found: 3, moved: 2, failures: [{ messageId: 'm3', reason: 'KMS.Throttled: slow down' }], warnings: [] },
      { queue: 'support', from: 'x-team-support-dlq', to: 'x-team-support', found: 1, moved: 1, failures: [], warnings: [] },
    ]);
    expect(text).toBe(
      [
        'inbound: moved 2 messages from x-inbound-dlq to x-inbound, 1 failed',
        '  not moved m3: KMS.Throttled: slow down',
        'support: moved 1 message from x-team-support-dlq to x-team-support',
        'total: moved 3, 1 failed',
        'Messages that failed to move stay in their DLQ (visible again within 2 minutes); run redrive again.',
      ].join('\n'),
    );
  });
});

describe('target: a deployed stack from its outputs', () => {
  const outputs: StackOutput[] = [
    { OutputKey: 'TableName', OutputValue: 'Replyline-Threads1234' },
    { OutputKey: 'RawMailBucketName', OutputValue: 'replyline-rawmail-abcd' },
    { OutputKey: 'InboundQueueUrl', OutputValue: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Replyline-Inbound' },
    { OutputKey: 'InboundDeadLetterQueueUrl', OutputValue: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Replyline-InboundDlq' },
    { OutputKey: 'TeamQueueUrlsupport', OutputValue: 'https://sqs…/support', Description: 'Routing queue of team support' },
    { OutputKey: 'TeamQueueUrlafterSales', OutputValue: 'https://sqs…/after', Description: 'Routing queue of team after-sales' },
    { OutputKey: 'ReceiptRuleSetName', OutputValue: 'rules' },
  ];

  it('reads names and team queues (team ids from the descriptions)', () => {
    expect(stackResources('Replyline', outputs)).toEqual({
      table: 'Replyline-Threads1234',
      bucket: 'replyline-rawmail-abcd',
      inboundUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Replyline-Inbound',
      inboundDlqUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Replyline-InboundDlq',
      teams: { support: 'https://sqs…/support', 'after-sales': 'https://sqs…/after' },
    });
  });

  it('names missing outputs', () => {
    expect(() => stackResources('Other', outputs.slice(1, 2))).toThrow('stack Other lacks the output(s) TableName, InboundQueueUrl');
  });

  it('builds a target without reaching AWS until a command runs', async () => {
    const target = await resolveTarget({ stack: 'Replyline', region: 'eu-west-1', describeStack: async () => outputs });
    try {
      expect(target).toMatchObject({ kind: 'stack', label: 'stack Replyline (eu-west-1)', table: 'Replyline-Threads1234', bucket: 'replyline-rawmail-abcd' });
      expect(Object.keys(target.teams)).toEqual(['support', 'after-sales']);
      expect(target.teams.support!.dlqUrl).toBeUndefined(); // found through the RedrivePolicy when needed
      expect(await target.sqs.config.region()).toBe('eu-west-1');
    } finally {
      target.close();
    }
    await expect(resolveTarget({ stack: 'bad name!' })).rejects.toThrow('--stack needs a CloudFormation stack name');
  });
});

describe('privacy: pure parts', () => {
  it('validates and lowercases addresses', () => {
    expect(normalizeAddress(' Jane@Customer.Example.ORG ')).toBe('jane@customer.example.org');
    expect(() => normalizeAddress('jane')).toThrow('give the customer\'s e-mail address');
    expect(() => normalizeAddress(undefined)).toThrow(OperatorError);
  });

  it('keys the tombstone by a hash of the lowercased address only', () => {
    const key = keys.tombstone('Jane@Customer.example.org');
    expect(key).toEqual(keys.tombstone('jane@customer.example.org'));
    expect(key.PK).toMatch(/^TOMBSTONE#[0-9a-f]{64}$/);
    expect(key.SK).toBe('TOMBSTONE');
  });

  it('names raw-mail files safely inside the export directory', () => {
    expect(mailFileName({ bucket: 'raw', key: 'inbound/0a1b2c' }, 'raw')).toBe('inbound/0a1b2c.eml');
    expect(mailFileName({ bucket: 'other', key: 'inbound/x' }, 'raw')).toBe('other/inbound/x.eml');
    expect(mailFileName({ bucket: 'raw', key: '../../etc/passwd' }, 'raw')).toBe('etc/passwd.eml');
    expect(mailFileName({ bucket: 'raw', key: '/a/./b c' }, 'raw')).toBe('a/b_c.eml');
    expect(mailFileName({ bucket: 'raw', key: '..' }, 'raw')).toBe('_.eml');
  });

  it('writes DynamoDB sets as arrays', () => {
    expect(JSON.parse(toJson({ pending: new Set(['route', 'announce']) }))).toEqual({ pending: ['announce', 'route'] });
  });

  it('prints counts only, never the address', () => {
    const text = formatForget({
      counts: { threads: 2, threadItems: 9, links: 5, quarantined: 1, messagesInOtherThreads: 0, removedFromParticipants: 0, suppression: 1, rateLimits: 1, rawMail: 4, itemsDeleted: 17 },
      tombstone: keys.tombstone('jane@customer.example.org'),
      again: false,
    });
    expect(text).toContain('threads 2 (9 items, deleted whole');
    expect(text).toContain('17 items in all');
    expect(text).not.toContain('jane');
  });
});
