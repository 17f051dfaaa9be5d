import { describe, expect, it } from 'vitest';
import { classify, type ClassificationInput } from '../../lambdas/core/classify/classify.js';
import {
  classificationConfigSchema,
  parseClassificationConfig,
  unknownReferences,
  type ClassificationConfigInput,
} from '../../lambdas/schemas/classification-config.js';

const defaults = { team: 'support', language: 'en' as const };

function mail(overrides: Partial<ClassificationInput> = {}): ClassificationInput {
  return {
    subject: 'Question',
    text: 'Hello, I have a question about my order.',
    recipient: 'support@example.com',
    sender: 'jane@customer.org',
    headers: new Map(),
    ...overrides,
  };
}

function rules(input: ClassificationConfigInput) {
  return parseClassificationConfig(input);
}

describe('config rules', () => {
  it('route by recipient address to a team or an agent (aliases reach the same person)', () => {
    const config = rules({
      rules: [
        { when: { recipient: 'sales@example.com' }, then: { team: 'sales' } },
        { name: 'Mei', when: { recipient: ['mei@example.com', 'mei.chen@example.com'] }, then: { agent: 'mei' } },
      ],
    });
    expect(classify(mail({ recipient: 'sales@example.com' }), config, defaults)).toMatchObject({ team: 'sales', agent: undefined });
    const alias = classify(mail({ recipient: 'Mei.Chen@example.com' }), config, { ...defaults, agentTeams: { mei: 'support' } });
    expect(alias).toMatchObject({ team: 'support', agent: 'mei' });
    expect(alias.reasons).toContainEqual({ code: 'rule', detail: 'classification.rules[1] (Mei) recipient is mei.chen@example.com → agent mei' });
  });

  it('match senders by address or by @domain, including subdomains', () => {
    const config = rules({
      rules: [
        { name: 'VIP', when: { sender: 'ceo@bigclient.com' }, then: { priority: 'high' } },
        { name: 'Partner', when: { sender: '@partner.example' }, then: { team: 'partners' } },
      ],
    });
    expect(classify(mail({ sender: 'CEO@bigclient.com' }), config, defaults).priority).toBe('high');
    expect(classify(mail({ sender: 'ops@eu.partner.example' }), config, defaults).team).toBe('partners');
    expect(classify(mail({ sender: 'ops@notpartner.example' }), config, defaults).team).toBe('support');
  });

  it('match subject and body regexes (case-insensitive), keywords (whole words, CJK substrings) and headers', () => {
    const config = rules({
      rules: [
        { when: { subject: 'refund|money back' }, then: { category: 'refund' } },
        { when: { body: 'invoice\\s*#\\d+' }, then: { category: 'billing' } },
        { when: { keywords: ['GDPR', '个人信息'] }, then: { team: 'privacy' } },
        { when: { header: { name: 'X-Priority', pattern: '^1' } }, then: { priority: 'urgent' } },
      ],
    });
    expect(classify(mail({ subject: 'MONEY BACK please' }), config, defaults).category).toBe('refund');
    expect(classify(mail({ text: 'Where is Invoice #123?' }), config, defaults).category).toBe('billing');
    expect(classify(mail({ text: 'A GDPR request.' }), config, defaults).team).toBe('privacy');
    expect(classify(mail({ text: 'gdprs are fun' }), config, defaults).team).toBe('support');
    expect(classify(mail({ text: '请删除我的个人信息' }), config, defaults).team).toBe('privacy');
    const urgentHeader = classify(mail({ headers: new Map([['x-priority', ['1 (Highest)']]]) }), config, defaults);
    expect(urgentHeader.priority).toBe('urgent');
    expect(urgentHeader.reasons).toContainEqual({ code: 'rule', detail: 'classification.rules[3] header x-priority matches /^1/ → priority urgent' });
  });

  it('need all conditions of a rule to hold', () => {
    const config = rules({ rules: [{ when: { recipient: 'sales@example.com', subject: 'quote' }, then: { team: 'sales' } }] });
    expect(classify(mail({ recipient: 'sales@example.com', subject: 'Quote request' }), config, defaults).team).toBe('sales');
    expect(classify(mail({ recipient: 'sales@example.com', subject: 'Hello' }), config, defaults).team).toBe('support');
    expect(classify(mail({ recipient: 'sales@example.com', subject: 'Quote request' }), config, defaults).reasons).toContainEqual(
      { code: 'rule', detail: 'classification.rules[0] recipient is sales@example.com and subject matches /quote/ → team sales' },
    );
  });

  it('first match per field wins; later rules still decide the fields left open', () => {
    const config = rules({
      rules: [
        { name: 'refunds', when: { subject: 'refund' }, then: { category: 'refund', team: 'billing' } },
        { name: 'vip', when: { sender: '@vip.example' }, then: { team: 'vip', priority: 'high' } },
        { name: 'late', when: { keywords: ['refund'] }, then: { category: 'complaint' } },
      ],
    });
    const result = classify(mail({ subject: 'Refund', text: 'refund please', sender: 'a@vip.example' }), config, defaults);
    expect(result).toMatchObject({ category: 'refund', team: 'billing', priority: 'high' });
    expect(result.reasons.slice(0, 3)).toEqual([
      { code: 'rule', detail: 'classification.rules[0] (refunds) subject matches /refund/ → team billing, category refund' },
      { code: 'rule', detail: 'classification.rules[1] (vip) sender is @vip.example → priority high (team already set by rule[0])' },
      { code: 'rule', detail: 'classification.rules[2] (late) keyword "refund": category already set by rule[0]' },
    ]);
  });

  it('skips the built-in intents when a rule decided the category, uses them otherwise', () => {
    const config = rules({ rules: [{ when: { recipient: 'press@example.com' }, then: { category: 'other' } }] });
    const byRule = classify(mail({ recipient: 'press@example.com', text: 'I want a refund' }), config, defaults);
    expect(byRule.category).toBe('other');
    expect(byRule.reasons.some(({ code }) => code === 'intent')).toBe(false);
    const byIntent = classify(mail({ text: 'I want a refund' }), config, defaults);
    expect(byIntent.category).toBe('refund');
    expect(byIntent.reasons).toContainEqual({ code: 'intent', detail: 'refund (en) on "refund" (score 3)' });
  });

  it('keeps an agent only while the mail stays with that agent\'s team', () => {
    const config = rules({ rules: [{ when: { keywords: ['quote'] }, then: { team: 'sales' } }] });
    const personal = { team: 'support', agent: 'mei', language: 'en' as const };
    expect(classify(mail({ recipient: 'mei@example.com' }), config, personal)).toMatchObject({ team: 'support', agent: 'mei' });
    const moved = classify(mail({ recipient: 'mei@example.com', text: 'Can I get a quote?' }), config, personal);
    expect(moved).toMatchObject({ team: 'sales', agent: undefined });
    expect(moved.reasons).toContainEqual({ code: 'agent-not-kept', detail: 'agent mei: the mail is routed to team sales' });
  });

  it('use the agent\'s team when a rule assigns an agent without a team', () => {
    const config = rules({ rules: [{ when: { sender: '@bigclient.com' }, then: { agent: 'li' } }] });
    const result = classify(mail({ sender: 'x@bigclient.com' }), config, { ...defaults, agentTeams: { li: 'enterprise' } });
    expect(result).toMatchObject({ team: 'enterprise', agent: 'li' });
    expect(result.reasons).toContainEqual({ code: 'agent-team', detail: 'team enterprise, the team of agent li' });
  });
});

describe('classificationConfigSchema', () => {
  function problems(input: unknown): string[] {
    try {
      parseClassificationConfig(input);
      return [];
    } catch (error) {
      return (error as Error).message.split('\n').slice(1).map((line) => line.replace(/^\s+- /, ''));
    }
  }

  it('defaults to no rules', () => {
    expect(classificationConfigSchema.parse({})).toEqual({ rules: [] });
  });

  it('reports an invalid regex with the engine\'s explanation', () => {
    expect(problems({ rules: [{ when: { subject: 'refund(' }, then: { category: 'refund' } }] })).toEqual([
      'rules[0].when.subject: invalid regular expression /refund(/: Unterminated group',
    ]);
    expect(problems({ rules: [{ when: { header: { name: 'X-Priority', pattern: '[' } }, then: { priority: 'high' } }] })[0]).toMatch(
      /^rules\[0\]\.when\.header\.pattern: invalid regular expression \/\[\/: /,
    );
  });

  it('requires at least one condition and one action, and known categories and priorities', () => {
    expect(problems({ rules: [{ when: {}, then: {} }] })).toEqual([
      'rules[0].when: give at least one condition: recipient, sender, subject, body, keywords or header',
      'rules[0].then: give at least one action: team, agent, category or priority',
    ]);
    expect(problems({ rules: [{ when: { subject: 'x' }, then: { category: 'refunds', priority: 'asap' } }] })).toEqual([
      'rules[0].then.category: expected one of refund, shipping, billing, technical, account, sales, complaint, feedback, other',
      'rules[0].then.priority: expected one of urgent, high, normal, low',
    ]);
    expect(problems({ rules: [{ when: { sender: 'not an address' }, then: { team: 'x' } }] })[0]).toContain(
      'expected an e-mail address like vip@example.org or a domain written as @example.org',
    );
    expect(problems({ rules: [{ when: { subject: 'x', colour: 'red' }, then: { team: 'x' } }] })[0]).toMatch(/^rules\[0\]\.when: Unrecognized key/);
  });

  it('unknownReferences names unknown teams and agents, and agents of another team, by path', () => {
    const config = rules({
      rules: [
        { when: { subject: 'a' }, then: { team: 'sales' } },
        { when: { subject: 'b' }, then: { team: 'nope' } },
        { when: { subject: 'c' }, then: { agent: 'ghost' } },
        { when: { subject: 'd' }, then: { team: 'sales', agent: 'mei' } },
      ],
    });
    expect(unknownReferences(config.rules, { support: {}, sales: {} }, { mei: { team: 'support' } })).toEqual([
      { path: ['rules', 1, 'then', 'team'], message: 'unknown team "nope"; known: support, sales' },
      { path: ['rules', 2, 'then', 'agent'], message: 'unknown agent "ghost"; known: mei' },
      { path: ['rules', 3, 'then', 'agent'], message: 'agent "mei" belongs to team "support", not "sales"' },
    ]);
  });
});
