import { createHmac } from 'node:crypto';
import type { RoutingMessage } from '../schemas/routing.js';
import { stripQuotedAndSignature } from './classify/quotes.js';
import type { InboundMail } from './mail.js';

/**
 * The JSON document a webhook team receives (README "Webhook deliveries").
 * Versioned; `deliveryId` is stable across retries so receivers can drop duplicates.
 */
export function webhookPayload(message: RoutingMessage, mail: InboundMail, sentAt: Date): string {
  return JSON.stringify({
    version: 1,
    type: 'replyline.message',
    deliveryId: message.messageKey,
    sentAt: sentAt.toISOString(),
    thread: {
      ref: message.threadRef,
      replyAddress: message.threadAddress,
      team: message.team,
      agent: message.agent ?? null,
      category: message.category,
      priority: message.priority,
      language: message.language,
      replyDue: message.replyDue ?? null,
      history: message.history,
    },
    message: {
      kind: message.kind,
      unacknowledgedBecause: message.unacknowledgedBecause ?? null,
      receivedAt: message.receivedAt,
      from: message.customer,
      to: message.serviceAddress,
      subject: mail.subject,
      text: mail.text,
      newText: stripQuotedAndSignature(mail.text).newText,
      attachments: message.attachments,
    },
    reasons: message.reasons,
  });
}

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, sent as X-Replyline-Signature. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
