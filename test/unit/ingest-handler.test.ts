import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Readable } from 'node:stream';
// As in local mode, date-holidays expands the example config's CN holidays (a deployed function has them bundled).
import '../../lambdas/adapters/holidays.js';
import { createIngestHandler } from '../../lambdas/handlers/ingest.js';
import { createIngestDependencies } from '../../lambdas/adapters/wiring.js';
import { buildSesNotification, snsEnvelopeFor } from '../../lambdas/schemas/ses-notification.js';
import { rawMail } from '../support/mail-builder.js';
import { sqsEvent } from '../support/sqs-events.js';

const env = {
  TABLE_NAME: 'threads',
  EVENT_BUS_NAME: 'bus',
  INSTANCE_ID: 'unit.example.com',
  THREAD_KEY_SECRET_ID: 'thread-key',
  TEAM_QUEUE_URLS: JSON.stringify({ support: 'https://sqs.local/support', sales: 'https://sqs.local/sales' }),
  REPLYLINE_CONFIG_FILE: 'replyline.config.json',
  AWS_REGION: 'us-east-1',
};
const s3 = mockClient(S3Client);
const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const events = mockClient(EventBridgeClient);
const secrets = mockClient(SecretsManagerClient);
const sqs = mockClient(SQSClient);

const BODY_SECRET = 'my card number is 4111 1111 1111 1111';
const mail = rawMail({ from: 'Jane Doe <jane.private@customer.example.org>', to: 'support@example.com', subject: 'Card problem', body: BODY_SECRET });


function notificationFor(receiptId: string): string {
  const notification = buildSesNotification({
    receiptId,
    receivedAt: new Date('2026-11-24T02:00:00Z'),
    envelopeSender: 'jane.private@customer.example.org',
    recipients: ['support@example.com'],
    bucket: 'raw-mail',
    key: `inbound/${receiptId}`,
    topicArn: 'arn:aws:sns:us-east-1:000000000000:inbound',
  });
  return snsEnvelopeFor(notification, 'arn:aws:sns:us-east-1:000000000000:inbound', 'sns-1', new Date());
}

describe('ingest handler under SDK faults', () => {
  let output: string[];
  let table: Map<string, Record<string, unknown>>;
  const keepPuts = (input: { TransactItems: { Put?: { Item: Record<string, unknown> } }[] }) => {
    for (const write of input.TransactItems) if (write.Put) table.set(`${write.Put.Item.PK}|${write.Put.Item.SK}`, write.Put.Item);
    return {};
  };
  beforeEach(() => {
    s3.reset();
    dynamo.reset();
    ses.reset();
    events.reset();
    secrets.reset();
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm1' });
    output = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
    s3.on(GetObjectCommand).callsFake(() => ({ Body: Readable.from([Buffer.from(mail)]) as never }));
    // Just enough table behaviour for the adapter: puts are kept, gets read them back.
    table = new Map();
    dynamo.on(GetCommand).callsFake((input: { Key: { PK: string; SK: string } }) => ({ Item: table.get(`${input.Key.PK}|${input.Key.SK}`) }));
    dynamo.on(TransactWriteCommand).callsFake(keepPuts);
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(BatchWriteCommand).resolves({});
    dynamo.on(BatchGetCommand).resolves({ Responses: { threads: [] } });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'unit-thread-key' });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
  });
  afterEach(() => vi.restoreAllMocks());

  const handler = () => createIngestHandler(() => createIngestDependencies(env));

  it('acknowledges and reports no failures when every service answers', async () => {
    const result = await handler()(sqsEvent(notificationFor('r-ok')));
    expect(result.batchItemFailures).toEqual([]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input.QueueUrl)).toEqual(['https://sqs.local/support']);
  });

  it('fails only the record whose raw mail is missing, and says why without addresses or body', async () => {
    s3.on(GetObjectCommand, { Key: 'inbound/r-missing' }).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    const result = await handler()(sqsEvent(notificationFor('r-missing'), notificationFor('r-ok')));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    const logs = output.join('');
    expect(logs).toContain('NoSuchKey');
    expect(logs).toContain('r-missing');
    expect(logs).not.toContain('jane.private@customer.example.org');
    expect(logs).not.toContain(BODY_SECRET);
  });

  it('fails the record when DynamoDB or SES errors, so SQS retries it', async () => {
    dynamo.on(TransactWriteCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    expect((await handler()(sqsEvent(notificationFor('r-ddb')))).batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);

    dynamo.on(TransactWriteCommand).callsFake(keepPuts);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' }));
    expect((await handler()(sqsEvent(notificationFor('r-ses')))).batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    expect(output.join('')).toContain('TooManyRequestsException');
  });

  it('fails every record and says why when the function environment is incomplete', async () => {
    const broken = createIngestHandler(() => createIngestDependencies({ ...env, THREAD_KEY_SECRET_ID: undefined }));
    expect((await broken(sqsEvent(notificationFor('r-env')))).batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    expect(output.join('')).toContain('THREAD_KEY_SECRET_ID');
  });

  it('fails a queue message that is not an SES notification, naming the problem', async () => {
    const result = await handler()(sqsEvent('{"hello":"world"}', 'not json'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }, { itemIdentifier: 'sqs-1' }]);
    expect(output.join('')).toContain('not an SES receipt notification');
  });

  it('accepts the SES setup notification (notificationType Received, the marker in mail.messageId) without ingesting or dead-lettering it', async () => {
    // What SES posts once when a receipt rule with an S3 action and a topic is created: no mail, no recipients.
    const setup = {
      notificationType: 'Received',
      receipt: {
        timestamp: '2026-12-03T06:00:00.000Z',
        processingTimeMillis: 0,
        recipients: [],
        action: { type: 'S3', topicArn: 'arn:aws:sns:eu-west-1:123456789012:Replyline-inbound-mail', bucketName: 'replyline-raw-mail', objectKeyPrefix: 'inbound/', objectKey: 'inbound/AMAZON_SES_SETUP_NOTIFICATION' },
      },
      mail: { timestamp: '2026-12-03T06:00:00.000Z', source: '', messageId: 'AMAZON_SES_SETUP_NOTIFICATION', destination: [], headersTruncated: false, headers: [], commonHeaders: {} },
    };
    const legacy = { notificationType: 'AMAZON_SES_SETUP_NOTIFICATION' };
    for (const notification of [setup, legacy]) {
      const body = JSON.stringify({ Type: 'Notification', Message: JSON.stringify(notification) });
      expect((await handler()(sqsEvent(body))).batchItemFailures).toEqual([]);
    }
    expect(s3.calls()).toHaveLength(0);
  });
});
