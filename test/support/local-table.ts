import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../local/resources.js';

function localDynamoClient(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: inject('emulators').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}

/** A document client for the test DynamoDB Local (over `base`, or a client of its own); the caller destroys it. */
export function localDocumentClient(base = localDynamoClient()): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

/** A table of the stack's layout, of its own on the test DynamoDB Local, for one test file. */
export async function freshTable(prefix: string): Promise<{ tableName: string; db: DynamoDBDocumentClient }> {
  const tableName = `${prefix}-${randomBytes(4).toString('hex')}`;
  const base = localDynamoClient();
  await ensureTable(base, tableName);
  return { tableName, db: localDocumentClient(base) };
}
