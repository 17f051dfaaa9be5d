import { EVENT_SOURCE, type SlaEventDetail } from '../lambdas/core/events.js';
import { forwardedAlertTypes, slaChatBody, type SlaAlertType } from '../lambdas/core/sla-sweep.js';
import type { AlertsConfig } from '../lambdas/schemas/alerts-config.js';
import type { LocalEvent, LocalEventBus } from './event-bus.js';

/**
 * The local stand-in for the alert rules of lib/constructs/alerts.ts: `SLA Breached` (and
 * `SLA Warning` with `alerts.includeWarnings`) on the instance's bus → a clear console line,
 * and → a POST of the same Slack-compatible `{"text": …}` body the CDK input transformer
 * produces to `alerts.chatWebhookUrl`. A failing webhook is logged, never fatal.
 * (E-mail subscribers are not mailed locally; the console line stands in for them.)
 */
export interface LocalAlertsOptions {
  bus: Pick<LocalEventBus, 'subscribe'>;
  alerts: AlertsConfig;
  /** Only events of this bus (the instance's `resources.bus`); the emulator serves every instance. */
  busName?: string | undefined;
  log: (line: string) => void;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
  /** Webhook request timeout. */
  timeoutMs?: number;
}

export interface LocalAlerts {
  /** Resolves when every webhook POST started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function startLocalAlerts(options: LocalAlertsOptions): LocalAlerts {
  const forwarded = new Set<string>(forwardedAlertTypes(options.alerts));
  const post = options.fetch ?? fetch;
  const inFlight = new Set<Promise<void>>();

  const unsubscribe = options.bus.subscribe((event: LocalEvent) => {
    if (event.source !== EVENT_SOURCE || !forwarded.has(event['detail-type'])) return;
    if (options.busName && event['event-bus-name'] !== options.busName) return;
    const type = event['detail-type'] as SlaAlertType;
    const detail = event.detail as unknown as SlaEventDetail;
    options.log(alertLine(type, detail));
    const url = options.alerts.chatWebhookUrl;
    if (!url) return;
    const body = JSON.stringify(slaChatBody(type, detail, options.alerts));
    const request = (async () => {
      try {
        const response = await post(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) options.log(`alert  chat webhook answered ${response.status} for ${detail.threadRef}; the alert is on the console and in events.jsonl`);
      } catch (error) {
        options.log(`alert  chat webhook failed for ${detail.threadRef}: ${(error as Error).message.slice(0, 200)}`);
      }
    })();
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  });

  const settled = async () => {
    while (inFlight.size) await Promise.all(inFlight);
  };
  return {
    settled,
    stop: async () => {
      unsubscribe();
      await settled();
    },
  };
}

/** One console line per alert, easy to spot in the `npm start` output. */
export function alertLine(type: SlaAlertType, detail: SlaEventDetail): string {
  const head = type === 'SLA Breached' ? '🚨 SLA BREACHED' : '⚠️  SLA warning';
  const timing = detail.minutesOverdue >= 0 ? `${detail.minutesOverdue} min overdue` : `${-detail.minutesOverdue} min left`;
  return [
    `alert  ${head}  ${detail.threadRef}  team ${detail.team}  priority ${detail.priority}  due ${detail.dueAt}  (${timing})`,
    `       "${detail.subject}" from ${detail.customer}${detail.link ? `  ${detail.link}` : ''}`,
  ].join('\n');
}
