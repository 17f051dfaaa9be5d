import type { SlaEventDetail } from '../events.js';
import type { AlertsConfig } from '../../schemas/alerts-config.js';
import { SLA_ALERT_TYPES, type SlaAlertType } from './sla-events.js';

/** The alert line of an SLA event, as chat and e-mail channels show it. */

/** Detail fields the alert line names; the CDK input transformer reads exactly these paths. */
export type SlaAlertField = 'threadRef' | 'team' | 'priority' | 'dueAt' | 'minutesOverdue' | 'link';

/**
 * The one-line alert text, built from field placeholders: the CDK input transformer passes
 * `<threadRef>`-style placeholders (EventBridge fills them in), local mode passes the values.
 * Only fields whose values are plain tokens are used (ref, team id, priority, ISO time, an
 * integer, a normalised URL): EventBridge inserts values into the JSON template unescaped, so a
 * subject or a name with a quote in it would break the message.
 */
export function slaAlertText(type: SlaAlertType, withLink: boolean, field: (name: SlaAlertField) => string): string {
  const who = `${field('threadRef')} (team ${field('team')}, priority ${field('priority')})`;
  const text =
    type === 'SLA Breached'
      ? `🚨 SLA breached: ${who} was due ${field('dueAt')}; ${field('minutesOverdue')} min overdue.`
      : `⚠️ SLA warning: ${who} is due ${field('dueAt')}; minutes overdue: ${field('minutesOverdue')} (negative: time left).`;
  return withLink ? `${text} ${field('link')}` : text;
}

/** The Slack-compatible body (`{"text": …}`) the chat webhook receives, identical to the CDK input transformer's output. */
export function slaChatBody(type: SlaAlertType, detail: SlaEventDetail, options: Pick<AlertsConfig, 'linkTemplate'>): { text: string } {
  return { text: slaAlertText(type, Boolean(options.linkTemplate), (name) => String(detail[name] ?? '')) };
}

/** Which SLA events the alert channels forward (all of them are on the bus regardless). */
export function forwardedAlertTypes(options: Pick<AlertsConfig, 'includeWarnings'>): SlaAlertType[] {
  return options.includeWarnings ? [...SLA_ALERT_TYPES] : ['SLA Breached'];
}
