import { createHash } from 'node:crypto';
import type { Clock } from '../ports/index.js';
import { maskAddress } from './mail.js';
import type { SesSendingEvent } from '../schemas/ses-feedback.js';
import { TRACKING_TAG } from '../schemas/ses-feedback.js';

/** What the feedback function needs: the suppression list and the sent-log. */
export interface SendingLog {
  /** Records that SES accepted the mail sent for `trackingKey` (its SES message id). */
  markSent(trackingKey: string, providerMessageId: string, at: Date): Promise<void>;
  /** The SES message id of the mail sent for `trackingKey`, if SES reported sending it. */
  sentFor(trackingKey: string): Promise<string | undefined>;
  suppress(address: string, reason: string, at: Date): Promise<void>;
}

/** The tag value identifying the mail a side effect sends; the same on every retry. */
export function trackingKeyFor(dedupeKey: string, effect: string): string {
  return createHash('sha256').update(`${dedupeKey}|${effect}`).digest('hex').slice(0, 40);
}

interface FeedbackOutcome {
  kind: 'sent' | 'suppressed' | 'ignored';
  /** Masked addresses and reasons, for the log. */
  details: string[];
}

/**
 * One SES sending event: a permanent bounce or a complaint puts the recipient on
 * the suppression list (they are never acknowledged again); a Send event goes to
 * the sent-log, so a worker that died after sending knows not to send twice.
 * Transient bounces and other events change nothing.
 */
export async function applySendingFeedback(event: SesSendingEvent, deps: { log: SendingLog; clock: Clock }): Promise<FeedbackOutcome> {
  const type = event.eventType ?? event.notificationType ?? '';
  const at = deps.clock.now();
  if (type === 'Send') {
    const key = event.mail.tags?.[TRACKING_TAG]?.[0];
    if (!key) return { kind: 'ignored', details: ['send event without a tracking tag'] };
    await deps.log.markSent(key, event.mail.messageId, at);
    return { kind: 'sent', details: [key] };
  }
  if (type === 'Bounce' && event.bounce) {
    if (event.bounce.bounceType !== 'Permanent') return { kind: 'ignored', details: [`${event.bounce.bounceType} bounce: not suppressed`] };
    for (const recipient of event.bounce.bouncedRecipients) {
      await deps.log.suppress(recipient.emailAddress, `bounce: ${event.bounce.bounceSubType ?? 'permanent'}`, at);
    }
    return { kind: 'suppressed', details: event.bounce.bouncedRecipients.map((recipient) => `${maskAddress(recipient.emailAddress.toLowerCase())} (permanent bounce)`) };
  }
  if (type === 'Complaint' && event.complaint) {
    for (const recipient of event.complaint.complainedRecipients) {
      await deps.log.suppress(recipient.emailAddress, `complaint: ${event.complaint.complaintFeedbackType ?? 'abuse'}`, at);
    }
    return { kind: 'suppressed', details: event.complaint.complainedRecipients.map((recipient) => `${maskAddress(recipient.emailAddress.toLowerCase())} (complaint)`) };
  }
  return { kind: 'ignored', details: [`${type || 'unknown'} event`] };
}
