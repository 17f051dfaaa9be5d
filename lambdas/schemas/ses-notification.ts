import { z } from 'zod';
import { VERDICT_STATUSES, type VerdictStatus } from './vocabulary.js';

export type { VerdictStatus };

/** Where SES (or the local stand-in) stored the raw mail, and what its receipt said. */
export interface ReceiptEnvelope {
  /** Identifier SES gave this receipt; unique per received mail. */
  receiptId: string;
  receivedAt: Date;
  /** Envelope recipients (RCPT TO). */
  recipients: string[];
  /** Envelope sender (MAIL FROM); empty for bounces (`<>`). */
  envelopeSender: string;
  rawMail: RawMailLocation;
  verdicts: ReceiptVerdicts;
}

export interface RawMailLocation {
  bucket: string;
  key: string;
}

/** SES scan results; `undefined` means "not scanned" (always the case locally). */
export interface ReceiptVerdicts {
  spam?: VerdictStatus | undefined;
  virus?: VerdictStatus | undefined;
  spf?: VerdictStatus | undefined;
  dkim?: VerdictStatus | undefined;
  dmarc?: VerdictStatus | undefined;
}

/**
 * What arrives on the inbound queue: an SNS envelope whose `Message` is the SES
 * receipt notification for an S3 action (the mail body itself is in S3).
 * https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
 */
const verdict = z.object({ status: z.string() }).optional();

const s3Action = z.object({
  type: z.literal('S3'),
  bucketName: z.string().min(3),
  objectKey: z.string().min(1),
  topicArn: z.string().optional(),
});

const sesReceivedNotification = z.object({
  notificationType: z.literal('Received'),
  mail: z.object({
    timestamp: z.iso.datetime({ offset: true }),
    source: z.string(),
    messageId: z.string().min(1),
    destination: z.array(z.string()),
  }),
  receipt: z.object({
    timestamp: z.iso.datetime({ offset: true }),
    recipients: z.array(z.string()).min(1),
    spamVerdict: verdict,
    virusVerdict: verdict,
    spfVerdict: verdict,
    dkimVerdict: verdict,
    dmarcVerdict: verdict,
    action: s3Action,
  }),
});

/**
 * When a receipt rule with an S3 action and a topic is created, SES stores a test object and posts
 * a notification that carries no mail. Its marker is the mail's message id (notificationType is
 * the usual `Received`), also the stored object's name; the older form with the marker as
 * notificationType is recognised too.
 */
const SES_SETUP_NOTIFICATION_ID = 'AMAZON_SES_SETUP_NOTIFICATION';
const sesSetupNotification = z.union([
  z.object({ mail: z.object({ messageId: z.literal(SES_SETUP_NOTIFICATION_ID) }) }),
  z.object({ receipt: z.object({ action: z.object({ objectKey: z.string().endsWith(SES_SETUP_NOTIFICATION_ID) }) }) }),
  z.object({ notificationType: z.literal(SES_SETUP_NOTIFICATION_ID) }),
]);

const snsEnvelope = z.object({ Type: z.literal('Notification'), Message: z.string() });

type SesReceivedNotification = z.infer<typeof sesReceivedNotification>;

type InboundQueueMessage = { kind: 'mail'; envelope: ReceiptEnvelope } | { kind: 'setup-notification' };

/** Parses an inbound-queue body (SNS envelope, or raw delivery of the SES JSON). Throws a ZodError/SyntaxError when malformed. */
export function parseInboundQueueBody(body: string): InboundQueueMessage {
  const outer: unknown = JSON.parse(body);
  const envelope = snsEnvelope.safeParse(outer);
  const notification: unknown = envelope.success ? JSON.parse(envelope.data.Message) : outer;
  if (sesSetupNotification.safeParse(notification).success) return { kind: 'setup-notification' };
  const received = sesReceivedNotification.parse(notification);
  return { kind: 'mail', envelope: toEnvelope(received) };
}

function toEnvelope(notification: SesReceivedNotification): ReceiptEnvelope {
  const { mail, receipt } = notification;
  return {
    receiptId: mail.messageId,
    receivedAt: new Date(receipt.timestamp),
    recipients: receipt.recipients.map((recipient) => recipient.toLowerCase()),
    envelopeSender: mail.source,
    rawMail: { bucket: receipt.action.bucketName, key: receipt.action.objectKey },
    verdicts: {
      spam: status(receipt.spamVerdict),
      virus: status(receipt.virusVerdict),
      spf: status(receipt.spfVerdict),
      dkim: status(receipt.dkimVerdict),
      dmarc: status(receipt.dmarcVerdict),
    },
  };
}

function status(value: { status: string } | undefined): VerdictStatus | undefined {
  const upper = value?.status.toUpperCase();
  return VERDICT_STATUSES.find((known) => known === upper);
}

/** Builds the notification SES would send; the local SMTP stand-in uses it so both paths share one format. */
export function buildSesNotification(input: {
  receiptId: string;
  receivedAt: Date;
  envelopeSender: string;
  recipients: string[];
  bucket: string;
  key: string;
  topicArn: string;
}): SesReceivedNotification {
  const timestamp = input.receivedAt.toISOString();
  return {
    notificationType: 'Received',
    mail: { timestamp, source: input.envelopeSender, messageId: input.receiptId, destination: input.recipients },
    receipt: {
      timestamp,
      recipients: input.recipients,
      action: { type: 'S3', topicArn: input.topicArn, bucketName: input.bucket, objectKey: input.key },
    },
  };
}

/** Wraps a message the way SNS delivers it to an SQS subscriber (raw delivery off). */
export function snsEnvelopeFor(message: unknown, topicArn: string, messageId: string, at: Date): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: topicArn,
    Subject: 'Amazon SES Email Receipt Notification',
    Message: JSON.stringify(message),
    Timestamp: at.toISOString(),
    SignatureVersion: '1',
  });
}
