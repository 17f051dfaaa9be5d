import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../local/resources.js';

/** A table of the stack's layout, of its own on the test DynamoDB Local, for one test file. */
export async function freshTable(prefix: string): Promise<{ tableName: string; db: DynamoDBDocumentClient }> {
  const tableName = `${prefix}-${randomBytes(4).toString('hex')}`;
  const base = new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await ensureTable(base, tableName);
  return { tableName, db: DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } }) };
}
