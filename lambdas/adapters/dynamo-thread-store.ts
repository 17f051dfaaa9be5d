import { keys, shortHash } from './table-layout.js';
import { epochSeconds, messageItem, processingItem, quarantineItem, sentMailItems, threadItem, toProcessing, toThread, type Item } from './table-items.js';
import { appliedUnlessConditionFails, cancellationCodes, cancellationItems, conditionFailureItem, isConditionFailure } from './dynamo-errors.js';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AckAllowance, InboundProcessing, InboundRecord, QuarantineRecord, RecordOutcome, SideEffect, ThreadRecord } from '../core/records.js';
import type { EffectClaim, InboundLookup, SentRecord, ThreadStore } from '../ports/index.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoThreadStore implements ThreadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordInbound(record: InboundRecord): Promise<RecordOutcome> {
    const { thread, message, processing, claims } = record;
    const leases = Object.fromEntries((claims?.effects ?? []).map((effect) => [leaseAttribute(effect), claims!.until.toISOString()]));
    const items: TransactItem[] = [
      this.putIfAbsent({ ...processingItem(processing), ...leases }, true),
      thread.kind === 'new'
        ? this.putIfAbsent(threadItem(thread.record))
        : {
            Put: {
              TableName: this.tableName,
              Item: threadItem(thread.record),
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': thread.expectedVersion },
            },
          },
      { Put: { TableName: this.tableName, Item: messageItem(message) } },
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { kind: 'recorded' };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes[0] === 'ConditionalCheckFailed') return duplicateOf(cancellationItems(error)[0], error);
      if (codes[1] === 'ConditionalCheckFailed') return { kind: thread.kind === 'new' ? 'ref-taken' : 'thread-changed' };
      throw error;
    }
  }

  async consumeAckAllowance(allowance: AckAllowance, dedupeKey: string): Promise<boolean> {
    // A set of the counted mails (short hashes), so counting one again is a no-op that still passes.
    const mail = shortHash(dedupeKey);
    return appliedUnlessConditionFails(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.ackAllowance(allowance.sender, allowance.windowStart),
          UpdateExpression: 'ADD mails :mails SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(mails) OR contains(mails, :mail) OR size(mails) < :max',
          ExpressionAttributeValues: { ':mails': new Set([mail]), ':mail': mail, ':max': allowance.max, ':expires': epochSeconds(allowance.expiresAt) },
        }),
      ),
    );
  }

  async recordQuarantine(record: QuarantineRecord, processing: InboundProcessing): Promise<RecordOutcome> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putIfAbsent(processingItem(processing), true),
            { Put: { TableName: this.tableName, Item: quarantineItem(record) } },
          ],
        }),
      );
      return { kind: 'recorded' };
    } catch (error) {
      if (cancellationCodes(error)[0] === 'ConditionalCheckFailed') return duplicateOf(cancellationItems(error)[0], error);
      throw error;
    }
  }

  async getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined> {
    const item = await this.get(keys.processing(dedupeKey));
    return item && item.kind === 'inbound' ? toProcessing(item) : undefined;
  }

  async lookupInbound(dedupeKey: string, sender: string | undefined, messageIds: readonly string[]): Promise<InboundLookup> {
    const processingKey = keys.processing(dedupeKey);
    const suppressionKey = sender ? keys.suppression(sender) : undefined;
    const items = await this.batchGet([processingKey, ...(suppressionKey ? [suppressionKey] : []), ...messageIds.map((id) => keys.messageLink(id))]);
    const processing = items.get(itemKey(processingKey));
    return {
      processing: processing?.kind === 'inbound' ? toProcessing(processing) : undefined,
      sentByUs: processing?.kind === 'outbound',
      suppressed: suppressionKey ? items.has(itemKey(suppressionKey)) : false,
      knownMessageIds: linkedThreads(items, messageIds),
    };
  }

  async getThread(ref: string): Promise<ThreadRecord | undefined> {
    const item = await this.get(keys.thread(ref));
    return item ? toThread(item) : undefined;
  }

  async threadsOfMessageIds(messageIds: string[]): Promise<Map<string, string>> {
    return linkedThreads(await this.batchGet(messageIds.map((id) => keys.messageLink(id))), messageIds);
  }

  async customerHistory(address: string, limit: number): Promise<ThreadRecord[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :customer',
        ExpressionAttributeValues: { ':customer': keys.customer(address.toLowerCase()) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(toThread);
  }

  async updateThread(thread: ThreadRecord, expectedVersion: number): Promise<boolean> {
    return appliedUnlessConditionFails(
      this.db.send(new PutCommand({ TableName: this.tableName, Item: threadItem(thread), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } })),
    );
  }

  async settleOwedRecovery(threadRef: string, repliedAt: Date): Promise<void> {
    // Already settled by an earlier attempt: nothing to do.
    await appliedUnlessConditionFails(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.thread(threadRef),
          UpdateExpression: 'REMOVE owedRecovery SET version = version + :one',
          ConditionExpression: 'owedRecovery.repliedAt = :at',
          ExpressionAttributeValues: { ':one': 1, ':at': repliedAt.toISOString() },
        }),
      ),
    );
  }

  async isSuppressed(address: string): Promise<boolean> {
    return (await this.get(keys.suppression(address))) !== undefined;
  }

  async claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim> {
    const lease = leaseAttribute(effect);
    const leaseUntil = new Date(now.getTime() + leaseMs);
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(dedupeKey),
          UpdateExpression: 'SET #lease = :until',
          ConditionExpression: 'contains(pending, :effect) AND (attribute_not_exists(#lease) OR #lease < :now)',
          ExpressionAttributeNames: { '#lease': lease },
          ExpressionAttributeValues: { ':effect': effect, ':now': now.toISOString(), ':until': leaseUntil.toISOString() },
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const item = result.Attributes!;
      return { status: 'claimed', reclaimed: item[lease] !== undefined, leaseUntil, processing: toProcessing(item) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The item as the failed condition saw it: no second read.
      const item = conditionFailureItem(error);
      const processing = item?.kind === 'inbound' ? toProcessing(item) : undefined;
      if (!processing?.pending.includes(effect)) return { status: 'done', processing };
      const held = item?.[lease];
      return { status: 'busy', leaseUntil: typeof held === 'string' ? new Date(held) : now };
    }
  }

  async releaseEffect(dedupeKey: string, effect: SideEffect, leaseUntil: Date): Promise<void> {
    // Not applied when the claim is no longer ours (done, or taken over after our lease ran out): nothing to give back.
    await appliedUnlessConditionFails(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(dedupeKey),
          UpdateExpression: 'REMOVE #lease',
          ConditionExpression: '#lease = :until',
          ExpressionAttributeNames: { '#lease': leaseAttribute(effect) },
          ExpressionAttributeValues: { ':until': leaseUntil.toISOString() },
        }),
      ),
    );
  }

  async completeEffects(dedupeKey: string, effects: readonly SideEffect[], sent?: SentRecord): Promise<void> {
    if (!effects.length) return;
    // Links first: they are idempotent puts, so a failure before the update below leaves the
    // effects pending and the retry writes the same items again.
    if (sent) await this.batchPut(sentMailItems(dedupeKey, sent));
    const names = Object.fromEntries(effects.map((effect, index) => [`#lease${index}`, leaseAttribute(effect)]));
    await appliedUnlessConditionFails(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(dedupeKey),
          // DELETE and REMOVE are no-ops for effects already done: completing twice changes nothing.
          UpdateExpression: `DELETE pending :effects REMOVE ${Object.keys(names).join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':effects': new Set(effects) },
        }),
      ),
    );
  }

  private putIfAbsent(item: Item, returnExisting = false): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(PK)',
        ...(returnExisting ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
      },
    };
  }

  private async batchPut(items: Item[]): Promise<void> {
    for (let start = 0; start < items.length; start += 25) {
      let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; requests.length > 0; round++) {
        if (round === 5) throw new Error('DynamoDB kept writes unprocessed; retry later');
        const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] as typeof requests | undefined) ?? [];
      }
    }
  }

  /** Consistent reads of up to 100 keys per request, by `PK|SK`; absent keys are absent from the map. */
  private async batchGet(wanted: { PK: string; SK: string }[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const unique = [...new Map(wanted.map((key) => [itemKey(key), key])).values()];
    for (let start = 0; start < unique.length; start += 100) {
      let requestKeys: Record<string, unknown>[] = unique.slice(start, start + 100);
      for (let round = 0; requestKeys.length > 0; round++) {
        if (round === 5) throw new Error('DynamoDB kept reads unprocessed; retry later');
        const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requestKeys, ConsistentRead: true } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) found.set(itemKey({ PK: String(item.PK), SK: String(item.SK) }), item);
        requestKeys = (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return found;
  }

  private async get(key: { PK: string; SK: string }): Promise<Item | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return result.Item;
  }
}

function itemKey(key: { PK: string; SK: string }): string {
  return `${key.PK}|${key.SK}`;
}

/** Thread refs of the Message-IDs whose link items are among `items` (a batchGet answer). */
function linkedThreads(items: Map<string, Item>, messageIds: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const id of messageIds) {
    const threadRef = items.get(itemKey(keys.messageLink(id)))?.threadRef;
    if (typeof threadRef === 'string') found.set(id, threadRef);
  }
  return found;
}

function leaseAttribute(effect: SideEffect): string {
  return `lease_${effect}`;
}

/** The existing processing record a failed put-if-absent returned: the mail was recorded before. */
function duplicateOf(existing: Item | undefined, error: unknown): RecordOutcome {
  if (!existing || existing.kind !== 'inbound') throw error;
  return { kind: 'duplicate', processing: toProcessing(existing) };
}
