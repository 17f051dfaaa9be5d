import { z } from 'zod';
import { isKnownTimeZone, TIME_ZONE_MESSAGE } from './validators.js';
import { slaConfigSchema } from './sla-config.js';
import { screeningConfigSchema } from './screening-config.js';
import { classificationConfigSchema, unknownReferences } from './classification-config.js';
import { alertsConfigSchema } from './alerts-config.js';
import { isTemplateLanguage, LANGUAGE_TAG, TEMPLATE_LANGUAGES, type LanguageTag } from './languages.js';

/**
 * The one Replyline configuration file, validated at synth time, at `npm start`
 * and at Lambda start. Every field carries a description: they become the JSON
 * Schema (`replyline.config.schema.json`) that editors show as hover help.
 */

/** A language tag of a template or a per-language text: `de`, `zh-Hant`, or a company's own `sv` (see languages.ts). */
export type Language = LanguageTag;

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a short id: lowercase letters, digits and "-", starting with a letter');

const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@<>(),;:"]+@[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected an e-mail address like support@example.com');

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, 'expected a domain name like example.com');

const timeZone = z.string().refine(isKnownTimeZone, { message: TIME_ZONE_MESSAGE });

const regexSource = z.string().refine(isValidRegex, { message: 'expected a valid regular expression' });

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

const language = z
  .string()
  .regex(LANGUAGE_TAG, 'expected a language code: ISO 639-1 (de, ko), optionally with a script (zh-Hant)')
  .describe(`A language: built in are ${TEMPLATE_LANGUAGES.join(', ')}; any other needs a template in acknowledgement.templates.`);

const addressEntry = z
  .strictObject({
    address: emailAddress.describe('An address customers write to, e.g. support@example.com. Its domain must be verified in SES.'),
    team: identifier.optional().describe('Team that owns mail to this address (a key of "teams").'),
    agent: identifier.optional().describe('Named person reached through this address (a key of "agents"); the team is the agent\'s team.'),
    language: language.optional().describe('Language of the acknowledgement when the customer\'s language cannot be detected.'),
  })
  .refine((entry) => Boolean(entry.team) !== Boolean(entry.agent), {
    message: 'give exactly one of "team" or "agent"',
  });

const mailboxDestination = z.strictObject({
  type: z.literal('mailbox'),
  address: emailAddress.describe('Team mailbox that receives forwarded customer mail.'),
});

const webhookDestination = z.strictObject({
  type: z.literal('webhook'),
  url: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url), { message: 'must be https (plain http only for localhost, in local mode)' })
    .describe('HTTPS endpoint that receives a signed JSON document per customer mail.'),
  secretName: z
    .string()
    .min(1)
    .describe('Name of the Secrets Manager secret holding the HMAC signing key (never put the key in this file).'),
});

const teamWording = z.strictObject({
  name: z.string().min(1).max(80).optional().describe('The team\'s name in this language, e.g. "Example 客服团队".'),
  signature: z.string().min(1).max(200).optional().describe('The sign-off in this language, e.g. "Example 客服团队 小美".'),
});

const team = z.strictObject({
  name: z.string().min(1).max(80).describe('Team name shown to customers, e.g. "Example Support".'),
  signature: z.string().min(1).max(200).optional().describe('Sign-off used in acknowledgements, e.g. "Mei and the Example support team".'),
  languages: z
    .record(language, teamWording)
    .default({})
    .describe('Name and signature per language, e.g. { "zh": { "name": "Example 客服团队" }, "de": { "signature": "Ihr Example-Support" } }; others use name and signature.'),
  destination: z.discriminatedUnion('type', [mailboxDestination, webhookDestination]).describe('Where routed mail is delivered.'),
});

const agent = z.strictObject({
  name: z.string().min(1).max(80).describe('The person\'s name, used to sign replies and acknowledgements.'),
  team: identifier.describe('Team the person belongs to (a key of "teams").'),
  mailboxes: z.array(emailAddress).default([]).describe('The person\'s own addresses: replies from them to a thread address are relayed to the customer.'),
});

const localizedText = z.union([z.string().min(1).max(300), z.record(language, z.string().min(1).max(300))]);

const templateOverride = z.strictObject({
  body: z
    .string()
    .min(1)
    .max(5000)
    .describe('Plain-text body with {{name}}, {{ref}}, {{team}}, {{due}}, {{faq}}, {{attachments}} and {{signature}}; values are inserted as single plain lines.'),
});

const faqEntry = z.strictObject({
  id: identifier.describe('Stable id of the entry, shown by `replyline explain`.'),
  title: localizedText.describe('Question as shown to the customer: a string, or per language { "en": …, "zh": …, "ja": … }.'),
  url: z.url({ protocol: /^https$/ }).optional().describe('Where the answer is (https).'),
  keywords: z.array(z.string().min(1).max(60)).min(1).describe('Words or phrases in any language; Latin ones match whole words, Chinese/Japanese ones anywhere.'),
  minMatches: z.number().int().min(1).max(10).default(1).describe('How many different keywords must occur before the entry is suggested.'),
});

const acknowledgement = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Send an acknowledgement for each new customer thread.'),
    maxPerSender: z.number().int().min(1).max(100).default(3).describe('At most this many acknowledgements per sender per window (loop and flood guard).'),
    windowHours: z.number().int().min(1).max(168).default(24).describe('Length of the per-sender acknowledgement window, in hours.'),
    noReplySenderPattern: regexSource
      .default('^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|notifications?)([+-][^@]*)?@')
      .describe('Senders matching this pattern (case-insensitive) are never acknowledged.'),
    maxAttachmentBytes: z
      .number()
      .int()
      .min(0)
      .default(25 * 1024 * 1024)
      .describe('Attachments above this total size are kept but the acknowledgement tells the customer they were too large to forward.'),
    templates: z
      .record(language, templateOverride)
      .default({})
      .describe('Wording per language: replaces a built-in text, or adds a language (e.g. "sv") whose customers are then answered in it.'),
  })
  .prefault({});

const retention = z
  .strictObject({
    rawMailDays: z.number().int().min(1).max(3650).default(365).describe('Days raw mail is kept in S3 before lifecycle expiry.'),
    threadDays: z.number().int().min(1).max(3650).default(730).describe('Days thread and message records live before DynamoDB TTL removes them.'),
  })
  .prefault({});

const receiving = z
  .strictObject({
    activateRuleSet: z
      .boolean()
      .default(true)
      .describe(
        'Make the stack\'s SES receipt rule set the active one on deploy (and deactivate it on `cdk destroy`). A region has one active rule set: set false to leave an existing active set alone, copy its rules into Replyline\'s set, and switch deliberately (set-active-receipt-rule-set).',
      ),
  })
  .prefault({});

const eventSource = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,255}$/, 'expected an EventBridge event source such as helpdesk.example')
  .refine((source) => source !== 'replyline' && !source.startsWith('aws.'), { message: '"replyline" and "aws.*" are not help desks' });

const helpdesk = z
  .strictObject({
    eventSources: z
      .array(eventSource)
      .max(20)
      .default([])
      .describe(
        'EventBridge sources allowed to report replies with `Agent Replied` events (which stop a thread\'s reply clock), e.g. ["helpdesk.example"]. Default: none; events from any other source are ignored.',
      ),
  })
  .prefault({});

const arn = (service: string, example: string) =>
  z.string().regex(new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]+:\\d{12}:.+$`), `expected an ARN like ${example}`);

const threadAddressKey = z
  .strictObject({
    secretArn: arn('secretsmanager', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ReplylineThreadAddressKey-AbCdEf').describe(
      'The retained thread-address secret of an earlier deployment (its stack output ThreadAddressKeySecretArn), so addresses already in customers\' mailboxes keep matching.',
    ),
    kmsKeyArn: arn('kms', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab').describe(
      'The key that secret is encrypted with (the earlier stack output DataKeyArn); it is retained with the secret.',
    ),
  })
  .describe('Adopt the thread-address key of an earlier deployment instead of generating one (after `cdk destroy`, or a move to a new stack name).');

export const replylineConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    domain: domainName.describe('The company mail domain Replyline answers for; our Message-IDs and thread addresses use it.'),
    timeZone: timeZone.describe('Default time zone for promised reply times, e.g. Asia/Shanghai.'),
    defaultLanguage: language.default('en').describe('Acknowledgement language when neither the mail nor the address decides.'),
    addresses: z.array(addressEntry).min(1).describe('Addresses Replyline receives for, each owned by a team or reaching a named person.'),
    teams: z.record(identifier, team).describe('Teams by id.'),
    agents: z.record(identifier, agent).default({}).describe('Named people by id.'),
    agentDomains: z
      .array(domainName)
      .default([])
      .describe('Staff mail domains: anyone writing from them to a thread address is an agent whose reply is relayed to the customer.'),
    acknowledgement,
    screening: screeningConfigSchema
      .prefault({})
      .describe('How machine mail is told from people: thresholds of the machine-mail score and the weight of each signal.'),
    faq: z.array(faqEntry).max(200).default([]).describe('Self-service answers: up to three matching entries are suggested in the acknowledgement.'),
    retention,
    classification: classificationConfigSchema
      .prefault({})
      .describe('Rules that decide team, agent, category and priority before the built-in intents (first match per field wins).'),
    alerts: alertsConfigSchema
      .prefault({})
      .describe('Who hears about reply-time promises about to break or broken (SNS e-mail, chat webhook), and how far the SLA sweeper looks ahead.'),
    sla: slaConfigSchema.prefault({}).describe('Reply-time promises per priority, business hours, holidays and escalation.'),
    receiving: receiving.describe('How the deployed stack takes over SES receiving in its region.'),
    helpdesk: helpdesk.describe('Outside help desks that may report agent replies on the Replyline bus.'),
    threadAddressKey: threadAddressKey.optional(),
  })
  .superRefine((config, ctx) => {
    const answerable = (tag: string) => isTemplateLanguage(tag) || config.acknowledgement.templates[tag] !== undefined;
    const needTemplate = (tag: string) => `no acknowledgement in "${tag}": built in are ${TEMPLATE_LANGUAGES.join(', ')}; add acknowledgement.templates.${tag}`;
    if (!answerable(config.defaultLanguage)) ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: needTemplate(config.defaultLanguage) });
    config.addresses.forEach((entry, index) => {
      if (entry.language && !answerable(entry.language)) ctx.addIssue({ code: 'custom', path: ['addresses', index, 'language'], message: needTemplate(entry.language) });
    });
    const seen = new Set<string>();
    config.addresses.forEach((entry, index) => {
      if (seen.has(entry.address)) {
        ctx.addIssue({ code: 'custom', path: ['addresses', index, 'address'], message: `"${entry.address}" is listed twice` });
      }
      seen.add(entry.address);
      if (!entry.address.endsWith(`@${config.domain}`) && !entry.address.endsWith(`.${config.domain}`)) {
        ctx.addIssue({ code: 'custom', path: ['addresses', index, 'address'], message: `must be an address of the domain "${config.domain}"` });
      }
      if (entry.team && !config.teams[entry.team]) {
        ctx.addIssue({ code: 'custom', path: ['addresses', index, 'team'], message: `unknown team "${entry.team}"; known: ${Object.keys(config.teams).join(', ')}` });
      }
      if (entry.agent && !config.agents[entry.agent]) {
        ctx.addIssue({ code: 'custom', path: ['addresses', index, 'agent'], message: `unknown agent "${entry.agent}"; known: ${Object.keys(config.agents).join(', ') || 'none'}` });
      }
    });
    for (const problem of unknownReferences(config.classification.rules, config.teams, config.agents)) {
      ctx.addIssue({ code: 'custom', path: ['classification', ...problem.path], message: problem.message });
    }
    for (const teamId of Object.keys(config.sla.teams)) {
      if (!config.teams[teamId]) ctx.addIssue({ code: 'custom', path: ['sla', 'teams', teamId], message: `unknown team "${teamId}"` });
    }
    for (const [agentId, person] of Object.entries(config.agents)) {
      if (!config.teams[person.team]) {
        ctx.addIssue({ code: 'custom', path: ['agents', agentId, 'team'], message: `unknown team "${person.team}"` });
      }
    }
  });

export type ReplylineConfig = z.output<typeof replylineConfigSchema>;
export type AddressEntry = ReplylineConfig['addresses'][number];
export type TeamConfig = ReplylineConfig['teams'][string];

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid Replyline configuration (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates parsed JSON; throws ConfigError listing each bad field by path. */
export function parseConfig(input: unknown, source = 'configuration'): ReplylineConfig {
  const result = replylineConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(source, result.error.issues.map(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  return `${path || '(top level)'}: ${issue.message}`;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}
