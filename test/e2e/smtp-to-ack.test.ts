import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalInstance } from '../../local/instance.js';
import { acknowledgementsOf, rawMail, sendSmtp, startTestInstance, waitFor, waitUntilProcessed } from '../support/local-instance.js';
import { keys, PREFIX } from '../../lambdas/adapters/table-layout.js';

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
    // The send precedes its record in the thread's history; the mail is finished once nothing is pending.
    await waitUntilProcessed(instance, messageId);
    const thread = await db.send(new GetCommand({ TableName: instance.resources.table, Key: keys.thread(ref) }));
    expect(thread.Item).toMatchObject({ ref, team: 'support', status: 'awaiting-agent', customerAddress: 'jane@customer.example.org', rootMessageId: messageId });
    const messages = await db.send(
      new QueryCommand({ TableName: instance.resources.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)', ExpressionAttributeValues: { ':pk': keys.thread(ref).PK, ':msg': PREFIX.message } }),
    );
    expect(messages.Items?.map((item) => item.direction).sort()).toEqual(['ack', 'in']);
  });

  it('answers each customer in their own language (the samples of the README)', async () => {
    // Sample → what the customer reads: the reply prefix of their mail client, the greeting, and the name.
    const expected: Record<string, { prefix: string; greeting: string; name: string }> = {
      'de-invoice': { prefix: 'AW: ', greeting: 'Hallo Jana Müller,', name: 'Jana Müller' },
      'es-refund': { prefix: 'RE: ', greeting: 'Hola, José Núñez:', name: 'José Núñez' },
      'fr-login': { prefix: 'RE : ', greeting: 'Bonjour Élodie Martin,', name: 'Élodie Martin' },
      'pt-delivery': { prefix: 'Re: ', greeting: 'Olá, João Silva!', name: 'João Silva' },
      'it-quote': { prefix: 'R: ', greeting: 'Buongiorno Giulia Rossi,', name: 'Giulia Rossi' },
      'nl-app': { prefix: 'Re: ', greeting: 'Hallo Sanne de Vries,', name: 'Sanne de Vries' },
      'ru-billing': { prefix: 'Re: ', greeting: 'Здравствуйте, Анна Петрова!', name: 'Анна Петрова' },
      'ko-delivery': { prefix: 'RE: ', greeting: '안녕하세요, 김민준 고객님.', name: '김민준' },
    };
    for (const sample of Object.keys(expected)) {
      const raw = readFileSync(`samples/${sample}.eml`, 'utf8');
      const from = /^From: .*<([^>]+)>/m.exec(raw)![1]!;
      await sendSmtp(instance, raw, { from, to: ['support@example.com'] });
    }
    for (const [sample, want] of Object.entries(expected)) {
      const messageId = /^Message-ID: <([^>]+)>/m.exec(readFileSync(`samples/${sample}.eml`, 'utf8'))![1]!;
      const ack = await waitFor(async () => (await acknowledgementsOf(messageId))[0], `the acknowledgement of ${sample}`);
      expect({ sample, prefix: ack.subject.slice(0, want.prefix.length), greeting: ack.text.split('\n')[0] }).toEqual({ sample, prefix: want.prefix, greeting: want.greeting });
      expect(ack.text).not.toContain('Thank you for writing');
    }
  });
});
