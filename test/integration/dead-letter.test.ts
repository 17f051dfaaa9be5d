import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { LocalInstance } from '../../local/instance.js';
import { MailNotSentError } from '../../lambdas/ports/index.js';
import { buildSesNotification, snsEnvelopeFor } from '../../lambdas/schemas/ses-notification.js';
import { acknowledgementsOf, rawMail, sendSmtp, startTestInstance, waitFor, waitUntilProcessed } from '../support/local-instance.js';

/** Nothing is lost: a record that keeps failing ends in the dead-letter queue, not in the void. */
describe('mail that cannot be processed', () => {
  let instance: LocalInstance;
  let sqs: SQSClient;
  let failSending = true;

  beforeAll(async () => {
    instance = await startTestInstance({
      wrapIngestDependencies: (deps) => ({
        ...deps,
        mailer: {
          sentAs: (mail, id) => deps.mailer.sentAs(mail, id),
          send: async (mail) => {
            if (failSending && mail.to[0]?.address === 'unlucky@customer.example.org') throw new MailNotSentError('Throttling: Daily message quota exceeded.'); // as the SES adapter reports a refusal
            return deps.mailer.send(mail);
          },
        },
      }),
    });
    sqs = new SQSClient({ endpoint: instance.env.AWS_ENDPOINT_URL_SQS, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  });
  afterAll(async () => {
    sqs?.destroy();
    await instance?.stop();
  });

  const deadLetters = async () => {
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: instance.resources.inbound.dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    return received.Messages ?? [];
  };

  it('lands in the DLQ after retries when its raw mail is missing from S3', async () => {
    const notification = buildSesNotification({
      receiptId: 'missing-object-receipt',
      receivedAt: new Date(),
      envelopeSender: 'jane@customer.example.org',
      recipients: ['support@example.com'],
      bucket: instance.resources.bucket,
      key: 'inbound/never-stored',
      topicArn: instance.resources.topicArn,
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: instance.resources.inbound.url, MessageBody: snsEnvelopeFor(notification, instance.resources.topicArn, 'sns-x', new Date()) }));
    const dead = await waitFor(async () => (await deadLetters()).find((message) => message.Body?.includes('missing-object-receipt')), 'the record in the DLQ');
    expect(dead).toBeDefined();
  });

  it('lands in the DLQ when SES keeps failing, and a redrive after the fix sends the acknowledgement once', async () => {
    const messageId = `unlucky-${Date.now()}@customer.example.org`;
    await sendSmtp(instance, rawMail({ from: 'unlucky@customer.example.org', to: 'support@example.com', subject: 'Help', body: 'Please help', messageId }), {
      from: 'unlucky@customer.example.org',
      to: ['support@example.com'],
    });
    const dead = await waitFor(async () => (await deadLetters()).find((message) => message.Body?.includes('unlucky@customer.example.org')), 'the SES failure in the DLQ');

    failSending = false;
    await sqs.send(new SendMessageCommand({ QueueUrl: instance.resources.inbound.url, MessageBody: dead.Body! }));
    const acks = await waitFor(async () => {
      const found = await acknowledgementsOf(messageId);
      return found.length ? found : undefined;
    }, 'the acknowledgement after redrive');
    await waitUntilProcessed(instance, messageId);
    expect(await acknowledgementsOf(messageId)).toHaveLength(acks.length);
    expect(acks).toHaveLength(1);
  });
});
