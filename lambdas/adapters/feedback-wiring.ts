import type { SendingLog } from '../core/feedback.js';
import { functionEnvSchema, readEnv } from '../schemas/env.js';
import { createDynamoClient } from './aws-clients.js';
import { DynamoSendingLog } from './dynamo-sending-log.js';
import { systemClock } from './system-clock.js';

/** The feedback function: SES sending events → suppression list and sent-log. */
export function createFeedbackDependencies(env: NodeJS.ProcessEnv = process.env): { log: SendingLog; clock: typeof systemClock } {
  const settings = readEnv(functionEnvSchema.pick({ TABLE_NAME: true }), env);
  return { log: new DynamoSendingLog(createDynamoClient(env), settings.TABLE_NAME), clock: systemClock };
}
