import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SendingLog } from '../core/feedback.js';
import { keys } from './table-layout.js';

/** How long a sent-log entry is kept: far longer than any retry of the effect that sent it. */
const SENT_LOG_DAYS = 14;

export class DynamoSendingLog implements SendingLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async markSent(trackingKey: string, providerMessageId: string, at: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.sent(trackingKey), kind: 'sent', providerMessageId, at: at.toISOString(), expiresAt: Math.floor(at.getTime() / 1000) + SENT_LOG_DAYS * 86400 },
      }),
    );
  }

  async sentFor(trackingKey: string): Promise<string | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.sent(trackingKey), ConsistentRead: true }));
    return typeof result.Item?.providerMessageId === 'string' ? result.Item.providerMessageId : undefined;
  }

  async suppress(address: string, reason: string, at: Date): Promise<void> {
    // No TTL: a suppressed address stays suppressed until an operator lifts it.
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.suppression(address), kind: 'suppression', reason, at: at.toISOString() } }));
  }
}
