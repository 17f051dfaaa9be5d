import { z } from 'zod';

/**
 * The weighted signals screening adds up into a machine-mail score. Each has a
 * default weight in the core; config may change any weight. Negative weights are
 * evidence of a person.
 */
export const SCREENING_SIGNALS = [
  'list-header',
  'precedence',
  'autoreply-header',
  'auto-response-suppress',
  'amazon-notification',
  'failed-recipients',
  'null-return-path',
  'mailer-daemon',
  'postmaster-sender',
  'bounce-subject',
  'challenge-response',
  'out-of-office-prefix',
  'out-of-office-subject',
  'out-of-office-text',
  'out-of-office-return',
  'campaign-header',
  'esp-header',
  'bulk-mailer',
  'bulk-antispam-mark',
  'view-in-browser',
  'unsubscribe-footer',
  'group-greeting',
  'newsletter-footer-line',
  'campaign-links',
  'many-links',
  'noreply-to-noreply',
  'undisclosed-recipients',
  'not-addressed-to-us',
  'many-recipients',
  'list-recipient',
  'list-subject-tag',
  'list-thread-reply',
  'headerless-submission',
  'patch-subject-tag',
  'list-footer',
  'list-manager-header',
  'bounce-return-path',
  'bulk-sender-address',
  'system-headers',
  'system-mailer',
  'system-sender',
  'system-submission',
  'notification-subject',
  'transactional-subject',
  'promotional-subject',
  'transactional-text',
  'automated-text',
  'complaint-sender',
  'complaint-subject',
  'attached-message',
  'personal-mail-client',
] as const;

export type ScreeningSignalCode = (typeof SCREENING_SIGNALS)[number];

export const screeningConfigSchema = z
  .strictObject({
    holdBackAt: z
      .number()
      .min(1)
      .max(100)
      .default(5)
      .describe('A mail whose machine-mail score reaches this is not acknowledged; it is still threaded and routed, and the team copy says why.'),
    machineAt: z
      .number()
      .min(1)
      .max(100)
      .default(8)
      .describe('A mail whose score reaches this is machine mail: threaded and kept, never acknowledged, not routed, no reply-time promise.'),
    weights: z
      .partialRecord(z.enum(SCREENING_SIGNALS), z.number().min(-20).max(20))
      .default({})
      .describe('Weight per screening signal, replacing the built-in one (`replyline explain` shows each signal that fired).'),
  })
  .refine((screening) => screening.machineAt >= screening.holdBackAt, { message: 'machineAt must be at least holdBackAt', path: ['machineAt'] });

