import type { ClassificationConfig, ClassificationRule, RuleAction, RuleCondition } from '../../schemas/classification-config.js';
import { isHigherPriority, raisePriority, type Priority } from '../priority.js';
import { scoreIntents, type IntentName } from './intents.js';
import { detectLanguage, type DetectedLanguage } from './language.js';
import { stripQuotedAndSignature } from './quotes.js';
import { compileTerm, normalizeForMatching } from './terms.js';
import { assessTone, type Sentiment } from './urgency.js';

/**
 * The classification entry point: pure, deterministic, explainable.
 *
 * Order:
 * 1. the new text is separated from quotes, signatures and our own forwarded header block;
 * 2. config rules, in order; a rule matches when all its conditions hold; for each field
 *    (team, agent, category, priority) the first matching rule that sets it wins;
 * 3. built-in intents decide the category when no rule did;
 * 4. the priority (a rule's, else `normal`) can then only rise:
 *    a negative tone raises it one step; an urgency word lifts it to at least `high`;
 *    a legal or public threat lifts it to at least `high`; a customer writing again while
 *    earlier mails of the thread still await our first reply raises it one step per such mail.
 * Every decision adds a short reason.
 */
export interface ClassificationInput {
  subject: string;
  text: string;
  /** The configured Replyline address the customer wrote to. */
  recipient: string;
  /** The customer's address. */
  sender: string;
  /** Header values by lowercased name. */
  headers: ReadonlyMap<string, readonly string[]>;
  /** How many earlier customer mails in this thread still await our first reply (0 or undefined for a new thread). */
  awaitingFirstReplyRepeat?: number;
}

export interface ClassificationDefaults {
  /** Team that owns the address written to. */
  team: string;
  /** Person reached through that address, if it is a personal address or alias. */
  agent?: string;
  /** Language of the address, used when the mail's language cannot be detected. */
  language: DetectedLanguage;
  /**
   * Team of each agent (agent id → team id). When a rule assigns an agent but no team,
   * the agent's team is used. Optional: without it the team stays as it was.
   */
  agentTeams?: Readonly<Record<string, string>>;
}

export interface Classification {
  category: IntentName;
  team: string;
  agent: string | undefined;
  priority: Priority;
  language: DetectedLanguage;
  sentiment: Sentiment;
  reasons: string[];
}

type Field = keyof RuleAction;
const FIELDS: readonly Field[] = ['team', 'agent', 'category', 'priority'];

/**
 * Characters of the body that are classified. A mail says what it is about early (intents and
 * tone read at most 20,000 characters of the new text, language 4,000); the cap bounds quote
 * stripping and config regexes on megabyte bodies.
 */
export const MAX_CLASSIFIED_CHARS = 64 * 1024;

export function classify(input: ClassificationInput, rules: ClassificationConfig, defaults: ClassificationDefaults): Classification {
  const reasons: string[] = [];
  let text = input.text;
  if (text.length > MAX_CLASSIFIED_CHARS) {
    reasons.push(`text: classified on its first ${MAX_CLASSIFIED_CHARS} of ${text.length} characters`);
    text = text.slice(0, MAX_CLASSIFIED_CHARS);
  }
  const stripped = stripQuotedAndSignature(text);
  const newText = stripped.newText.trim().length > 0 ? stripped.newText : text;
  if (stripped.removed.length > 0) {
    reasons.push(
      stripped.newText.trim().length > 0
        ? `text: removed ${stripped.removed.join(', ')}`
        : `text: only ${stripped.removed.join(', ')} found; the whole text is used`,
    );
  }

  // 2. Rules.
  const decided: Partial<Record<Field, { value: string; rule: number }>> = {};
  rules.rules.forEach((rule, index) => {
    const matched = matchRule(rule.when, input, newText);
    if (!matched) return;
    const label = `rule[${index}]${rule.name ? ` (${rule.name})` : ''} ${matched}`;
    const taken: string[] = [];
    const skipped: string[] = [];
    for (const field of FIELDS) {
      const value = rule.then[field];
      if (value === undefined) continue;
      const earlier = decided[field];
      if (earlier) {
        skipped.push(`${field} already set by rule[${earlier.rule}]`);
        continue;
      }
      decided[field] = { value, rule: index };
      taken.push(`${field} ${value}`);
    }
    reasons.push(taken.length > 0 ? `${label} → ${taken.join(', ')}${skipped.length ? ` (${skipped.join(', ')})` : ''}` : `${label}: ${skipped.join(', ')}`);
  });

  // Team and agent: rules over the address defaults; an agent follows the team it belongs to.
  let team = decided.team?.value ?? defaults.team;
  let agent = decided.agent?.value ?? defaults.agent;
  if (decided.agent && !decided.team) {
    const agentTeam = defaults.agentTeams?.[decided.agent.value];
    if (agentTeam && agentTeam !== team) {
      team = agentTeam;
      reasons.push(`team ${team}: the team of agent ${decided.agent.value}`);
    }
  }
  if (!decided.agent && defaults.agent && team !== defaults.team) {
    reasons.push(`agent ${defaults.agent} not kept: the mail is routed to team ${team}`);
    agent = undefined;
  }
  if (!decided.team && !decided.agent) {
    reasons.push(`team ${team}${agent ? `, agent ${agent}` : ''}: owner of ${input.recipient || 'the address written to'}`);
  }

  // 1b. Language, on the new text and the subject.
  const detected = detectLanguage(`${input.subject}\n${newText}`);
  const language = detected.language ?? defaults.language;
  reasons.push(detected.language ? detected.reason : `${detected.reason} → default ${defaults.language}`);

  // 3. Category.
  let category: IntentName;
  if (decided.category) {
    category = decided.category.value as IntentName;
  } else {
    // Typo tolerance is for English (or text too short to tell): in other languages it finds false friends ("producto" ≈ product).
    const intent = scoreIntents(input.subject, newText, { fuzzy: detected.language === 'en' || (detected.language === undefined && !detected.foreign) });
    category = intent.intent;
    reasons.push(intent.reason);
  }

  // 4. Priority: base, then only upwards.
  const tone = assessTone(input.subject, newText);
  let priority: Priority = (decided.priority?.value as Priority | undefined) ?? 'normal';
  if (tone.sentiment === 'negative') {
    const raised = raisePriority(priority);
    reasons.push(`${tone.reasons.find((reason) => reason.startsWith('tone')) ?? 'tone negative'} → ${step(priority, raised)}`);
    priority = raised;
  } else if (tone.sentiment === 'positive') {
    reasons.push(tone.reasons.find((reason) => reason.startsWith('tone')) ?? 'tone positive');
  }
  if (tone.urgency.length > 0) {
    const words = tone.urgency
      .slice(0, 3)
      .map((signal) => `"${signal.text}"`)
      .join(', ');
    const lifted = atLeast(priority, 'high');
    reasons.push(`urgency: ${words} → ${lifted === priority ? `priority ${priority} (already at least high)` : `priority ${lifted}`}`);
    priority = lifted;
  }
  if (tone.threats.length > 0) {
    const threat = tone.threats[0]!;
    const lifted = atLeast(priority, 'high');
    if (lifted !== priority) {
      reasons.push(`${threat.kind}: "${threat.text}" → priority ${lifted}`);
      priority = lifted;
    }
  }
  const repeats = Math.max(0, Math.floor(input.awaitingFirstReplyRepeat ?? 0));
  if (repeats > 0) {
    let raised = priority;
    for (let i = 0; i < repeats; i++) raised = raisePriority(raised);
    const nth = ordinal(repeats + 1);
    reasons.push(
      `escalation: ${nth} mail while ${repeats === 1 ? 'the first still awaits' : `${repeats} earlier ones still await`} our first reply → ${step(priority, raised)}`,
    );
    priority = raised;
  }

  return { category, team, agent, priority, language, sentiment: tone.sentiment, reasons };
}

// ---------------------------------------------------------------------------
// Rule matching

/** Returns a description of the matched conditions (for the reason), or undefined when the rule does not match. */
export function matchRule(when: RuleCondition, input: ClassificationInput, newText: string): string | undefined {
  const parts: string[] = [];
  if (when.recipient !== undefined) {
    const hit = matchAddress(when.recipient, input.recipient);
    if (!hit) return undefined;
    parts.push(`recipient is ${hit}`);
  }
  if (when.sender !== undefined) {
    const hit = matchAddress(when.sender, input.sender);
    if (!hit) return undefined;
    parts.push(`sender is ${hit}`);
  }
  if (when.subject !== undefined) {
    if (!ruleRegex(when.subject).test(input.subject)) return undefined;
    parts.push(`subject matches /${when.subject}/`);
  }
  if (when.body !== undefined) {
    if (!ruleRegex(when.body).test(newText)) return undefined;
    parts.push(`body matches /${when.body}/`);
  }
  if (when.keywords !== undefined) {
    const haystack = normalizeForMatching(`${input.subject}\n${newText}`);
    const hit = when.keywords.find((keyword) => keywordPattern(keyword).test(haystack));
    if (hit === undefined) return undefined;
    parts.push(`keyword "${hit}"`);
  }
  if (when.header !== undefined) {
    const pattern = ruleRegex(when.header.pattern);
    const values = input.headers.get(when.header.name.toLowerCase()) ?? [];
    if (!values.some((value) => pattern.test(value))) return undefined;
    parts.push(`header ${when.header.name} matches /${when.header.pattern}/`);
  }
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** `vip@x.org` matches that address; `@x.org` matches the domain and its subdomains. Returns what matched. */
function matchAddress(wanted: string | readonly string[], actual: string): string | undefined {
  const address = actual.trim().toLowerCase();
  if (!address) return undefined;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const list = typeof wanted === 'string' ? [wanted] : wanted;
  return list.find((entry) => {
    const value = entry.trim().toLowerCase();
    if (value.startsWith('@')) {
      const wantedDomain = value.slice(1);
      return domain === wantedDomain || domain.endsWith(`.${wantedDomain}`);
    }
    return value === address;
  });
}

const regexCache = new Map<string, RegExp>();
function ruleRegex(source: string): RegExp {
  let pattern = regexCache.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'iu'); // validated by the config schema
    regexCache.set(source, pattern);
  }
  return pattern;
}

const keywordCache = new Map<string, RegExp>();
function keywordPattern(keyword: string): RegExp {
  let pattern = keywordCache.get(keyword);
  if (!pattern) {
    // Keywords are literal: escape the term syntax characters before compiling.
    const literal = keyword.replace(/[*|~?_<>]/g, ' ').trim() || keyword;
    pattern = compileTerm(literal);
    pattern = new RegExp(pattern.source, 'u'); // not global: `test` must not keep state
    keywordCache.set(keyword, pattern);
  }
  return pattern;
}

// ---------------------------------------------------------------------------

function atLeast(priority: Priority, floor: Priority): Priority {
  return isHigherPriority(floor, priority) ? floor : priority;
}

function step(from: Priority, to: Priority): string {
  return from === to ? `priority ${to} (already the highest)` : `priority ${from} → ${to}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export type { ClassificationRule };
