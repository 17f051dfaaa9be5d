import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RoutingQueue } from '../ports/index.js';
import { routingMessageSchema, type RoutingMessage } from '../schemas/routing.js';

/** Sends routing messages to the team's own queue, so one team's broken destination never blocks another's. */
export class SqsRoutingQueue implements RoutingQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrls: Record<string, string>,
  ) {}

  async send(team: string, message: RoutingMessage): Promise<void> {
    const queueUrl = this.queueUrls[team];
    if (!queueUrl) throw new Error(`no queue is configured for team "${team}" (TEAM_QUEUE_URLS)`);
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(routingMessageSchema.parse(message)),
        MessageAttributes: { threadRef: { DataType: 'String', StringValue: message.threadRef } },
      }),
    );
  }
}

/** Puts a message the receiver refused for good straight onto the DLQ, with the reason as an attribute. */
export class SqsDeadLetters {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(body: string, reason: string): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: body, MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } } }),
    );
  }
}
