import type { Clock, EventPublisher, ThreadStore } from '../ports/index.js';
import type { AlertsConfig } from '../schemas/alerts-config.js';
import { slaRecovered } from './sla/sla-events.js';
import type { AgentRepliedDetail, ThreadClosedDetail } from './events.js';
import type { ThreadRecord } from './records.js';
import { onAgentReply, onClosed } from './sla-clock.js';

export interface AgentEventDependencies {
  threads: ThreadStore;
  events: EventPublisher;
  clock: Clock;
  alerts: AlertsConfig;
}

/** `superseded`: the customer wrote after the thread was closed, so it stays open. */
type AgentEventOutcome = 'recorded' | 'already-recorded' | 'unknown-thread' | 'superseded';

/** Tries of a conditional thread write that lost to a concurrent one, before the event goes back to the queue. */
const MAX_WRITE_ATTEMPTS = 5;

/**
 * An outside help desk answered a thread itself and said so with an `Agent Replied`
 * event: the promise is met as with a relayed reply. A late reply's `SLA Recovered` is
 * recorded on the thread with the reply and forgotten only once published, so a redelivered
 * event publishes it if the first attempt failed in between; otherwise replaying changes nothing.
 */
export async function recordHelpdeskReply(detail: AgentRepliedDetail, deps: AgentEventDependencies): Promise<AgentEventOutcome> {
  const repliedAt = new Date(detail.repliedAt);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
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

/**
 * An agent closed a thread in an outside help desk and said so with `Thread Closed`: its promise
 * stops and nothing more is owed until the customer writes again, which reopens it with a
 * next-reply clock. A close decided before the customer's latest mail is superseded by it.
 */
export async function recordHelpdeskClose(detail: ThreadClosedDetail, deps: AgentEventDependencies): Promise<AgentEventOutcome> {
  const closedAt = new Date(detail.closedAt);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const thread = await deps.threads.getThread(detail.threadRef);
    if (!thread) return 'unknown-thread';
    if (thread.status === 'closed') return 'already-recorded';
    if (thread.lastInboundAt > closedAt) return 'superseded';
    const updated: ThreadRecord = { ...onClosed(thread, closedAt, detail.agent), version: thread.version + 1, updatedAt: deps.clock.now() };
    if (await deps.threads.updateThread(updated, thread.version)) return 'recorded';
  }
  throw new Error(`thread ${detail.threadRef} kept changing; the event will be retried`);
}

/** Deterministic from the recorded reply, so a retry publishes the same `SLA Recovered`. */
async function publishOwedRecovery(thread: ThreadRecord, deps: AgentEventDependencies): Promise<void> {
  const { clock, repliedAt } = thread.owedRecovery!;
  await deps.events.publish([slaRecovered(thread, clock, repliedAt, deps.alerts)]);
  await deps.threads.settleOwedRecovery(thread.ref, repliedAt);
}
