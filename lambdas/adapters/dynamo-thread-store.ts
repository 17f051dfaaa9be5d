import { keys, linkedIdOf, openByTeamKeys, slaIndexKeys } from './table-layout.js';
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
import type { Priority } from '../core/priority.js';
import { nextSlaCheck } from '../core/records.js';
import type {
  SlaClock,
  OwedRecovery,
  Disposition,
  InboundProcessing,
  InboundRecord,
  MessageRecord,
  QuarantineRecord,
  RecordOutcome,
  ThreadRecord,
  ThreadStatus,
} from '../core/records.js';
import { EFFECT_ORDER, type EffectClaim, type InboundLookup, type SentRecord, type SideEffect, type ThreadStore } from '../ports/index.js';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoThreadStore implements ThreadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordInbound(record: InboundRecord): Promise<RecordOutcome> {
    const { thread, message, processing, ackAllowance, claims } = record;
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
    if (ackAllowance) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.ackAllowance(ackAllowance.sender, ackAllowance.windowStart),
          UpdateExpression: 'ADD acknowledgements :one SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(acknowledgements) OR acknowledgements < :max',
          ExpressionAttributeValues: { ':one': 1, ':max': ackAllowance.max, ':expires': epochSeconds(ackAllowance.expiresAt) },
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { kind: 'recorded' };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes[0] === 'ConditionalCheckFailed') return duplicateOf(cancellationItems(error)[0], error);
      if (codes[1] === 'ConditionalCheckFailed') return { kind: thread.kind === 'new' ? 'ref-taken' : 'thread-changed' };
      if (codes[3] === 'ConditionalCheckFailed') return { kind: 'ack-limit-reached' };
      throw error;
    }
  }

  async recordQuarantine(record: QuarantineRecord, processing: InboundProcessing): Promise<RecordOutcome> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putIfAbsent(processingItem(processing), true),
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.quarantine(record.receivedAt, record.receiptId),
                  kind: 'quarantine',
                  receiptId: record.receiptId,
                  dedupeKey: record.dedupeKey,
                  receivedAt: record.receivedAt.toISOString(),
                  sender: record.sender,
                  subject: record.subject,
                  rawMail: record.rawMail,
                  sizeBytes: record.sizeBytes,
                  reasons: record.reasons,
                  expiresAt: epochSeconds(record.expiresAt),
                },
              },
            },
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
    const item = await this.get(keys.messageLink(dedupeKey));
    return item && item.kind === 'inbound' ? toProcessing(item) : undefined;
  }

  async lookupInbound(dedupeKey: string, sender: string | undefined, messageIds: readonly string[]): Promise<InboundLookup> {
    const processingKey = keys.messageLink(dedupeKey);
    const suppressionKey = sender ? keys.suppression(sender) : undefined;
    const items = await this.batchGet([processingKey, ...(suppressionKey ? [suppressionKey] : []), ...messageIds.map((id) => keys.messageLink(id))]);
    const processing = items.get(itemKey(processingKey));
    return {
      processing: processing?.kind === 'inbound' ? toProcessing(processing) : undefined,
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
          Key: keys.messageLink(dedupeKey),
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
          Key: keys.messageLink(dedupeKey),
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
    if (sent) await this.batchPut(sentItems(dedupeKey, sent));
    const names = Object.fromEntries(effects.map((effect, index) => [`#lease${index}`, leaseAttribute(effect)]));
    await appliedUnlessConditionFails(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.messageLink(dedupeKey),
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


const iso = (date: Date | undefined) => date?.toISOString();
const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : undefined);
const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

export function threadItem(thread: ThreadRecord): Item {
  return {
    ...keys.thread(thread.ref),
    kind: 'thread',
    ref: thread.ref,
    version: thread.version,
    status: thread.status,
    customerAddress: thread.customer.address,
    customerName: thread.customer.name,
    participants: thread.participants,
    subject: thread.subject,
    serviceAddress: thread.serviceAddress,
    team: thread.team,
    agent: thread.agent,
    language: thread.language,
    replyLanguage: thread.replyLanguage,
    priority: thread.priority,
    category: thread.category,
    automated: thread.automated,
    createdAt: iso(thread.createdAt),
    updatedAt: iso(thread.updatedAt),
    lastInboundAt: iso(thread.lastInboundAt),
    inboundCount: thread.inboundCount,
    rootMessageId: thread.rootMessageId,
    firstReplyDue: iso(thread.firstReplyDue),
    firstRespondedAt: iso(thread.firstRespondedAt),
    lastAgentReplyAt: iso(thread.lastAgentReplyAt),
    sla: clockItem(thread.sla),
    owedRecovery: thread.owedRecovery && { clock: clockItem(thread.owedRecovery.clock), repliedAt: iso(thread.owedRecovery.repliedAt) },
    expiresAt: epochSeconds(thread.expiresAt),
    GSI1PK: keys.customer(thread.customer.address),
    GSI1SK: iso(thread.createdAt),
    ...slaIndexKeys(thread.ref, nextSlaCheck(thread.sla)),
    ...(thread.status === 'awaiting-agent' && !thread.automated ? openByTeamKeys(thread.ref, thread.team, thread.createdAt) : {}),
  };
}

export function toThread(item: Item): ThreadRecord {
  return {
    ref: String(item.ref),
    version: Number(item.version ?? 1),
    status: item.status as ThreadStatus,
    customer: { address: String(item.customerAddress), name: String(item.customerName ?? '') },
    participants: Array.isArray(item.participants) ? item.participants.map(String) : [],
    subject: String(item.subject ?? ''),
    serviceAddress: String(item.serviceAddress),
    team: String(item.team),
    agent: text(item.agent),
    language: String(item.language ?? 'en'),
    // Threads recorded before acknowledgements had their own language field were answered in `language`.
    replyLanguage: String(item.replyLanguage ?? item.language ?? 'en'),
    priority: (item.priority ?? 'normal') as Priority,
    category: String(item.category ?? 'other'),
    automated: Boolean(item.automated),
    createdAt: date(item.createdAt)!,
    updatedAt: date(item.updatedAt)!,
    lastInboundAt: date(item.lastInboundAt)!,
    inboundCount: Number(item.inboundCount),
    rootMessageId: text(item.rootMessageId),
    firstReplyDue: date(item.firstReplyDue),
    firstRespondedAt: date(item.firstRespondedAt),
    lastAgentReplyAt: date(item.lastAgentReplyAt),
    sla: toClock(item.sla),
    owedRecovery: toOwedRecovery(item.owedRecovery),
    expiresAt: new Date(Number(item.expiresAt) * 1000),
  };
}

function clockItem(clock: SlaClock | undefined): Item | undefined {
  return (
    clock && {
      target: clock.target,
      startedAt: iso(clock.startedAt),
      dueAt: iso(clock.dueAt),
      warnAt: iso(clock.warnAt),
      warnedAt: iso(clock.warnedAt),
      breachedAt: iso(clock.breachedAt),
    }
  );
}

function toOwedRecovery(value: unknown): OwedRecovery | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const owed = value as Record<string, unknown>;
  const clock = toClock(owed.clock);
  const repliedAt = date(owed.repliedAt);
  return clock && repliedAt ? { clock, repliedAt } : undefined;
}

function toClock(value: unknown): SlaClock | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const clock = value as Record<string, unknown>;
  return {
    target: clock.target === 'nextReply' ? 'nextReply' : 'firstResponse',
    startedAt: date(clock.startedAt)!,
    dueAt: date(clock.dueAt)!,
    warnAt: date(clock.warnAt)!,
    warnedAt: date(clock.warnedAt),
    breachedAt: date(clock.breachedAt),
  };
}

function messageItem(message: MessageRecord): Item {
  return {
    ...keys.message(message.threadRef, message.at, message.dedupeKey),
    kind: 'message',
    direction: message.direction,
    dedupeKey: message.dedupeKey,
    messageId: message.messageId,
    from: message.from,
    subject: message.subject,
    at: iso(message.at),
    rawMail: message.rawMail,
    sizeBytes: message.sizeBytes,
    attachments: message.attachments,
    automated: message.automated,
    reasons: message.reasons,
    expiresAt: epochSeconds(message.expiresAt),
  };
}

function processingItem(processing: InboundProcessing): Item {
  return {
    ...keys.messageLink(processing.dedupeKey),
    kind: 'inbound',
    disposition: processing.disposition,
    role: processing.role,
    threadRef: processing.threadRef,
    receiptId: processing.receiptId,
    sender: processing.sender,
    acknowledge: processing.acknowledge,
    unacknowledgedBecause: processing.unacknowledgedBecause,
    reasons: processing.reasons,
    // A string set, so finishing an effect is an idempotent DELETE; an empty set is not storable.
    pending: processing.pending.length ? new Set(processing.pending) : undefined,
    recovered: clockItem(processing.recovered),
    createdAt: iso(processing.createdAt),
    expiresAt: epochSeconds(processing.expiresAt),
  };
}

function toProcessing(item: Item): InboundProcessing {
  const pending = item.pending instanceof Set ? ([...item.pending] as SideEffect[]) : [];
  return {
    dedupeKey: linkedIdOf(item),
    disposition: item.disposition as Disposition,
    role: item.role === 'agent' ? 'agent' : 'customer',
    threadRef: text(item.threadRef),
    receiptId: String(item.receiptId),
    sender: String(item.sender ?? ''),
    acknowledge: Boolean(item.acknowledge),
    unacknowledgedBecause: text(item.unacknowledgedBecause),
    reasons: Array.isArray(item.reasons) ? item.reasons.map(String) : [],
    // Effects run in a fixed order whatever order the set returns them in.
    pending: EFFECT_ORDER.filter((effect) => pending.includes(effect)),
    recovered: toClock(item.recovered),
    createdAt: date(item.createdAt)!,
    expiresAt: new Date(Number(item.expiresAt) * 1000),
  };
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

/** The links of a sent mail's Message-IDs to its thread, and (for an acknowledgement) its entry in the thread's history. */
function sentItems(dedupeKey: string, sent: SentRecord): Item[] {
  const expiresAt = epochSeconds(sent.expiresAt);
  const items: Item[] = sent.sentMessageIds.map((id) => ({ ...keys.messageLink(id), kind: 'outbound', threadRef: sent.threadRef, createdAt: sent.at.toISOString(), expiresAt }));
  if (sent.effect === 'acknowledge' && sent.sentMessageIds.length) {
    items.push({
      // Keyed by when the mail was recorded, not sent: a retried completion rewrites the same entry.
      ...keys.message(sent.threadRef, sent.mailRecordedAt, `ack:${dedupeKey}`),
      kind: 'message',
      direction: 'ack',
      messageId: sent.sentMessageIds[0],
      wireMessageIds: sent.sentMessageIds,
      inReplyToKey: dedupeKey,
      at: sent.at.toISOString(),
      expiresAt,
    });
  }
  return items;
}

/** The existing processing record a failed put-if-absent returned: the mail was recorded before. */
function duplicateOf(existing: Item | undefined, error: unknown): RecordOutcome {
  if (!existing || existing.kind !== 'inbound') throw error;
  return { kind: 'duplicate', processing: toProcessing(existing) };
}

function epochSeconds(value: Date): number {
  return Math.floor(value.getTime() / 1000);
}

