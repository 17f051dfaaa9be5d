import type { SlaClock, ThreadRecord } from '../../lambdas/core/records.js';

/** A thread as ingest writes it for a customer awaiting a first reply under `sla` (Kim's refund), to change as needed. */
export function awaitingThread(ref: string, sla: SlaClock, overrides: Partial<ThreadRecord> = {}, now: Date = new Date()): ThreadRecord {
  return {
    ref,
    version: 1,
    status: 'awaiting-agent',
    customer: { address: 'kim@customer.example.org', name: 'Kim' },
    participants: [],
    subject: 'Refund for order 99',
    serviceAddress: 'support@example.com',
    team: 'support',
    agent: undefined,
    language: 'en',
    replyLanguage: 'en',
    priority: 'high',
    category: 'refund',
    automated: false,
    createdAt: now,
    updatedAt: now,
    lastInboundAt: now,
    inboundCount: 1,
    rootMessageId: undefined,
    firstReplyDue: sla.dueAt,
    firstRespondedAt: undefined,
    lastAgentReplyAt: undefined,
    slaClock: sla,
    expiresAt: new Date(now.getTime() + 86_400_000),
    ...overrides,
  };
}
