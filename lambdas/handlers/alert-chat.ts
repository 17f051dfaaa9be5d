import { jsonBody, sqsRecordHandler } from '../adapters/sqs-batch.js';
import { z } from 'zod';
import { ChatAlertBusyError, ChatWebhookRefusedError, deliverChatAlert, type ChatAlert } from '../core/chat-alerts.js';
import { EVENT_SOURCE } from '../core/events.js';
import { SLA_ALERT_TYPES } from '../core/sla/sla-events.js';
import { createLogger, describeError } from '../adapters/logger.js';
import { createAlertChatDependencies, type AlertChatDependencies } from '../adapters/alert-chat-wiring.js';
import { slaEventDetail } from '../schemas/events.js';

const logger = createLogger('replyline-alert-chat');

/**
 * An SLA alert as an EventBridge → SQS target delivers it (no input transformer): the whole event
 * (`version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, `resources`, `detail`) is the body.
 */
const slaAlertQueueEvent = z.looseObject({
  id: z.string().min(1),
  source: z.literal(EVENT_SOURCE),
  'detail-type': z.enum(SLA_ALERT_TYPES),
  detail: slaEventDetail,
});

/** The record's alert: the SLA event as the bus rule delivered it. */
const alertRecord = jsonBody(slaAlertQueueEvent.transform((event): { eventId: string; alert: ChatAlert } => ({ eventId: event.id, alert: { type: event['detail-type'], detail: { ...event.detail, link: event.detail.link } } })));

/**
 * The alert-chat queue (bus rules for the forwarded SLA alert types) → one chat post per alert.
 * Each record is handled on its own; one that fails (malformed, webhook down or refusing, secret
 * missing or invalid) is reported in batchItemFailures: SQS retries it and, after
 * maxReceiveCount, keeps it in the DLQ, whose alarm tells people. Logs name the thread ref, the
 * detail type and the outcome; never the subject, an address or the webhook URL.
 */
export function createAlertChatHandler(dependencies: () => AlertChatDependencies) {
  return sqsRecordHandler(alertRecord, {
    name: 'alert-chat',
    log: logger,
    logFor: (deps) => deps.log ?? logger,
    dependencies,
    carries: 'an SLA alert event',
    handle: async ({ eventId, alert }, deps, record) => {
      const log = deps.log ?? logger;
      const fields = { threadRef: alert.detail.threadRef, detailType: alert.type, eventId };
      try {
        const result = await deliverChatAlert(alert, deps);
        log.info(result.outcome === 'posted' ? 'alert posted to chat' : result.outcome === 'duplicate' ? 'alert already posted to chat; nothing to do' : 'alert type not forwarded to chat', {
          ...fields,
          outcome: result.outcome,
          ...(result.outcome === 'posted' && result.reclaimed ? { reclaimed: true } : {}),
        });
      } catch (error) {
        if (error instanceof ChatAlertBusyError) {
          log.info('another delivery of this alert is posting it; retrying later', { ...fields, outcome: 'busy', leaseUntil: error.leaseUntil.toISOString() });
        } else if (error instanceof ChatWebhookRefusedError) {
          log.error('chat webhook refused the alert; it will be retried, then dead-lettered', { ...fields, outcome: 'refused', status: error.status, reason: error.reason, receiveCount: record.receiveCount });
        } else {
          log.error('alert could not be posted to chat; it will be retried, then dead-lettered', { ...fields, outcome: 'failed', reason: describeError(error), receiveCount: record.receiveCount });
        }
        throw error;
      }
    },
  });
}

export const handler = createAlertChatHandler(createAlertChatDependencies);
