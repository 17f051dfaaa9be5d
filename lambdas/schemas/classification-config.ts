import { z } from 'zod';
import { INTENT_NAMES, PRIORITIES } from './vocabulary.js';

/**
 * Classification rules of the Replyline configuration (`classification` in
 * replyline.config.json). Rules are tried in order; a rule matches when all of
 * its `when` conditions hold; for each field (`team`, `agent`, `category`,
 * `priority`) the first matching rule that sets it wins. Built-in intents
 * decide the category when no rule did; urgency, tone and escalation can only
 * raise the priority afterwards.
 */

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a short id: lowercase letters, digits and "-", starting with a letter');

/** Patterns are compiled case-insensitive and Unicode-aware (flags `iu`), exactly as classify.ts does. */
const RULE_REGEX_FLAGS = 'iu';

const regexSource = z
  .string()
  .min(1, 'expected a regular expression, e.g. "refund|money back"')
  .superRefine((source, ctx) => {
    const problem = regexProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: `invalid regular expression /${source}/: ${problem}` });
  })
  .describe('A JavaScript regular expression, matched case-insensitively (no surrounding slashes), e.g. "invoice|receipt".');

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, RULE_REGEX_FLAGS);
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /(/iu: Unterminated group" → "Unterminated group"
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** An address (`vip@example.org`) or a whole domain (`@example.org`, also matching its subdomains). */
const addressOrDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^([^\s@<>(),;:"]+@|@)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
    'expected an e-mail address like vip@example.org or a domain written as @example.org',
  );

const oneOrMany = (description: string) =>
  z
    .union([addressOrDomain, z.array(addressOrDomain).min(1, 'give at least one address or @domain')])
    .describe(`${description} One value or a list; any of them matches.`);

const when = z
  .strictObject({
    recipient: oneOrMany('The configured Replyline address the customer wrote to (or @domain).').optional(),
    sender: oneOrMany('The customer\'s address (e.g. a VIP) or @domain (e.g. a partner company).').optional(),
    subject: regexSource.optional().describe('Regular expression tested against the subject (case-insensitive).'),
    body: regexSource
      .optional()
      .describe('Regular expression tested against the new text of the mail (quoted replies and signatures removed), case-insensitive.'),
    keywords: z
      .array(z.string().trim().min(1, 'a keyword cannot be empty'))
      .min(1, 'give at least one keyword')
      .optional()
      .describe('Words or phrases; the rule matches when any appears in the subject or new text (case-insensitive, whole words for Latin script).'),
    header: z
      .strictObject({
        name: z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[!-9;-~]+$/, 'expected a header name such as X-Priority')
          .describe('Header name, any case, e.g. "X-Priority".'),
        pattern: regexSource.describe('Regular expression tested against each value of that header.'),
      })
      .optional()
      .describe('Matches when any value of the named header matches the pattern.'),
  })
  .refine((condition) => Object.values(condition).some((value) => value !== undefined), {
    message: 'give at least one condition: recipient, sender, subject, body, keywords or header',
  })
  .describe('Conditions; all that are given must hold.');

const then = z
  .strictObject({
    team: identifier.optional().describe('Route to this team (a key of "teams").'),
    agent: identifier.optional().describe('Assign to this person (a key of "agents"); without "team" the agent\'s team is used.'),
    category: z
      .enum(INTENT_NAMES, { error: `expected one of ${INTENT_NAMES.join(', ')}` })
      .optional()
      .describe('Category to record instead of the built-in intent detection.'),
    priority: z
      .enum(PRIORITIES, { error: `expected one of ${PRIORITIES.join(', ')}` })
      .optional()
      .describe('Base priority; urgency words, an angry tone or a customer writing again can still raise it.'),
  })
  .refine((action) => Object.values(action).some((value) => value !== undefined), {
    message: 'give at least one action: team, agent, category or priority',
  })
  .describe('What a matching rule decides. For each field the first matching rule wins.');

const classificationRuleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional().describe('A name shown in classification reasons, e.g. "VIP customers".'),
    when,
    then,
  })
  .describe('One rule: when all conditions hold, decide the fields not yet decided by an earlier rule.');

export const classificationConfigSchema = z
  .strictObject({
    rules: z
      .array(classificationRuleSchema)
      .default([])
      .describe('Rules tried in order before the built-in intents; first match per field wins.'),
  })
  .describe('How mail is classified and routed: rules first, then built-in intents, then urgency and escalation.');

export type ClassificationConfig = z.output<typeof classificationConfigSchema>;
export type ClassificationConfigInput = z.input<typeof classificationConfigSchema>;
export type ClassificationRule = ClassificationConfig['rules'][number];
export type RuleCondition = ClassificationRule['when'];
export type RuleAction = ClassificationRule['then'];

interface ReferenceProblem {
  /** Path inside the classification config, e.g. `['rules', 2, 'then', 'team']`. Prefix it with `classification` in the main config. */
  path: (string | number)[];
  message: string;
}

/**
 * Rules that name teams or agents the main configuration does not define, and
 * rules whose agent belongs to another team than the rule routes to. For the
 * main config's superRefine: `ctx.addIssue({ code: 'custom', path: ['classification', ...p.path], message: p.message })`.
 */
export function unknownReferences(
  rules: readonly ClassificationRule[],
  teams: Readonly<Record<string, unknown>>,
  agents: Readonly<Record<string, { team: string }>>,
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const teamIds = Object.keys(teams);
  const agentIds = Object.keys(agents);
  rules.forEach((rule, index) => {
    const { team, agent } = rule.then;
    if (team !== undefined && !Object.hasOwn(teams, team)) {
      problems.push({ path: ['rules', index, 'then', 'team'], message: `unknown team "${team}"; known: ${teamIds.join(', ') || 'none'}` });
    }
    if (agent !== undefined) {
      const person = Object.hasOwn(agents, agent) ? agents[agent] : undefined;
      if (!person) {
        problems.push({ path: ['rules', index, 'then', 'agent'], message: `unknown agent "${agent}"; known: ${agentIds.join(', ') || 'none'}` });
      } else if (team !== undefined && person.team !== team) {
        problems.push({ path: ['rules', index, 'then', 'agent'], message: `agent "${agent}" belongs to team "${person.team}", not "${team}"` });
      }
    }
  });
  return problems;
}

/** Parses a classification config on its own (tests, `replyline eval --rules`); throws with one line per problem. */
export function parseClassificationConfig(input: unknown): ClassificationConfig {
  const result = classificationConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
    return `${path || '(top level)'}: ${issue.message}`;
  });
  throw new Error(`Invalid classification rules:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
}
