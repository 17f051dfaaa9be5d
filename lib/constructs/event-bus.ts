import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { physicalNames } from '../physical-names.js';

export interface ReplylineEventBusProps {
  /** The stack's name; see the naming note below. */
  readonly stackName: string;
}

/**
 * The Replyline bus. Outside help desks put `Agent Replied` on it, so it has a predictable name
 * rather than a generated one.
 *
 * Naming: bus names are unique per account and region. The default stack gets `replyline`; any
 * other stack (a second install or a test deployment, `-c stackName=…`) gets
 * `replyline-<stackname>` so two stacks can live side by side without colliding.
 */
export class ReplylineEventBus extends Construct {
  readonly bus: events.EventBus;

  constructor(scope: Construct, id: string, props: ReplylineEventBusProps) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: physicalNames.eventBus(props.stackName), description: 'Replyline domain events (source "replyline")' });
  }
}
