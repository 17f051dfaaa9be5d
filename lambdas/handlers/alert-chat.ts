import type { SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../adapters/sqs-batch.js';
import { z } from 'zod';
import { ChatAlertBusyError, ChatWebhookRefusedError, deliverChatAlert, type ChatAlert } from '../core/chat-alerts.js';
import { EVENT_SOURCE } from '../core/events.js';
import { createLogger, describeError } from '../adapters/logger.js';
import { createAlertChatDependencies, type AlertChatDependencies } from '../adapters/alert-chat-wiring.js';
import { slaEventDetail } from '../schemas/events.js';

const logger = createLogger('replyline-alert-chat');

/**
 * An SLA alert as an EventBridge → SQS target delivers it (no input transformer): the whole event
 * (`version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, `resources`, `detail`) is the body.
 */
export const slaAlertQueueEvent = z.looseObject({
  id: z.string().min(1),
  source: z.literal(EVENT_SOURCE),
  'detail-type': z.enum(['SLA Warning', 'SLA Breached']),
  detail: slaEventDetail,
});

/** Thrown for a record that is not an SLA alert event; the reasons are in the log. */
export class MalformedAlertRecordError extends Error {
  override name = 'MalformedAlertRecordError';
}

/** The record's alert, or the reasons it is not one (paths and zod's messages: no values from the record). */
export function parseAlertRecord(body: string): { eventId: string; alert: ChatAlert } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Not the parser's message: it quotes the text around the error, which may be the subject.
    return { problems: ['the body is not JSON'] };
  }
  const result = slaAlertQueueEvent.safeParse(json);
  if (!result.success) return { problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`) };
  const { detail } = result.data;
  return { eventId: result.data.id, alert: { type: result.data['detail-type'], detail: { ...detail, link: detail.link } } };
}

/**
 * The alert-chat queue (bus rules for the forwarded SLA alert types) → one chat post per alert.
 * Each record is handled on its own; one that fails (malformed, webhook down or refusing, secret
 * missing or invalid) is reported in batchItemFailures: SQS retries it and, after
 * maxReceiveCount, keeps it in the DLQ, whose alarm tells people. Logs name the thread ref, the
 * detail type and the outcome; never the subject, an address or the webhook URL.
 */
export function createAlertChatHandler(dependencies: () => AlertChatDependencies) {
  let deps: AlertChatDependencies | undefined;

  const processRecord = async (record: SQSRecord): Promise<void> => {
    try {
      deps ??= dependencies();
    } catch (error) {
      // A bad environment or config fails every record; the log says what to fix.
      logger.error('alert-chat cannot start', { reason: describeError(error) });
      throw error;
    }
    const log = deps.log ?? logger;
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
    const parsed = parseAlertRecord(record.body);
    if ('problems' in parsed) {
      log.error('alert-chat queue message is not an SLA alert event; it will be retried, then dead-lettered', { sqsMessageId: record.messageId, outcome: 'malformed', problems: parsed.problems });
      throw new MalformedAlertRecordError('not an SLA alert event');
    }
    const fields = { threadRef: parsed.alert.detail.threadRef, detailType: parsed.alert.type, eventId: parsed.eventId };
    try {
      const result = await deliverChatAlert(parsed.alert, deps);
      log.info(result.outcome === 'posted' ? 'alert posted to chat' : result.outcome === 'duplicate' ? 'alert already posted to chat; nothing to do' : 'alert type not forwarded to chat', {
        ...fields,
        outcome: result.outcome,
        ...(result.outcome === 'posted' && result.reclaimed ? { reclaimed: true } : {}),
      });
    } catch (error) {
      if (error instanceof ChatAlertBusyError) {
        log.info('another delivery of this alert is posting it; retrying later', { ...fields, outcome: 'busy', leaseUntil: error.leaseUntil.toISOString() });
      } else if (error instanceof ChatWebhookRefusedError) {
        log.error('chat webhook refused the alert; it will be retried, then dead-lettered', { ...fields, outcome: 'refused', status: error.status, reason: error.reason, receiveCount });
      } else {
        log.error('alert could not be posted to chat; it will be retried, then dead-lettered', { ...fields, outcome: 'failed', reason: describeError(error), receiveCount });
      }
      throw error;
    }
  };

  return sqsBatchHandler(processRecord);
}


export const handler = createAlertChatHandler(createAlertChatDependencies);
