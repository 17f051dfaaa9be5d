import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { MailTooLargeError, SES_MAX_MESSAGE_BYTES } from '../core/message-size.js';
import type { OutgoingMail } from '../core/outgoing.js';
import { MailNotSentError, type Mailer, type RawMailStore, type SentMail } from '../ports/index.js';
import { composeMimeParts } from './mime-composer.js';
import { sendEmailCommand } from './ses-raw-message-body.js';
import { TRACKING_TAG } from '../schemas/ses-feedback.js';

/** Sends every mail as raw MIME through SES v2 SendEmail, which takes messages up to SES_MAX_MESSAGE_BYTES. */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly rawMail?: RawMailStore,
    /** SES configuration set whose event destination feeds the feedback queue (sent-log, bounces, complaints). */
    private readonly configurationSet?: string,
    /** The largest composed message offered to SES; a larger one is refused here, without a request. */
    private readonly maxMessageBytes = SES_MAX_MESSAGE_BYTES,
  ) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    // A forward or relay may carry attachments of 25 MB and more: the message stays in the parts it was composed in.
    const message = await composeMimeParts(mail, this.rawMail);
    const messageBytes = message.reduce((sum, part) => sum + part.length, 0);
    if (messageBytes > this.maxMessageBytes) {
      throw new MailTooLargeError(`the composed message is ${messageBytes} bytes; SES sends at most ${this.maxMessageBytes} bytes per message`);
    }
    const cc = (mail.cc ?? []).map((recipient) => recipient.address);
    const command = sendEmailCommand(
      {
        FromEmailAddress: mail.from.address,
        Destination: { ToAddresses: mail.to.map((recipient) => recipient.address), ...(cc.length ? { CcAddresses: cc } : {}) },
        EmailTags: [{ Name: TRACKING_TAG, Value: mail.trackingKey }],
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      },
      message,
    );
    const result = await refusalsMarked(this.ses.send(command));
    return this.sentAs(mail, result.MessageId ?? '');
  }

  async sentAs(mail: OutgoingMail, providerMessageId: string): Promise<SentMail> {
    const region = await this.ses.config.region();
    // Only the Message-ID the recipient sees is worth linking to the thread: SES's, once it answered.
    return { providerMessageId, wireMessageIds: providerMessageId ? [sesWireMessageId(providerMessageId, region)] : [mail.messageId] };
  }
}

/**
 * SES replaces the Message-ID we compose with its own, so replies reference
 * `<id@region.amazonses.com>` (`email.amazonses.com` in us-east-1) and never ours.
 */
export function sesWireMessageId(providerMessageId: string, region: string): string {
  return `${providerMessageId}@${region === 'us-east-1' ? 'email' : region}.amazonses.com`;
}

interface SdkError {
  name?: string;
  message?: string;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * SES answered with a client error (throttled, rejected, not verified): the mail was certainly not
 * accepted. Refused for its size (MessageRejected saying so, or HTTP 413 from anything on the way):
 * the same mail will never be accepted, so it is marked too large.
 */
async function refusalsMarked<T>(sending: Promise<T>): Promise<T> {
  try {
    return await sending;
  } catch (error) {
    const { name, message, $fault } = error as SdkError;
    if (refusedAsTooLarge(error as SdkError)) throw new MailTooLargeError(`${name}: ${message}`, { cause: error });
    if ($fault === 'client') throw new MailNotSentError(`${name}: ${message}`, { cause: error });
    throw error;
  }
}

function refusedAsTooLarge(error: SdkError): boolean {
  if (error.$metadata?.httpStatusCode === 413) return true;
  if (error.$fault !== 'client') return false;
  return /MessageRejected|TooLarge|BadRequest/i.test(error.name ?? '') && /too (large|big|long)|size|(message|length)\b.*\b(exceeds?|more than)/i.test(error.message ?? '');
}
