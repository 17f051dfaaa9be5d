import type { ClassificationConfig, ClassificationRule } from '../../schemas/classification-config.js';
import type { Reason } from '../../schemas/reasons.js';
import { isHigherPriority, raisePriority } from '../priority.js';
import { scoreIntents } from './intents.js';
import type { IntentName, Priority } from '../../schemas/vocabulary.js';
import { detectLanguage } from './language.js';
import { stripQuotedAndSignature } from './quotes.js';
import { applyRules } from './rule-match.js';
import { assessTone, type Sentiment, type ToneAssessment } from './urgency.js';

/**
 * The classification entry point: pure, deterministic, explainable.
 *
 * Order:
 * 1. the new text is separated from quotes, signatures and our own forwarded header block;
 * 2. config rules, in order; a rule matches when all its conditions hold; for each field
 *    (team, agent, category, priority) the first matching rule that sets it wins;
 * 3. built-in intents decide the category when no rule did;
 * 4. the priority: a rule's, else `low` for a mail that says nothing presses (a feature idea,
 *    a curious question, "no rush") and `normal` for the rest; then it can only rise:
 *    an outage, a security incident or a legal threat makes it `urgent`; a negative tone raises
 *    it one step; an urgency word or a public threat lifts it to at least `high`.
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
}

interface ClassificationDefaults {
  /** Team that owns the address written to. */
  team: string;
  /** Person reached through that address, if it is a personal address or alias. */
  agent?: string;
  /** Language of the address (ISO 639-1), used when the mail's language cannot be detected. */
  language: string;
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
  /** ISO 639-1 of the customer's new text (any language), else the address's language. */
  language: string;
  /** Whether `language` was read from the mail (false: the address's default was used). */
  languageDetected: boolean;
  /** For Chinese: Simplified or Traditional script. */
  script?: 'Hans' | 'Hant';
  sentiment: Sentiment;
  reasons: Reason[];
}

/**
 * Characters of the body that are classified. A mail says what it is about early (intents and
 * tone read at most 20,000 characters of the new text, language 4,000); the cap bounds quote
 * stripping and config regexes on megabyte bodies.
 */
export const MAX_CLASSIFIED_CHARS = 64 * 1024;

export function classify(input: ClassificationInput, rules: ClassificationConfig, defaults: ClassificationDefaults): Classification {
  const reasons: Reason[] = [];
  let text = input.text;
  if (text.length > MAX_CLASSIFIED_CHARS) {
    reasons.push({ code: 'classified-prefix', detail: `the first ${MAX_CLASSIFIED_CHARS} of ${text.length} characters are classified` });
    text = text.slice(0, MAX_CLASSIFIED_CHARS);
  }
  const stripped = stripQuotedAndSignature(text);
  const newText = stripped.newText.trim().length > 0 ? stripped.newText : text;
  if (stripped.removed.length > 0) {
    reasons.push({
      code: 'new-text',
      detail: stripped.newText.trim().length > 0 ? `removed ${stripped.removed.join(', ')}` : `only ${stripped.removed.join(', ')} found; the whole text is used`,
    });
  }

  // 2. Rules.
  const decided = applyRules(rules, input, newText, reasons);

  const { team, agent } = decideOwner(decided, defaults, input.recipient, reasons);

  // 1b. Language, on the new text and the subject.
  const detected = detectLanguage(`${input.subject}\n${newText}`);
  const language = detected.language ?? defaults.language;
  reasons.push(detected.language ? detected.reason : { code: 'language-default', detail: `${detected.reason.detail} → the address's ${defaults.language}` });

  // 3. Category.
  let category: IntentName;
  if (decided.category) {
    category = decided.category.value as IntentName;
  } else {
    // Typo tolerance is for English only (or text too short to tell): in other languages it finds false friends ("producto" ≈ product).
    const intent = scoreIntents(input.subject, newText, { language: detected.language ?? defaults.language, fuzzy: (detected.language ?? 'en') === 'en' });
    category = intent.intent;
    reasons.push(intent.reason);
  }

  // 4. Priority: base, then only upwards.
  const tone = assessTone(input.subject, newText, detected.language ?? defaults.language);
  const priority = decidePriority(basePriority(decided.priority?.value as Priority | undefined, tone, category, reasons), tone, reasons);

  return {
    category,
    team,
    agent,
    priority,
    language,
    languageDetected: detected.language !== undefined,
    ...(detected.script && language === 'zh' ? { script: detected.script } : {}),
    sentiment: tone.sentiment,
    reasons,
  };
}

// ---------------------------------------------------------------------------

/** Team and agent: rules over the address defaults; an agent follows the team it belongs to. */
function decideOwner(decided: ReturnType<typeof applyRules>, defaults: ClassificationDefaults, recipient: string, reasons: Reason[]): { team: string; agent: string | undefined } {
  let team = decided.team?.value ?? defaults.team;
  let agent = decided.agent?.value ?? defaults.agent;
  if (decided.agent && !decided.team) {
    const agentTeam = defaults.agentTeams?.[decided.agent.value];
    if (agentTeam && agentTeam !== team) {
      team = agentTeam;
      reasons.push({ code: 'agent-team', detail: `team ${team}, the team of agent ${decided.agent.value}` });
    }
  }
  if (!decided.agent && defaults.agent && team !== defaults.team) {
    reasons.push({ code: 'agent-not-kept', detail: `agent ${defaults.agent}: the mail is routed to team ${team}` });
    agent = undefined;
  }
  if (!decided.team && !decided.agent) {
    reasons.push({ code: 'owner', detail: `${recipient || 'the address written to'} belongs to team ${team}${agent ? `, agent ${agent}` : ''}` });
  }
  return { team, agent };
}

/** Raises the base priority by what the mail says: tone, urgency, threats, outages. */
function decidePriority(base: Priority, tone: ToneAssessment, reasons: Reason[]): Priority {
  let priority = base;
  if (tone.sentiment === 'negative') {
    const raised = raisePriority(priority);
    const found = tone.reasons.find(({ code }) => code === 'tone-negative')?.detail;
    reasons.push({ code: 'tone-negative', detail: `${found ? `${found} ` : ''}→ ${step(priority, raised)}` });
    priority = raised;
  } else if (tone.sentiment === 'positive') {
    reasons.push(tone.reasons.find(({ code }) => code === 'tone-positive') ?? { code: 'tone-positive', detail: '' });
  }
  if (tone.urgency.length > 0) {
    const words = tone.urgency
      .slice(0, 3)
      .map((signal) => `"${signal.text}"`)
      .join(', ');
    const lifted = atLeast(priority, 'high');
    reasons.push({ code: 'urgency', detail: `${words} → ${lifted === priority ? `priority ${priority} (already at least high)` : `priority ${lifted}`}` });
    priority = lifted;
  }
  const publicThreat = tone.threats.find((threat) => threat.kind === 'public-threat');
  if (publicThreat && atLeast(priority, 'high') !== priority) {
    priority = atLeast(priority, 'high');
    reasons.push({ code: 'public-threat', detail: `"${publicThreat.text}" → priority ${priority}` });
  }
  // Outages, security incidents and legal threats cannot wait for the normal queue.
  const critical = tone.critical[0] ?? tone.threats.find((threat) => threat.kind === 'legal-threat');
  if (critical && priority !== 'urgent') {
    reasons.push({ code: critical.kind === 'legal-threat' ? 'legal-threat' : 'critical', detail: `"${critical.text}" → priority ${priority} → urgent` });
    priority = 'urgent';
  }
  return priority;
}

/**
 * A rule's priority; else `low` when the mail says nothing presses (calm words, an idea or a
 * curious question, or praise) and nothing in it does; else `normal`.
 */
function basePriority(fromRule: Priority | undefined, tone: ToneAssessment, category: IntentName, reasons: Reason[]): Priority {
  if (fromRule) return fromRule;
  const praise = category === 'feedback' && tone.sentiment === 'positive' ? tone.positive[0] : undefined;
  const relaxed = tone.calm[0] ?? tone.minor[0] ?? praise;
  const pressing = tone.urgency.length > 0 || tone.critical.length > 0 || tone.threats.length > 0 || tone.sentiment === 'negative';
  if (!relaxed || pressing) return 'normal';
  reasons.push({ code: relaxed.kind === 'positive' ? 'praise' : relaxed.kind === 'minor' ? 'minor' : 'calm', detail: `"${relaxed.text}" → priority low` });
  return 'low';
}

function atLeast(priority: Priority, floor: Priority): Priority {
  return isHigherPriority(floor, priority) ? floor : priority;
}

function step(from: Priority, to: Priority): string {
  return from === to ? `priority ${to} (already the highest)` : `priority ${from} → ${to}`;
}

export type { ClassificationRule };
export { matchRule } from './rule-match.js';
