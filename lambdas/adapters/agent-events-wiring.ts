import type { AgentEventDependencies } from '../core/agent-events.js';
import { functionEnvSchema, readEnv } from '../schemas/env.js';
import { createDynamoClient, createEventBridgeClient } from './aws-clients.js';
import { loadRuntimeConfig } from './runtime-config.js';
import { DynamoThreadStore } from './dynamo-thread-store.js';
import { EventBridgePublisher } from './eventbridge-publisher.js';
import { systemClock } from './system-clock.js';

/** The handler of `Agent Replied` events from an outside help desk. */
export function createAgentEventDependencies(env: NodeJS.ProcessEnv = process.env): AgentEventDependencies & { allowedSources: readonly string[] } {
  const settings = readEnv(functionEnvSchema.pick({ TABLE_NAME: true, EVENT_BUS_NAME: true }), env);
  const config = loadRuntimeConfig(env);
  return {
    threads: new DynamoThreadStore(createDynamoClient(env), settings.TABLE_NAME),
    events: new EventBridgePublisher(createEventBridgeClient(env), settings.EVENT_BUS_NAME),
    clock: systemClock,
    alerts: config.alerts,
    allowedSources: config.helpdesk.eventSources,
  };
}
