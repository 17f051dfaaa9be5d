import { INGEST_EFFECTS } from './ingest-effects.js';
import type { InboundProcessing, SideEffect } from './records.js';

/** The deliver function's effects: owed while the routing message waits on a team queue (or its DLQ). */
const DELIVER_EFFECTS: readonly SideEffect[] = ['deliver', 'announce-routed'];

/**
 * What reconciling one stored raw mail calls for:
 * - `ingest`: put its receipt back on the inbound queue (never processed, or ingest's effects owed;
 *   ingest is idempotent, so a mail that was in fact still queued is not answered twice);
 * - `reroute`: the routing to its team is owed again, because the team queue that held it is known
 *   to be lost (the local queues after a restart);
 * - `awaiting-delivery`: routed, and its delivery still owed: the message is on its team queue or in
 *   that queue's dead-letter queue (deployed queues are durable; nothing is redone);
 * - `settled`: nothing is owed.
 */
export type ReconcileAction =
  | { kind: 'settled' }
  | { kind: 'ingest'; why: string }
  | { kind: 'reroute'; why: string }
  | { kind: 'awaiting-delivery'; why: string };

export function reconcileAction(processing: InboundProcessing | undefined, queuesLost: boolean): ReconcileAction {
  if (!processing) return { kind: 'ingest', why: 'never processed' };
  const ingestOwes = processing.pending.filter((effect) => INGEST_EFFECTS.includes(effect));
  if (ingestOwes.length) return { kind: 'ingest', why: `owes ${ingestOwes.join(', ')}` };
  const deliverOwes = processing.pending.filter((effect) => DELIVER_EFFECTS.includes(effect));
  if (!deliverOwes.length) return { kind: 'settled' };
  return queuesLost
    ? { kind: 'reroute', why: `owes ${deliverOwes.join(', ')}; its team queue was lost` }
    : { kind: 'awaiting-delivery', why: `owes ${deliverOwes.join(', ')}: on its team queue or in that queue's dead-letter queue` };
}
