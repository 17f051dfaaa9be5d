import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInstance } from '../../local/instance.js';
import { acknowledgementsOf, rawMail, sendSmtp, startTestInstance, waitFor } from '../support/local-instance.js';
import { DynamoSendingLog } from '../../lambdas/adapters/dynamo-sending-log.js';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import { createAwsClients } from '../../lambdas/adapters/aws-clients.js';
import { trackingKeyFor } from '../../lambdas/core/feedback.js';

/** SES reports bounces and complaints of our own mail (here: its mailbox simulator addresses) and every send. */
describe('SES sending feedback on the local stack', () => {
  let instance: LocalInstance;
  beforeAll(async () => {
    instance = await startTestInstance();
  });
  afterAll(async () => {
    await instance?.stop();
  });

  it('suppresses an address that complained about our acknowledgement: its next mail is threaded but never acknowledged', async () => {
    const threads = new DynamoThreadStore(createAwsClients(instance.env).dynamo, instance.resources.table);
    const first = `complaint-1-${Date.now()}@simulator.amazonses.com`;
    await sendSmtp(instance, rawMail({ from: 'complaint@simulator.amazonses.com', to: 'support@example.com', subject: 'Order', body: 'Where is my order?', messageId: first }), {
      from: 'complaint@simulator.amazonses.com',
      to: ['support@example.com'],
    });
    await waitFor(async () => (await acknowledgementsOf(first)).length === 1, 'the first acknowledgement');
    await waitFor(() => threads.isSuppressed('complaint@simulator.amazonses.com'), 'the complaint to reach the suppression list');

    const second = `complaint-2-${Date.now()}@simulator.amazonses.com`;
    await sendSmtp(instance, rawMail({ from: 'complaint@simulator.amazonses.com', to: 'support@example.com', subject: 'Another order', body: 'And this one?', messageId: second }), {
      from: 'complaint@simulator.amazonses.com',
      to: ['support@example.com'],
    });
    const processing = await waitFor(() => threads.getProcessing(second), 'the second mail to be recorded');
    expect(processing).toMatchObject({ disposition: 'unacknowledged', acknowledge: false, threadRef: expect.stringMatching(/^RL-/) });
    expect(processing.reasons.some(({ code }) => code === 'suppressed')).toBe(true);
    expect(await acknowledgementsOf(second)).toHaveLength(0);
  });

  it('keeps a sent-log of every acknowledgement SES accepted', async () => {
    const log = new DynamoSendingLog(createAwsClients(instance.env).dynamo, instance.resources.table);
    const messageId = `sentlog-${Date.now()}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'kim@customer.example.org', to: 'support@example.com', subject: 'Hi', body: 'Question', messageId }), { from: 'kim@customer.example.org', to: ['support@example.com'] });
    const [ack] = await waitFor(async () => {
      const acks = await acknowledgementsOf(messageId);
      return acks.length ? acks : undefined;
    }, 'the acknowledgement');
    const providerId = await waitFor(() => log.sentFor(trackingKeyFor(messageId, 'acknowledge')), 'the Send event in the sent-log');
    expect(providerId).toBe(ack!.id);
  });
});
