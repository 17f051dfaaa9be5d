import { z } from 'zod';

/**
 * The `alerts` section of the Replyline configuration: who hears about broken (and, optionally,
 * soon-to-break) reply-time promises, and how the SLA sweeper looks ahead.
 *
 * `SLA Warning`, `SLA Breached` and `SLA Recovered` always go on the Replyline bus; this section
 * only decides what the built-in channels (SNS e-mail, chat webhook) forward. The chat webhook's URL
 * is a credential: only the name of the secret holding it is configured here.
 */

const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@<>(),;:"]+@[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected an e-mail address like oncall@example.com');

/** Placeholder in `linkTemplate`, replaced by the thread ref (e.g. RL-7K3F9Q). */
export const LINK_REF_PLACEHOLDER = '{ref}';

const linkTemplate = z
  .string()
  .min(1)
  .max(500)
  .refine((template) => template.includes(LINK_REF_PLACEHOLDER), { message: `must contain ${LINK_REF_PLACEHOLDER}, e.g. https://helpdesk.example.com/threads/{ref}` })
  .refine((template) => isHttpUrl(template.replaceAll(LINK_REF_PLACEHOLDER, 'RL-7K3F9Q')), {
    message: 'expected an http(s) URL with {ref} in it, e.g. https://helpdesk.example.com/threads/{ref}',
  });

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Secrets Manager names: 1–512 letters, digits and /_+=.@- (so never the URL itself). */
const secretName = z
  .string()
  .regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'expected a Secrets Manager secret name like replyline/chat-webhook (letters, digits and /_+=.@-), not the webhook URL itself');

/**
 * Why `chatWebhookUrl` is refused, and what to do instead: the URL is a credential (anyone holding
 * it can post to the channel), and a value in this file ends up in every function bundle and the template.
 */
const CHAT_WEBHOOK_URL_MOVED =
  'the chat webhook URL is a credential and no longer goes in the configuration (it would be bundled into every function). ' +
  "Store it in Secrets Manager: `aws secretsmanager create-secret --name replyline/chat-webhook --secret-string 'https://hooks.slack.com/…'`, " +
  'then remove chatWebhookUrl and set alerts.chatWebhookSecretName to "replyline/chat-webhook". ' +
  "Locally: `REPLYLINE_CHAT_WEBHOOK_URL='https://hooks.slack.com/…' npm start` stores it in the local secrets.";

/** Sweeps run every minute; looking further ahead than this would outlast the sweeper's 90-second timeout. */
const MAX_SWEEP_LOOKAHEAD_SECONDS = 60;

export const alertsConfigSchema = z.strictObject({
  emails: z
    .array(emailAddress)
    .max(100)
    .default([])
    .refine((list) => new Set(list).size === list.length, { message: 'lists an address twice' })
    .describe(
      'Addresses subscribed to the alert SNS topic (each confirms once by e-mail). They receive `SLA Breached`, plus `SLA Warning` with includeWarnings, and the "mail is stuck" alarms.',
    ),
  chatWebhookSecretName: secretName
    .optional()
    .describe(
      'Name of the Secrets Manager secret whose SecretString is the incoming-webhook URL of a chat channel (Slack, Mattermost, or a Teams-compatible bridge), e.g. replyline/chat-webhook: each alert is posted there as {"text": "…"}. The URL is read at run time, never put in this file or the bundles. Create it with `aws secretsmanager create-secret --name replyline/chat-webhook --secret-string \'https://hooks.slack.com/…\'`.',
    ),
  chatWebhookUrl: z
    .never({ error: CHAT_WEBHOOK_URL_MOVED })
    .optional()
    .describe(`Removed: ${CHAT_WEBHOOK_URL_MOVED}`),
  includeWarnings: z
    .boolean()
    .default(false)
    .describe('Also forward `SLA Warning` (the warning threshold of a promise has passed) to e-mail and chat; by default only breaches are. Warnings are always on the bus.'),
  includeCustomerAddress: z
    .boolean()
    .default(false)
    .describe('Put the customer\'s full address in SLA events and alerts; by default it is masked (c***@example.com).'),
  linkTemplate: linkTemplate
    .optional()
    .describe('Link to the thread in your help desk, with {ref} for the thread ref, e.g. https://helpdesk.example.com/threads/{ref}. Added to SLA events and alerts.'),
  sweepLookaheadSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_SWEEP_LOOKAHEAD_SECONDS)
    .default(60)
    .describe(
      'Each minutely sweep also waits for deadlines this many seconds ahead and raises them on time (about a second late). 60 covers the gap to the next sweep; 0 means events are up to a minute late.',
    ),
});

export type AlertsConfig = z.output<typeof alertsConfigSchema>;
export type AlertsConfigInput = z.input<typeof alertsConfigSchema>;

/** The defaults, as `alerts: {}` (or no `alerts` key) gives them. */
export const DEFAULT_ALERTS_CONFIG: AlertsConfig = alertsConfigSchema.parse({});
