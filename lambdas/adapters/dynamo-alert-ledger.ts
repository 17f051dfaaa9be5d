import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertClaim, AlertDeliveryLedger } from '../ports/index.js';
import { TABLE_KEYS } from '../schemas/env.js';
import { appliedUnlessConditionFails, isConditionFailure } from './dynamo-errors.js';
import { keys } from './table-layout.js';

/**
 * How long an alert's delivery is remembered: as long as SQS can keep a message (14 days), so a
 * duplicate redriven from a dead-letter queue late still finds its twin's post.
 */
export const ALERT_LEDGER_DAYS = 14;

const ATTRIBUTES = { '#lease': 'leaseUntil', '#done': 'doneAt', '#kind': 'kind', '#created': 'createdAt', '#ttl': TABLE_KEYS.ttlAttribute } as const;

/** ExpressionAttributeNames with just the placeholders an expression uses (DynamoDB refuses unused ones). */
function attributeNames(...placeholders: (keyof typeof ATTRIBUTES)[]): Record<string, string> {
  return Object.fromEntries(placeholders.map((placeholder) => [placeholder, ATTRIBUTES[placeholder]]));
}

/**
 * The chat alert ledger in the thread table (DynamoDB), with conditional writes only: a claim
 * succeeds when the alert is not done and no live lease is held; a release deletes the item only
 * while it still holds our lease and is not done.
 */
export class DynamoAlertLedger implements AlertDeliveryLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(alertKey: string, now: Date, leaseMs: number): Promise<AlertClaim> {
    // A second try covers a holder releasing between our failed write and our read.
    for (let attempt = 0; ; attempt++) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      try {
        const result = await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.alert(alertKey),
            UpdateExpression: 'SET #lease = :until, #kind = :kind, #created = if_not_exists(#created, :now), #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(#done) AND (attribute_not_exists(#lease) OR #lease < :now)',
            ExpressionAttributeNames: attributeNames('#lease', '#done', '#kind', '#created', '#ttl'),
            ExpressionAttributeValues: { ':until': leaseUntil.toISOString(), ':now': now.toISOString(), ':kind': 'chat-alert', ':ttl': expiresAt(now) },
            ReturnValues: 'ALL_OLD',
          }),
        );
        return { status: 'claimed', reclaimed: typeof result.Attributes?.leaseUntil === 'string', leaseUntil };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const found = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.alert(alertKey), ConsistentRead: true }));
      const item = found.Item;
      if (typeof item?.doneAt === 'string') return { status: 'done', at: new Date(item.doneAt) };
      if (typeof item?.leaseUntil === 'string' && item.leaseUntil >= now.toISOString()) return { status: 'busy', leaseUntil: new Date(item.leaseUntil) };
      if (attempt >= 1) return { status: 'busy', leaseUntil: now };
    }
  }

  async complete(alertKey: string, at: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.alert(alertKey),
        UpdateExpression: 'SET #done = if_not_exists(#done, :at), #kind = :kind, #ttl = :ttl REMOVE #lease',
        ExpressionAttributeNames: attributeNames('#done', '#kind', '#ttl', '#lease'),
        ExpressionAttributeValues: { ':at': at.toISOString(), ':kind': 'chat-alert', ':ttl': expiresAt(at) },
      }),
    );
  }

  async release(alertKey: string, leaseUntil: Date): Promise<void> {
    // Not applied when done meanwhile, or our lease ran out and another worker holds the claim now: theirs to keep.
    await appliedUnlessConditionFails(
      this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.alert(alertKey),
          ConditionExpression: 'attribute_not_exists(#done) AND #lease = :mine',
          ExpressionAttributeNames: attributeNames('#done', '#lease'),
          ExpressionAttributeValues: { ':mine': leaseUntil.toISOString() },
        }),
      ),
    );
  }
}

function expiresAt(from: Date): number {
  return Math.floor(from.getTime() / 1000) + ALERT_LEDGER_DAYS * 86_400;
}
