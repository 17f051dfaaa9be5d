import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, eventIdOf, type DomainEvent } from '../core/events.js';
import type { EventPublisher } from '../ports/index.js';
import { publishedDetail } from '../schemas/events.js';

const MAX_ENTRIES_PER_CALL = 10;

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
      const batch = events.slice(start, start + MAX_ENTRIES_PER_CALL).map((event) => ({ detailType: event.detailType, detail: publishedDetail(event, eventIdOf(event)) }));
      const result = await this.client.send(
        new PutEventsCommand({
          Entries: batch.map((event) => ({
            EventBusName: this.busName,
            Source: EVENT_SOURCE,
            DetailType: event.detailType,
            Detail: JSON.stringify(event.detail),
          })),
        }),
      );
      if (result.FailedEntryCount) {
        const codes = (result.Entries ?? []).map((entry) => entry.ErrorCode).filter(Boolean);
        throw new Error(`EventBridge rejected ${result.FailedEntryCount} event(s): ${codes.join(', ')}`);
      }
    }
  }
}
