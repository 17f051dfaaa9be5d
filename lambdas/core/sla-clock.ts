import type { Reason } from '../schemas/reasons.js';
import type { Priority } from '../schemas/vocabulary.js';
import type { SlaClock, ThreadRecord } from './records.js';
import type { SlaPolicy } from './sla-policy.js';
import type { SlaTarget } from '../schemas/vocabulary.js';

/**
 * How a thread's reply-time promise moves with what happens on the thread.
 * Pure: every change returns the new thread state plus reasons for the record.
 */

export function startClock(target: SlaTarget, at: Date, priority: Priority, team: string, slaPolicy: SlaPolicy): SlaClock {
  const dueAt = target === 'firstResponse' ? slaPolicy.firstReplyDue(at, priority, team) : slaPolicy.nextReplyDue(at, priority, team);
  return { target, startedAt: at, dueAt, warnAt: slaPolicy.warningAt(at, dueAt, priority, team), warnedAt: undefined, breachedAt: undefined };
}

interface ClockChange {
  thread: ThreadRecord;
  reasons: Reason[];
}

/**
 * A person on the customer's side wrote again. After our answer (or on a closed
 * thread) the clock re-arms with the next-reply target; while we still owe an
 * answer it is a repeat contact: the priority rises (and, by policy, the due time
 * may move earlier), each change with its reason.
 */
export function onCustomerMail(thread: ThreadRecord, at: Date, slaPolicy: SlaPolicy): ClockChange {
  if (thread.automated) return { thread, reasons: [] };
  if (thread.status !== 'awaiting-agent' || !thread.slaClock) {
    const clock = startClock('nextReply', at, thread.priority, thread.team, slaPolicy);
    const reason: Reason = { code: 'sla-restarted', detail: thread.status === 'closed' ? 'closed thread reopened; next-reply clock started' : 'the customer replied after our answer; next-reply clock started' };
    return { thread: { ...thread, status: 'awaiting-agent', slaClock: clock, closed: undefined }, reasons: [reason] };
  }
  const outcome = slaPolicy.repeatContact({ priority: thread.priority, dueAt: thread.slaClock.dueAt, target: thread.slaClock.target }, at, thread.team);
  if (outcome.reasons.length === 0) return { thread, reasons: [] };
  const moved = outcome.dueAt.getTime() !== thread.slaClock.dueAt.getTime();
  const clock: SlaClock = moved
    ? { ...thread.slaClock, dueAt: outcome.dueAt, warnAt: slaPolicy.warningAt(thread.slaClock.startedAt, outcome.dueAt, outcome.priority, thread.team) }
    : thread.slaClock;
  return {
    thread: { ...thread, priority: outcome.priority, slaClock: clock, firstReplyDue: thread.firstRespondedAt ? thread.firstReplyDue : clock.dueAt },
    reasons: outcome.reasons,
  };
}

interface AgentReplyChange extends ClockChange {
  /** The clock that was running, if its deadline had already been reported broken (→ `SLA Recovered`). */
  recoveredFrom: SlaClock | undefined;
}

/** An agent answered: the promise is met (or, if it was already broken, recovered); the thread now awaits the customer. */
export function onAgentReply(thread: ThreadRecord, at: Date, agent: string | undefined): AgentReplyChange {
  const clock = thread.slaClock;
  const reasons: Reason[] = !clock
    ? []
    : at <= clock.dueAt
      ? [{ code: 'sla-met', detail: clock.target }]
      : [{ code: 'sla-missed', detail: `${clock.target} by ${Math.ceil((at.getTime() - clock.dueAt.getTime()) / 60000)} min` }];
  return {
    thread: {
      ...thread,
      status: 'awaiting-customer',
      agent: agent ?? thread.agent,
      firstRespondedAt: thread.firstRespondedAt ?? at,
      lastAgentReplyAt: at,
      slaClock: undefined,
    },
    reasons,
    recoveredFrom: clock?.breachedAt ? clock : undefined,
  };
}

/** Closing stops the clock: nothing is owed until the customer writes again. */
export function onClosed(thread: ThreadRecord, at: Date, by: string | undefined): ThreadRecord {
  return { ...thread, status: 'closed', slaClock: undefined, closed: { at, by } };
}
