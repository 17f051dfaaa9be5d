import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { OutgoingMail } from '../core/outgoing.js';
import type { Mailer, RawMailStore, SentMail } from '../ports/index.js';
import { composeMime } from './mime-composer.js';
import { sendRawMessageDirectly } from './ses-raw-message-body.js';
import { TRACKING_TAG } from '../schemas/ses-feedback.js';

export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly rawMail?: RawMailStore,
    /** SES configuration set whose event destination feeds the feedback queue (sent-log, bounces, complaints). */
    private readonly configurationSet?: string,
  ) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const raw = await composeMime(mail, this.rawMail);
    const command = new SendRawEmailCommand({
      Source: mail.from.address,
      Destinations: [...mail.to, ...(mail.cc ?? [])].map((recipient) => recipient.address),
      RawMessage: { Data: raw },
      Tags: [{ Name: TRACKING_TAG, Value: mail.trackingKey }],
      ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
    });
    // A forward carries the original (up to 25 MB): keep its encoding for the request to one copy.
    sendRawMessageDirectly(command);
    const result = await this.ses.send(command);
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
