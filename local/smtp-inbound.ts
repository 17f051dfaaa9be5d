import { randomBytes, randomUUID } from 'node:crypto';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { resolveServiceAddress } from '../lambdas/core/service-address.js';
import { maskAddress } from '../lambdas/core/mail.js';
import { buildSesNotification, snsEnvelopeFor } from '../lambdas/schemas/ses-notification.js';
import { rawMailKey } from '../lib/physical-names.js';

/** SES's limit for received mail, headers included. */
export const MAX_MAIL_BYTES = 40 * 1024 * 1024;

export interface SmtpInbound {
  port: number;
  stop(): Promise<void>;
}

/**
 * Stands in for SES receiving: accepts mail for configured addresses (others get
 * 550, as an unmatched SES rule would), stores the raw bytes in the bucket under
 * `inbound/<receipt id>` with the headers SES prepends, then puts the same
 * SNS-wrapped receipt notification on the inbound queue. 250 is only answered
 * once the mail is durable in S3 and queued.
 */
export async function startSmtpInbound(options: {
  port: number;
  config: ReplylineConfig;
  s3: S3Client;
  bucket: string;
  sqs: SQSClient;
  queueUrl: string;
  topicArn: string;
  log?: ((line: string) => void) | undefined;
}): Promise<SmtpInbound> {
  const server = new SMTPServer({
    name: 'replyline.local',
    banner: 'Replyline local inbound (stands in for Amazon SES)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MAIL_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (resolveServiceAddress([address.address], options.config)) return callback();
      const error = Object.assign(new Error('5.1.1 Recipient address rejected: not a Replyline address'), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(),
        (error: Error & { responseCode?: number }) => {
          options.log?.(`smtp   rejected a mail: ${error.message}`);
          callback(Object.assign(new Error(error.message), { responseCode: error.responseCode ?? 451 }));
        },
      );
    },
  });

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw Object.assign(new Error('5.3.4 Message too big for Replyline (40 MB limit)'), { responseCode: 552 });

    const receivedAt = new Date();
    const receiptId = randomBytes(20).toString('hex');
    const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
    const key = rawMailKey(receiptId);
    const prefix =
      `Return-Path: <${envelopeSender}>\r\n` +
      `Received: from ${session.hostNameAppearsAs || 'unknown'} (${session.remoteAddress}) by replyline.local with SMTP id ${receiptId}${recipients[0] ? ` for <${recipients[0]}>` : ''}; ${receivedAt.toUTCString()}\r\n`;
    const raw = Buffer.concat([Buffer.from(prefix), ...chunks]);

    await options.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: raw, ContentType: 'message/rfc822' }));
    const notification = buildSesNotification({ receiptId, receivedAt, envelopeSender, recipients, bucket: options.bucket, key, topicArn: options.topicArn });
    await options.sqs.send(new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: snsEnvelopeFor(notification, options.topicArn, randomUUID(), receivedAt) }));
    options.log?.(`smtp   accepted ${(raw.length / 1024).toFixed(1)} KB from ${maskAddress(envelopeSender)} → s3://${options.bucket}/${key}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as { port: number };
  return {
    port: address.port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
