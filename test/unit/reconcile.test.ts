import { describe, expect, it } from 'vitest';
import { reconcileAction } from '../../lambdas/core/reconcile.js';
import type { InboundProcessing, SideEffect } from '../../lambdas/core/records.js';

const processing = (pending: SideEffect[]): InboundProcessing => ({
  dedupeKey: 'm@x.org',
  disposition: 'new-thread',
  role: 'customer',
  threadRef: 'RL-ABC123',
  receiptId: 'r1',
  sender: 'jane@customer.example.org',
  acknowledge: true,
  reasons: [],
  pending,
  createdAt: new Date('2096-01-01T00:00:00Z'),
  expiresAt: new Date('2096-04-01T00:00:00Z'),
});

describe('what reconciling a stored mail calls for', () => {
  it('ingests a mail nobody processed, or one whose acknowledgement, routing or events are owed', () => {
    expect(reconcileAction(undefined, false)).toEqual({ kind: 'ingest', why: 'never processed' });
    expect(reconcileAction(processing(['acknowledge', 'route', 'deliver', 'announce']), true)).toEqual({ kind: 'ingest', why: 'owes acknowledge, route, announce' });
  });

  it('routes again an owed delivery only when its team queue is known to be lost', () => {
    expect(reconcileAction(processing(['deliver', 'announce-routed']), true)).toEqual({ kind: 'reroute', why: 'owes deliver, announce-routed; its team queue was lost' });
    expect(reconcileAction(processing(['announce-routed']), false)).toMatchObject({ kind: 'awaiting-delivery' });
  });

  it('leaves a finished mail alone', () => {
    expect(reconcileAction(processing([]), true)).toEqual({ kind: 'settled' });
  });
});
