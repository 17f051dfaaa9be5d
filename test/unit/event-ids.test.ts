import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher } from '../../lambdas/adapters/eventbridge-publisher.js';
import { eventIdOf, type DomainEvent } from '../../lambdas/core/events.js';

const bus = mockClient(EventBridgeClient);
afterEach(() => bus.reset());

const received = (fields: Partial<Extract<DomainEvent, { detailType: 'Message Received' }>['detail']> = {}): DomainEvent => ({
  detailType: 'Message Received',
  detail: { version: 1, threadRef: 'RL-7K3F9Q', messageKey: 'order-4711@customer.example.org', disposition: 'new-thread', team: 'support', priority: 'normal', category: 'shipping', acknowledge: true, customer: 'j***@customer.example.org', reasons: [], ...fields },
});
const breached = (dueAt: string): DomainEvent => ({
  detailType: 'SLA Breached',
  detail: { version: 1, threadRef: 'RL-7K3F9Q', team: 'support', priority: 'normal', category: 'shipping', subject: 'Kettle', customer: 'j***@customer.example.org', target: 'firstResponse', dueAt, minutesOverdue: 1, link: undefined },
});

describe('event ids', () => {
  it('are the same for every copy of one event, so a consumer can drop a repeat', () => {
    // A retry after the thread changed publishes the same event about the same mail, under the same id.
    expect(eventIdOf(received())).toBe(eventIdOf(received({ priority: 'high' })));
    expect(eventIdOf(received())).not.toBe(eventIdOf(received({ messageKey: 'another@customer.example.org' })));
    expect(eventIdOf(received())).not.toBe(eventIdOf({ detailType: 'Acknowledgement Sent', detail: { version: 1, threadRef: 'RL-7K3F9Q', messageKey: 'order-4711@customer.example.org', language: 'en', firstReplyDue: undefined } }));
    // One per promise: a re-armed clock's next breach is another event.
    expect(eventIdOf(breached('2026-12-03T10:00:00.000Z'))).not.toBe(eventIdOf(breached('2026-12-03T14:00:00.000Z')));
  });

  it('travel in the published detail', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
    await new EventBridgePublisher(new EventBridgeClient({ region: 'us-east-1' }), 'replyline').publish([received()]);
    const detail = JSON.parse(bus.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]!.Detail!) as { eventId: string };
    expect(detail.eventId).toBe(eventIdOf(received()));
    expect(detail.eventId).toMatch(/^[0-9a-f]{32}$/);
  });
});
