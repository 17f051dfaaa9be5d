import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

export interface ReplylineEventBusProps {
  /** The stack's name; see the naming note below. */
  readonly stackName: string;
  /** The stack name that owns the plain `replyline` bus name. */
  readonly defaultStackName: string;
}

/**
 * The Replyline bus (DESIGN.md "Events"). Outside help desks put `Agent Replied` on it, so it
 * has a predictable name rather than a generated one.
 *
 * Naming: bus names are unique per account and region. The default stack gets `replyline`
 * as in DESIGN.md; any other stack (a second install or a test deployment, `-c stackName=…`)
 * gets `replyline-<stackname>` so two stacks can live side by side without colliding.
 */
export class ReplylineEventBus extends Construct {
  readonly bus: events.EventBus;

  constructor(scope: Construct, id: string, props: ReplylineEventBusProps) {
    super(scope, id);
    const name = props.stackName === props.defaultStackName ? 'replyline' : `replyline-${props.stackName.toLowerCase()}`;
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: name, description: 'Replyline domain events (source "replyline")' });
  }
}
