import { z } from 'zod';

/** Environment every Replyline function reads at cold start; CDK sets it, local mode sets the same names. */
export const functionEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  /** Identifies this deployment in our loop-detection header, so two Replyline installs never answer each other forever. */
  INSTANCE_ID: z.string().min(1),
  /** Secrets Manager id of the key that signs thread addresses (never the key itself). */
  THREAD_KEY_SECRET_ID: z.string().min(1),
});

export type FunctionEnv = z.infer<typeof functionEnvSchema>;

export function readFunctionEnv(env: NodeJS.ProcessEnv = process.env): FunctionEnv {
  const result = functionEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const missing = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
  throw new Error(`Replyline function environment is incomplete: ${missing}`);
}

/** Table layout shared by CDK, local mode and the DynamoDB adapter (see DESIGN.md "Data"). */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  customerIndex: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  openSlaIndex: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ttlAttribute: 'expiresAt',
} as const;
