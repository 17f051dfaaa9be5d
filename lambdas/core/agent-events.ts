import type { Clock, EventPublisher, ThreadStore } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { slaRecovered } from './sla-sweep.js';
import type { AgentRepliedDetail } from './events.js';
import { onAgentReply } from './sla-clock.js';

export interface AgentEventDependencies {
  threads: ThreadStore;
  events: EventPublisher;
  clock: Clock;
  alerts: AlertsConfig;
}

export type AgentEventOutcome = 'recorded' | 'already-recorded' | 'unknown-thread';

/**
 * An outside help desk answered a thread itself and said so with an `Agent Replied`
 * event: the promise is met as with a relayed reply. Replaying the event changes nothing.
 */
export async function recordHelpdeskReply(detail: AgentRepliedDetail, deps: AgentEventDependencies): Promise<AgentEventOutcome> {
  const repliedAt = new Date(detail.repliedAt);
  for (let attempt = 0; attempt < 5; attempt++) {
    const thread = await deps.threads.getThread(detail.threadRef);
    if (!thread) return 'unknown-thread';
    if (thread.lastAgentReplyAt && thread.lastAgentReplyAt >= repliedAt) return 'already-recorded';
    const change = onAgentReply(thread, repliedAt, undefined);
    const updated = { ...change.thread, version: thread.version + 1, updatedAt: deps.clock.now() };
    if (!(await deps.threads.updateThread(updated, thread.version))) continue;
    // Deterministic from the recorded change, so a retried event publishes the same SLA Recovered.
    if (change.recoveredFrom) await deps.events.publish([slaRecovered(thread, change.recoveredFrom, repliedAt, deps.alerts)]);
    return 'recorded';
  }
  throw new Error(`thread ${detail.threadRef} kept changing; the event will be retried`);
}
