import { cancellationCodes, isConditionFailure } from './dynamo-errors.js';
import {
  GetCommand,
  paginateQuery,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { nextSlaCheck, type ThreadRecord } from '../core/records.js';
import type { PendingSlaEmission, RecordEmissionsOutcome, SlaIndex, SlaIndexEntry } from '../ports/sla-sweep.js';
import { TABLE_KEYS } from '../schemas/env.js';
import { emissionItem, toEmission, toThread, type Item } from './table-items.js';
import { SLA_INDEX_SHARDS, keys, slaIndexKeys } from './table-layout.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The open-SLA index (GSI2, sparse, sharded) as the sweeper uses it, and the writes of an
 * emission. See `runSlaSweep` in lambdas/core/sla/sweep.ts for the order of the steps and why.
 *
 * Items in GSI2 (keys in table-layout.ts):
 * - thread items while their clock has a warning or breach left to raise, keyed by that
 *   instant (`slaIndexKeys`, kept by ingest and by us);
 * - emission records while recorded but not yet published, keyed by their lease. Living under
 *   the thread's partition, they expire and are deleted with it.
 */

/** Sorts after every `#<ref>` suffix of a GSI2 sort key at the same instant. */
const AFTER_ANY_REF = '#\uffff';

export class DynamoSlaIndex implements SlaIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly shards = SLA_INDEX_SHARDS,
  ) {}

  /** How many threads of a team owe a reply (GSI3, counted without reading items). */
  async countOpenThreads(team: string): Promise<number> {
    let count = 0;
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        IndexName: TABLE_KEYS.openByTeamIndex.name,
        KeyConditionExpression: 'GSI3PK = :team',
        ExpressionAttributeValues: { ':team': keys.openTeam(team) },
        Select: 'COUNT',
      },
    );
    for await (const page of pages) count += page.Count ?? 0;
    return count;
  }

  async dueBy(until: Date): Promise<SlaIndexEntry[]> {
    const shards = Array.from({ length: this.shards }, (_, shard) => shard);
    const items = (await Promise.all(shards.map((shard) => this.queryShard(shard, until)))).flat();
    return items.flatMap((item) => {
      const entry = toEntry(item);
      return entry ? [entry] : [];
    });
  }

  async getThread(ref: string): Promise<ThreadRecord | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.thread(ref), ConsistentRead: true }));
    return result.Item && result.Item.kind === 'thread' ? toThread(result.Item) : undefined;
  }

  async recordEmissions(thread: ThreadRecord, expectedVersion: number, emissions: PendingSlaEmission[]): Promise<RecordEmissionsOutcome> {
    const clock = thread.slaClock;
    if (!clock) throw new Error('recordEmissions needs the thread\'s new clock');
    const index = slaIndexKeys(thread.ref, nextSlaCheck(clock));
    const set = ['version = :next'];
    const values: Item = { ':next': thread.version, ':expected': expectedVersion };
    if (clock.warnedAt) {
      set.push('#sla.warnedAt = :warnedAt');
      values[':warnedAt'] = clock.warnedAt.toISOString();
    }
    if (clock.breachedAt) {
      set.push('#sla.breachedAt = :breachedAt');
      values[':breachedAt'] = clock.breachedAt.toISOString();
    }
    let updateExpression: string;
    if (index.GSI2PK && index.GSI2SK) {
      set.push('GSI2PK = :gsi2pk', 'GSI2SK = :gsi2sk');
      values[':gsi2pk'] = index.GSI2PK;
      values[':gsi2sk'] = index.GSI2SK;
      updateExpression = `SET ${set.join(', ')}`;
    } else {
      updateExpression = `SET ${set.join(', ')} REMOVE GSI2PK, GSI2SK`;
    }
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.thread(thread.ref),
          UpdateExpression: updateExpression,
          // Same rule as ingest: a write only lands on the version it was decided on.
          ConditionExpression: 'version = :expected AND attribute_exists(#sla.dueAt)',
          ExpressionAttributeNames: { '#sla': 'sla' },
          ExpressionAttributeValues: values,
        },
      },
      ...emissions.map(
        (emission): TransactItem => ({
          Put: { TableName: this.tableName, Item: emissionItem(emission, thread.expiresAt), ConditionExpression: 'attribute_not_exists(PK)' },
        }),
      ),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return 'recorded';
    } catch (error) {
      const codes = cancellationCodes(error);
      // Lost the version race (ingest or another sweep wrote first), or a concurrent transaction on the same item.
      if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return 'thread-changed';
      if (codes.slice(1).includes('ConditionalCheckFailed')) {
        throw new Error(`an SLA emission of thread ${thread.ref} is already recorded while its clock says it is not; not emitting again`);
      }
      throw error;
    }
  }

  async claimPending(emission: PendingSlaEmission, leaseUntil: Date): Promise<PendingSlaEmission | undefined> {
    const index = slaIndexKeys(emission.ref, leaseUntil);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.emission(emission.ref, emission.key),
          UpdateExpression: 'SET leaseUntil = :lease, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk ADD attempts :one',
          // Still unpublished, and nobody took it over since we read it.
          ConditionExpression: 'attribute_exists(GSI2PK) AND leaseUntil = :read',
          ExpressionAttributeValues: {
            ':lease': leaseUntil.toISOString(),
            ':read': emission.leaseUntil.toISOString(),
            ':gsi2pk': index.GSI2PK,
            ':gsi2sk': index.GSI2SK,
            ':one': 1,
          },
        }),
      );
      return { ...emission, leaseUntil, attempts: emission.attempts + 1 };
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async markPublished(emission: PendingSlaEmission, at: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.emission(emission.ref, emission.key),
        UpdateExpression: 'SET publishedAt = :at REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  }

  private async queryShard(shard: number, until: Date): Promise<Item[]> {
    const items: Item[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        IndexName: TABLE_KEYS.openSlaIndex.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :until',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.openSlaIndex.partitionKey, '#sk': TABLE_KEYS.openSlaIndex.sortKey },
        ExpressionAttributeValues: { ':pk': keys.slaShard(shard), ':until': `${until.toISOString()}${AFTER_ANY_REF}` },
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }
}

function toEntry(item: Item): SlaIndexEntry | undefined {
  if (item.kind === 'thread') {
    const thread = toThread(item);
    const at = nextSlaCheck(thread.slaClock);
    return at ? { kind: 'thread', at, thread } : undefined;
  }
  if (item.kind === 'sla-emission') {
    const emission = toEmission(item);
    return { kind: 'pending', at: emission.leaseUntil, emission };
  }
  return undefined;
}
