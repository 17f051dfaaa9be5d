import { z } from 'zod';

/**
 * SES sending events (configuration-set event destination, or identity
 * notifications) as they arrive on the feedback queue inside an SNS envelope.
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
const recipient = z.object({ emailAddress: z.string().min(3) });

const sesSendingEvent = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({
    messageId: z.string().min(1),
    timestamp: z.string(),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipient.extend({ diagnosticCode: z.string().optional() })),
      timestamp: z.string(),
    })
    .optional(),
  complaint: z.object({ complainedRecipients: z.array(recipient), timestamp: z.string(), complaintFeedbackType: z.string().optional() }).optional(),
});

export type SesSendingEvent = z.infer<typeof sesSendingEvent>;

/** The tag every mail we send carries: identifies the side effect that sent it (see lambdas/core/sent-log.ts). */
export const TRACKING_TAG = 'replyline-key';

const snsEnvelope = z.object({ Type: z.literal('Notification'), Message: z.string() });

export function parseFeedbackBody(body: string): SesSendingEvent {
  const outer: unknown = JSON.parse(body);
  const envelope = snsEnvelope.safeParse(outer);
  return sesSendingEvent.parse(envelope.success ? JSON.parse(envelope.data.Message) : outer);
}
