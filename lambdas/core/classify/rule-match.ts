import type { ClassificationConfig, RuleAction, RuleCondition } from '../../schemas/classification-config.js';
import type { Reason } from '../../schemas/reasons.js';
import { compileTerm, normalizeForMatching } from './terms.js';

/** What config rules look at in a mail. */
interface RuleInput {
  subject: string;
  recipient: string;
  sender: string;
  headers: ReadonlyMap<string, readonly string[]>;
}

type RuleField = keyof RuleAction;
const FIELDS: readonly RuleField[] = ['team', 'agent', 'category', 'priority'];

/** Each field's value from the first matching rule that sets it; every match adds a reason. */
export function applyRules(rules: ClassificationConfig, input: RuleInput, newText: string, reasons: Reason[]): Partial<Record<RuleField, { value: string; rule: number }>> {
  const decided: Partial<Record<RuleField, { value: string; rule: number }>> = {};
  rules.rules.forEach((rule, index) => {
    const matched = matchRule(rule.when, input, newText);
    if (!matched) return;
    const label = `classification.rules[${index}]${rule.name ? ` (${rule.name})` : ''} ${matched}`;
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
    reasons.push({ code: 'rule', detail: taken.length > 0 ? `${label} → ${taken.join(', ')}${skipped.length ? ` (${skipped.join(', ')})` : ''}` : `${label}: ${skipped.join(', ')}` });
  });
  return decided;
}

/** Returns a description of the matched conditions (for the reason), or undefined when the rule does not match. */
export function matchRule(when: RuleCondition, input: RuleInput, newText: string): string | undefined {
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
