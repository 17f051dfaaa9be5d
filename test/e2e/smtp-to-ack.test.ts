import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { acknowledgementsOf, rawMail, sendSmtp, startTestInstance, waitFor } from '../support/local-instance.js';

describe('a customer mail sent over SMTP to the local stack', () => {
  let instance: LocalInstance;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    instance = await startTestInstance();
    db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: instance.env.AWS_ENDPOINT_URL_DYNAMODB, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }),
    );
  });
  afterAll(async () => {
    await instance?.stop();
  });

  it('is acknowledged through SES with threading headers and recorded as a thread', async () => {
    const messageId = `e2e-${Date.now()}@customer.example.org`;
    await sendSmtp(
      instance,
      rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'My kettle has not arrived', body: 'Order 4711 is late.', messageId }),
      { from: 'jane@customer.example.org', to: ['support@example.com'] },
    );

    const ack = await waitFor(async () => (await acknowledgementsOf(messageId))[0], 'the acknowledgement in local SES');
    expect(ack.to).toEqual(['jane@customer.example.org']);
    expect(ack.from).toBe('support@example.com');
    expect(ack.references).toContain(messageId);
    expect(ack.headers['auto-submitted']).toBe('auto-replied');
    expect(ack.subject).toMatch(/^Re: My kettle has not arrived \[#RL-[0-9A-Z]{6}\]$/);

    const ref = /RL-[0-9A-Z]{6}/.exec(ack.subject)![0];
    const thread = await db.send(new GetCommand({ TableName: instance.resources.table, Key: { PK: `THREAD#${ref}`, SK: 'META' } }));
    expect(thread.Item).toMatchObject({ ref, team: 'support', status: 'awaiting-agent', customerAddress: 'jane@customer.example.org', rootMessageId: messageId });
    const messages = await db.send(
      new QueryCommand({ TableName: instance.resources.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)', ExpressionAttributeValues: { ':pk': `THREAD#${ref}`, ':msg': 'MSG#' } }),
    );
    expect(messages.Items?.map((item) => item.direction).sort()).toEqual(['ack', 'in']);
  });
});
