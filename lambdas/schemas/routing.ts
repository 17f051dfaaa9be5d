import { z } from 'zod';
import { dispositionFromStored, PRIORITIES, THREADED_DISPOSITIONS } from './vocabulary.js';

/**
 * The message ingest puts on a team's queue for each routed mail (validated on
 * both sides). It carries what the team needs to act, not the mail body: the
 * deliver function reads the raw mail from S3.
 */
export const routingMessageSchema = z.strictObject({
  version: z.literal(1),
  messageKey: z.string().min(1),
  threadRef: z.string().regex(/^RL-[0-9A-Z]{6}$/),
  /** Messages queued by an earlier version say `ignore`: read as `unacknowledged`. */
  kind: z.preprocess(dispositionFromStored, z.enum(THREADED_DISPOSITIONS)),
  team: z.string().min(1),
  agent: z.string().min(1).optional(),
  category: z.string().min(1),
  priority: z.enum(PRIORITIES),
  language: z.string().regex(/^[a-z]{2}$/),
  subject: z.string().max(300),
  customer: z.strictObject({ address: z.string().min(3), name: z.string().max(200) }),
  serviceAddress: z.string().min(3),
  threadAddress: z.string().min(3),
  receivedAt: z.iso.datetime(),
  replyDue: z.iso.datetime().optional(),
  rawMail: z.strictObject({ bucket: z.string().min(3), key: z.string().min(1) }),
  attachments: z.array(z.strictObject({ filename: z.string(), contentType: z.string(), sizeBytes: z.number().int().min(0), inline: z.boolean() })).max(500),
  history: z
    .array(z.strictObject({ ref: z.string(), subject: z.string().max(200), status: z.string(), createdAt: z.iso.datetime() }))
    .max(5),
  /** Set when the customer got no acknowledgement although a person may have written: the team answers them. */
  unacknowledgedBecause: z.string().max(600).optional(),
  reasons: z.array(z.string().max(300)).max(40),
});

export type RoutingMessage = z.infer<typeof routingMessageSchema>;
