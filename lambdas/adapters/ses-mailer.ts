import type { SESClient } from '@aws-sdk/client-ses';
import type { OutgoingMail } from '../core/outgoing.js';
import { MailNotSentError, type Mailer, type RawMailStore, type SentMail } from '../ports/index.js';
import { composeMimeParts } from './mime-composer.js';
import { sendRawEmailCommand } from './ses-raw-message-body.js';
import { TRACKING_TAG } from '../schemas/ses-feedback.js';

export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly rawMail?: RawMailStore,
    /** SES configuration set whose event destination feeds the feedback queue (sent-log, bounces, complaints). */
    private readonly configurationSet?: string,
  ) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    // A forward or relay may carry attachments of 25 MB and more: the message stays in the parts it was composed in.
    const message = await composeMimeParts(mail, this.rawMail);
    const command = sendRawEmailCommand(
      {
        Source: mail.from.address,
        Destinations: [...mail.to, ...(mail.cc ?? [])].map((recipient) => recipient.address),
        Tags: [{ Name: TRACKING_TAG, Value: mail.trackingKey }],
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      },
      message,
    );
    const result = await refusalsMarked(this.ses.send(command));
    return this.sentAs(mail, result.MessageId ?? '');
  }

  async sentAs(mail: OutgoingMail, providerMessageId: string): Promise<SentMail> {
    const region = await this.ses.config.region();
    return { providerMessageId, wireMessageIds: [mail.messageId, ...(providerMessageId ? [sesWireMessageId(providerMessageId, region)] : [])] };
  }
}

/**
 * SES replaces our Message-ID with its own; replies then reference
 * `<id@region.amazonses.com>` (`email.amazonses.com` in us-east-1), so both are linked to the thread.
 */
export function sesWireMessageId(providerMessageId: string, region: string): string {
  return `${providerMessageId}@${region === 'us-east-1' ? 'email' : region}.amazonses.com`;
}

/** SES answered with a client error (throttled, rejected, not verified): the mail was certainly not accepted. */
async function refusalsMarked<T>(sending: Promise<T>): Promise<T> {
  try {
    return await sending;
  } catch (error) {
    if ((error as { $fault?: unknown }).$fault === 'client') throw new MailNotSentError(`${(error as Error).name}: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}
