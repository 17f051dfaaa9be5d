import type { Clock, EventPublisher, ThreadStore } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { slaRecovered } from './sla/sla-events.js';
import type { AgentRepliedDetail } from './events.js';
import type { ThreadRecord } from './records.js';
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
 * event: the promise is met as with a relayed reply. A late reply's `SLA Recovered` is
 * recorded on the thread with the reply and forgotten only once published, so a redelivered
 * event publishes it if the first attempt failed in between; otherwise replaying changes nothing.
 */
export async function recordHelpdeskReply(detail: AgentRepliedDetail, deps: AgentEventDependencies): Promise<AgentEventOutcome> {
  const repliedAt = new Date(detail.repliedAt);
  for (let attempt = 0; attempt < 5; attempt++) {
    const thread = await deps.threads.getThread(detail.threadRef);
    if (!thread) return 'unknown-thread';
    if (thread.lastAgentReplyAt && thread.lastAgentReplyAt >= repliedAt) {
      if (thread.owedRecovery?.repliedAt.getTime() === repliedAt.getTime()) await publishOwedRecovery(thread, deps);
      return 'already-recorded';
    }
    const change = onAgentReply(thread, repliedAt, undefined);
    const owedRecovery = change.recoveredFrom && { clock: change.recoveredFrom, repliedAt };
    const updated: ThreadRecord = { ...change.thread, owedRecovery: owedRecovery ?? thread.owedRecovery, version: thread.version + 1, updatedAt: deps.clock.now() };
    if (!(await deps.threads.updateThread(updated, thread.version))) continue;
    if (owedRecovery) await publishOwedRecovery(updated, deps);
    return 'recorded';
  }
  throw new Error(`thread ${detail.threadRef} kept changing; the event will be retried`);
}

/** Deterministic from the recorded reply, so a retry publishes the same `SLA Recovered`. */
async function publishOwedRecovery(thread: ThreadRecord, deps: AgentEventDependencies): Promise<void> {
  const { clock, repliedAt } = thread.owedRecovery!;
  await deps.events.publish([slaRecovered(thread, clock, repliedAt, deps.alerts)]);
  await deps.threads.settleOwedRecovery(thread.ref, repliedAt);
}
