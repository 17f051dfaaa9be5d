import { z } from 'zod';

/** Environment every Replyline function reads at cold start; CDK sets it, local mode sets the same names. */
export const functionEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  /** Identifies this deployment in our loop-detection header, so two Replyline installs never answer each other forever. */
  INSTANCE_ID: z.string().min(1),
});

export type FunctionEnv = z.infer<typeof functionEnvSchema>;

const jsonRecord = z.string().transform((text, ctx) => {
  try {
    return z.record(z.string(), z.string().min(1)).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON object of strings' });
    return z.NEVER;
  }
});

/** Ingest also routes: one queue URL per team, as JSON `{"support": "https://sqs…"}`. */
export const ingestEnvSchema = functionEnvSchema.extend({
  /** Secrets Manager id of the key that signs thread addresses (never the key itself). */
  THREAD_KEY_SECRET_ID: z.string().min(1),
  TEAM_QUEUE_URLS: jsonRecord,
});

/** One deliver function per team queue. */
export const deliverEnvSchema = functionEnvSchema.extend({
  TEAM_ID: z.string().min(1),
  /** The team queue's DLQ: deliveries the receiver refused for good go there directly, with the reason. */
  DEAD_LETTER_QUEUE_URL: z.string().min(1),
});

export function readEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}${issue.code === 'invalid_type' ? '' : ` (${issue.message})`}`).join(', ');
  throw new Error(`Replyline function environment is incomplete: ${problems}`);
}

/** Table layout shared by CDK, local mode and the DynamoDB adapter. */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  customerIndex: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  openSlaIndex: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  /** Sparse, keys only: threads that owe a reply, by team (open-thread counts for the dashboard and `replyline threads`). */
  openByTeamIndex: { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ttlAttribute: 'expiresAt',
} as const;

/** The alert-chat function: SLA alerts → the chat webhook. Only the secret's id is in the environment, never the URL. */
export const alertChatEnvSchema = functionEnvSchema.pick({ TABLE_NAME: true }).extend({
  /** Secrets Manager id (name) of the secret whose SecretString is the incoming-webhook URL (`alerts.chatWebhookSecretName`). */
  CHAT_WEBHOOK_SECRET_ID: z.string().min(1),
});
