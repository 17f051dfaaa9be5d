import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createAlertChatHandler } from '../../lambdas/handlers/alert-chat.js';
import { createAlertChatDependencies } from '../../lambdas/adapters/alert-chat-wiring.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { observeLogs, type LogEntry } from '../../lambdas/adapters/logger.js';
import { chatAlertKey } from '../../lambdas/core/chat-alerts.js';
import type { SlaEventDetail } from '../../lambdas/core/events.js';
import { DEFAULT_ALERTS_CONFIG } from '../../lambdas/schemas/alerts-config.js';
import { MemoryWebhook } from '../support/memory-ports.js';
import { sqsEvent } from '../support/sqs-events.js';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/SECRETTOKEN';
const SUBJECT = 'Refund for my broken kettle please';
const env = { TABLE_NAME: 'threads', CHAT_WEBHOOK_SECRET_ID: 'replyline/chat-webhook', REPLYLINE_CONFIG_FILE: 'replyline.config.json', AWS_REGION: 'us-east-1' };
const dynamo = mockClient(DynamoDBDocumentClient);
const secrets = mockClient(SecretsManagerClient);

function detail(threadRef: string, overrides: Partial<SlaEventDetail> = {}): SlaEventDetail {
  return {
    version: 1,
    threadRef,
    team: 'support',
    priority: 'high',
    category: 'refund',
    subject: SUBJECT,
    customer: 'k***@customer.example.org',
    target: 'firstResponse',
    dueAt: '2026-11-24T06:00:00.000Z',
    minutesOverdue: 1,
    link: undefined,
    ...overrides,
  };
}

/** The body an EventBridge → SQS target delivers (no input transformer): the whole event. */
function eventBody(detailType: string, eventDetail: unknown, id = `event-${Math.random()}`): string {
  return JSON.stringify({ version: '0', id, 'detail-type': detailType, source: 'replyline', account: '123456789012', time: '2026-11-24T06:01:00Z', region: 'us-east-1', resources: [], detail: eventDetail });
}


describe('alert-chat handler', () => {
  let logs: LogEntry[];
  let stopObserving: () => void;
  let http: MemoryWebhook;
  beforeEach(() => {
    dynamo.reset();
    secrets.reset();
    secrets.on(GetSecretValueCommand, { SecretId: 'replyline/chat-webhook' }).resolves({ SecretString: WEBHOOK });
    // A fresh ledger: every claim succeeds.
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(DeleteCommand).resolves({});
    logs = [];
    stopObserving = observeLogs((entry) => logs.push(entry));
    http = new MemoryWebhook();
  });
  afterEach(() => stopObserving());

  const handler = (alerts = DEFAULT_ALERTS_CONFIG) => createAlertChatHandler(() => createAlertChatDependencies(env, { alerts, http }));

  it('posts each alert of a batch and reports only the malformed records as failures', async () => {
    const response = await handler()(
      sqsEvent(
        eventBody('SLA Breached', detail('RL-7K3F9Q')),
        'not json at all, but it mentions ' + SUBJECT,
        eventBody('SLA Breached', { ...detail('RL-8M4G0R'), subject: undefined }),
        eventBody('Message Received', detail('RL-9N5H1S')),
        eventBody('SLA Breached', detail('RL-2B3C4D')),
      ),
    );
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(['sqs-1', 'sqs-2', 'sqs-3']);
    expect(http.bodies.map((body) => (JSON.parse(body) as { text: string }).text.split(' ')[3])).toEqual(['RL-7K3F9Q', 'RL-2B3C4D']);
    // Posted to the URL in the secret, nowhere else.
    expect(new Set(http.requests.map((request) => request.url))).toEqual(new Set([WEBHOOK]));

    // Each malformed record is logged with its reason, never with its content.
    const malformed = logs.filter((entry) => entry.fields.outcome === 'malformed');
    expect(malformed.map((entry) => entry.fields.sqsMessageId).sort()).toEqual(['sqs-1', 'sqs-2', 'sqs-3']);
    expect(malformed.find((entry) => entry.fields.sqsMessageId === 'sqs-1')!.fields.problems).toEqual(['the body is not JSON']);
    expect(malformed.find((entry) => entry.fields.sqsMessageId === 'sqs-2')!.fields.problems).toEqual([expect.stringMatching(/^detail\.subject: /)]);
    expect(malformed.find((entry) => entry.fields.sqsMessageId === 'sqs-3')!.fields.problems).toEqual([expect.stringMatching(/^detail-type: /)]);
    expect(logs.filter((entry) => entry.fields.outcome === 'posted').map((entry) => [entry.fields.threadRef, entry.fields.detailType])).toEqual([
      ['RL-7K3F9Q', 'SLA Breached'],
      ['RL-2B3C4D', 'SLA Breached'],
    ]);
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(SUBJECT);
    expect(logged).not.toContain('customer.example.org');
    expect(logged).not.toContain('SECRETTOKEN');
  });

  it('claims the alert by its identity in the ledger, marks it posted, and reads the secret once for the batch', async () => {
    await handler()(sqsEvent(eventBody('SLA Breached', detail('RL-7K3F9Q')), eventBody('SLA Breached', detail('RL-2B3C4D'))));
    const key = keys.alert(chatAlertKey({ type: 'SLA Breached', detail: detail('RL-7K3F9Q') }));
    const updates = dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input).filter((input) => input.Key?.PK === key.PK);
    expect(updates.map((input) => input.Key)).toEqual([key, key]);
    expect(updates[0]!.ConditionExpression).toContain('attribute_not_exists(#done)');
    expect(updates[1]!.UpdateExpression).toContain('SET #done');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('acknowledges an alert already posted without posting it again', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    dynamo.on(GetCommand).resolves({ Item: { doneAt: '2026-11-24T06:00:03.000Z' } });
    const response = await handler()(sqsEvent(eventBody('SLA Breached', detail('RL-7K3F9Q'))));
    expect(response.batchItemFailures).toEqual([]);
    expect(http.bodies).toEqual([]);
    expect(logs.map((entry) => entry.fields.outcome)).toEqual(['duplicate']);
  });

  it('fails the record when the webhook refuses it (so it ends in the DLQ), logging the status, and frees the alert', async () => {
    http.status = 404;
    const response = await handler()(sqsEvent(eventBody('SLA Breached', detail('RL-7K3F9Q'))));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    const [entry] = logs.filter((logged) => logged.level === 'ERROR');
    expect(entry!.fields).toMatchObject({ threadRef: 'RL-7K3F9Q', detailType: 'SLA Breached', outcome: 'refused', status: 404 });
    expect(String(entry!.fields.reason)).toContain('chat webhook answered 404');
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain('SECRETTOKEN');
  });

  it('fails the record while the secret holds no https URL, saying which secret and never the value', async () => {
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'http://hooks.slack.com/services/T000/B000/SECRETTOKEN' });
    const response = await handler()(sqsEvent(eventBody('SLA Breached', detail('RL-7K3F9Q'))));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    expect(http.bodies).toEqual([]);
    const [entry] = logs.filter((logged) => logged.level === 'ERROR');
    expect(entry!.fields.outcome).toBe('failed');
    expect(String(entry!.fields.reason)).toContain('the secret "replyline/chat-webhook" holds an http URL; the chat webhook must be https');
    expect(JSON.stringify(logs)).not.toContain('SECRETTOKEN');
  });

  it('skips warnings unless alerts.includeWarnings', async () => {
    const warning = eventBody('SLA Warning', detail('RL-7K3F9Q', { minutesOverdue: -48 }));
    expect((await handler()(sqsEvent(warning))).batchItemFailures).toEqual([]);
    expect(http.bodies).toEqual([]);
    expect(logs.map((entry) => entry.fields.outcome)).toEqual(['not-forwarded']);

    await handler({ ...DEFAULT_ALERTS_CONFIG, includeWarnings: true })(sqsEvent(warning));
    expect(http.bodies.map((body) => (JSON.parse(body) as { text: string }).text)).toEqual([expect.stringMatching(/^⚠️ SLA warning: RL-7K3F9Q/)]);
  });

  it('fails every record with the reason when its environment is incomplete', async () => {
    const broken = createAlertChatHandler(() => createAlertChatDependencies({ TABLE_NAME: 'threads' }, { alerts: DEFAULT_ALERTS_CONFIG, http }));
    const response = await broken(sqsEvent(eventBody('SLA Breached', detail('RL-7K3F9Q'))));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    expect(logs.map((entry) => entry.fields.reason)).toEqual([expect.stringContaining('CHAT_WEBHOOK_SECRET_ID')]);
  });
});
