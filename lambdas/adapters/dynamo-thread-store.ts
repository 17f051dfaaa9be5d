import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Language } from '../schemas/config.js';
import type { InboundProcessing, InboundRecord, MessageRecord, RecordOutcome, ThreadRecord, ThreadStatus } from '../core/records.js';
import type { EffectClaim, EffectDetails, SideEffect, ThreadStore } from '../ports/index.js';

type Item = Record<string, unknown>;

/** Key builders for the single-table layout of DESIGN.md "Data". */
export const keys = {
  thread: (ref: string) => ({ PK: `THREAD#${ref}`, SK: 'META' }),
  message: (ref: string, at: Date, dedupeKey: string) => ({ PK: `THREAD#${ref}`, SK: `MSG#${at.toISOString()}#${shortHash(dedupeKey)}` }),
  messageLink: (messageId: string) => ({ PK: `MID#${messageId}`, SK: 'MID' }),
  customer: (address: string) => `CUST#${address}`,
};

export class DynamoThreadStore implements ThreadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordInbound(record: InboundRecord): Promise<RecordOutcome> {
    const { thread, message, processing } = record;
    const threadWrite =
      thread.kind === 'new'
        ? { Put: { TableName: this.tableName, Item: threadItem(thread.record), ConditionExpression: 'attribute_not_exists(PK)' } }
        : {
            Update: {
              TableName: this.tableName,
              Key: keys.thread(thread.ref),
              UpdateExpression: 'SET inboundCount = inboundCount + :one, lastInboundAt = :at, updatedAt = :at',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1, ':at': thread.at.toISOString() },
            },
          };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: processingItem(processing), ConditionExpression: 'attribute_not_exists(PK)' } },
            threadWrite,
            { Put: { TableName: this.tableName, Item: messageItem(message) } },
          ],
        }),
      );
      return { kind: 'recorded' };
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons[0] === 'ConditionalCheckFailed') {
        const existing = await this.getProcessing(processing.dedupeKey);
        if (existing) return { kind: 'duplicate', processing: existing };
      }
      if (reasons[1] === 'ConditionalCheckFailed' && thread.kind === 'new') return { kind: 'ref-taken' };
      throw error;
    }
  }

  async getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined> {
    const item = await this.get(keys.messageLink(dedupeKey));
    return item && item.kind === 'inbound' ? toProcessing(item) : undefined;
  }

  async getThread(ref: string): Promise<ThreadRecord | undefined> {
    const item = await this.get(keys.thread(ref));
    return item ? toThread(item) : undefined;
  }

  async claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim> {
    const leaseAttribute = `lease_${effect}`;
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.messageLink(dedupeKey),
          UpdateExpression: 'SET #lease = :until',
          ConditionExpression: 'contains(pending, :effect) AND (attribute_not_exists(#lease) OR #lease < :now)',
          ExpressionAttributeNames: { '#lease': leaseAttribute },
          ExpressionAttributeValues: { ':effect': effect, ':now': now.toISOString(), ':until': new Date(now.getTime() + leaseMs).toISOString() },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { status: 'claimed', reclaimed: result.Attributes?.[leaseAttribute] !== undefined };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) && (error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const item = await this.get(keys.messageLink(dedupeKey));
      const pending = item?.pending instanceof Set ? item.pending : new Set();
      if (!pending.has(effect)) return { status: 'done' };
      // The holder may have released it between our write and this read: then it is free again now.
      const lease = item?.[leaseAttribute];
      return { status: 'busy', leaseUntil: typeof lease === 'string' ? new Date(lease) : now };
    }
  }

  async releaseEffect(dedupeKey: string, effect: SideEffect): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.messageLink(dedupeKey),
        UpdateExpression: 'REMOVE #lease',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#lease': `lease_${effect}` },
      }),
    );
  }

  async completeEffect(dedupeKey: string, effect: SideEffect, details: EffectDetails = {}): Promise<void> {
    const processing = await this.getProcessing(dedupeKey);
    if (!processing || !processing.pending.includes(effect)) return;
    const writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.messageLink(dedupeKey),
          UpdateExpression: 'DELETE pending :effect REMOVE #lease',
          // Someone else finishing it first is fine: the write below must then not happen twice.
          ConditionExpression: 'contains(pending, :name)',
          ExpressionAttributeNames: { '#lease': `lease_${effect}` },
          ExpressionAttributeValues: { ':effect': new Set([effect]), ':name': effect },
        },
      },
    ];
    const threadRef = details.threadRef ?? processing.threadRef;
    for (const sentMessageId of details.sentMessageIds ?? []) {
      writes.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.messageLink(sentMessageId), kind: 'outbound', threadRef, createdAt: (details.at ?? new Date(0)).toISOString(), expiresAt: epochSeconds(processing.expiresAt) },
        },
      });
    }
    if (effect === 'acknowledge' && details.at && details.sentMessageIds?.length) {
      writes.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.message(threadRef, details.at, `ack:${dedupeKey}`),
            kind: 'message',
            direction: 'ack',
            messageId: details.sentMessageIds[0],
            wireMessageIds: details.sentMessageIds,
            inReplyToKey: dedupeKey,
            at: details.at.toISOString(),
            expiresAt: epochSeconds(processing.expiresAt),
          },
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: writes }));
    } catch (error) {
      if (cancellationCodes(error)[0] === 'ConditionalCheckFailed') return;
      throw error;
    }
  }

  private async get(key: { PK: string; SK: string }): Promise<Item | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return result.Item;
  }
}

function cancellationCodes(error: unknown): (string | undefined)[] {
  if (error instanceof TransactionCanceledException || (error as { name?: string })?.name === 'TransactionCanceledException') {
    return ((error as TransactionCanceledException).CancellationReasons ?? []).map((reason) => reason.Code);
  }
  return [];
}

function threadItem(thread: ThreadRecord): Item {
  return {
    ...keys.thread(thread.ref),
    kind: 'thread',
    ref: thread.ref,
    status: thread.status,
    customerAddress: thread.customer.address,
    customerName: thread.customer.name,
    subject: thread.subject,
    serviceAddress: thread.serviceAddress,
    team: thread.team,
    agent: thread.agent,
    language: thread.language,
    createdAt: thread.createdAt.toISOString(),
    updatedAt: thread.updatedAt.toISOString(),
    lastInboundAt: thread.lastInboundAt.toISOString(),
    inboundCount: thread.inboundCount,
    rootMessageId: thread.rootMessageId,
    expiresAt: epochSeconds(thread.expiresAt),
    GSI1PK: keys.customer(thread.customer.address),
    GSI1SK: thread.createdAt.toISOString(),
  };
}

function toThread(item: Item): ThreadRecord {
  return {
    ref: String(item.ref),
    status: item.status as ThreadStatus,
    customer: { address: String(item.customerAddress), name: String(item.customerName ?? '') },
    subject: String(item.subject ?? ''),
    serviceAddress: String(item.serviceAddress),
    team: String(item.team),
    agent: item.agent === undefined ? undefined : String(item.agent),
    language: item.language as Language,
    createdAt: new Date(String(item.createdAt)),
    updatedAt: new Date(String(item.updatedAt)),
    lastInboundAt: new Date(String(item.lastInboundAt)),
    inboundCount: Number(item.inboundCount),
    rootMessageId: item.rootMessageId === undefined ? undefined : String(item.rootMessageId),
    expiresAt: new Date(Number(item.expiresAt) * 1000),
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
    at: message.at.toISOString(),
    rawMail: message.rawMail,
    sizeBytes: message.sizeBytes,
    attachments: message.attachments,
    reasons: message.reasons,
    expiresAt: epochSeconds(message.expiresAt),
  };
}

function processingItem(processing: InboundProcessing): Item {
  return {
    ...keys.messageLink(processing.dedupeKey),
    kind: 'inbound',
    threadRef: processing.threadRef,
    receiptId: processing.receiptId,
    sender: processing.sender,
    // A string set, so finishing an effect is an idempotent DELETE; an empty set is not storable.
    pending: processing.pending.length ? new Set(processing.pending) : undefined,
    createdAt: processing.createdAt.toISOString(),
    expiresAt: epochSeconds(processing.expiresAt),
  };
}

function toProcessing(item: Item): InboundProcessing {
  const pending = item.pending instanceof Set ? ([...item.pending] as SideEffect[]) : [];
  return {
    dedupeKey: String(item.PK).slice('MID#'.length),
    threadRef: String(item.threadRef),
    receiptId: String(item.receiptId),
    sender: String(item.sender),
    // Effects run in a fixed order whatever order the set returns them in.
    pending: (['acknowledge', 'announce'] as const).filter((effect) => pending.includes(effect)),
    createdAt: new Date(String(item.createdAt)),
    expiresAt: new Date(Number(item.expiresAt) * 1000),
  };
}

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
