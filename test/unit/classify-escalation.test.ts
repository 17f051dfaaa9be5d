import { describe, expect, it } from 'vitest';
import { classify, type ClassificationInput } from '../../lambdas/core/classify/classify.js';
import { parseClassificationConfig } from '../../lambdas/schemas/classification-config.js';
import { renderReason } from '../../lambdas/schemas/reasons.js';

const none = { rules: [] };
const defaults = { team: 'support', language: 'zh' as const };

function mail(text: string, overrides: Partial<ClassificationInput> = {}): ClassificationInput {
  return { subject: '', text, recipient: 'support@example.com', sender: 'jane@customer.org', headers: new Map(), ...overrides };
}

describe('priority: urgency, tone and escalation only raise it', () => {
  it('starts at normal', () => {
    expect(classify(mail('Where is my parcel?'), none, defaults).priority).toBe('normal');
  });

  it('an urgency word lifts to at least high, in each language', () => {
    for (const text of ['I need this fixed ASAP.', '请尽快处理，谢谢。', '至急ご確認ください。']) {
      const result = classify(mail(text), none, defaults);
      expect(result.priority, text).toBe('high');
    }
    const result = classify(mail('I need this fixed ASAP.'), none, defaults);
    expect(result.reasons).toContainEqual({ code: 'urgency', detail: '"asap" → priority high' });
  });

  it('a negative tone raises one step; a threat lifts to at least high', () => {
    const angry = classify(mail('This is ridiculous, my parcel is lost again.'), none, defaults);
    expect(angry).toMatchObject({ priority: 'high', sentiment: 'negative' });
    expect(angry.reasons).toContainEqual({ code: 'tone-negative', detail: '"ridiculous" → priority normal → high' });
    const low = parseClassificationConfig({ rules: [{ when: { sender: '@bulk.example' }, then: { priority: 'low' } }] });
    const threat = classify(mail('I will take legal action.', { sender: 'x@bulk.example' }), low, defaults);
    expect(threat.priority).toBe('urgent');
    expect(threat.reasons.slice(-2)).toEqual([
      { code: 'tone-negative', detail: '"legal action" (legal-threat) → priority low → normal' },
      { code: 'legal-threat', detail: '"legal action" → priority normal → urgent' },
    ]);
    const review = classify(mail('Fix this or I will leave a bad review.', { sender: 'x@bulk.example' }), low, defaults);
    expect(review.priority).toBe('high');
  });

  it('tone and urgency together do not stack past high on their own', () => {
    const result = classify(mail('URGENT!!! THIS IS UNACCEPTABLE, FIX MY ACCOUNT NOW'), none, defaults);
    expect(result).toMatchObject({ priority: 'high', sentiment: 'negative' });
    expect(result.reasons.slice(-2)).toEqual([
      { code: 'tone-negative', detail: '"unacceptable", all caps, "!!!" → priority normal → high' },
      { code: 'urgency', detail: '"urgent" → priority high (already at least high)' },
    ]);
  });

  it('a calm mail is low, unless something in it presses', () => {
    const calm = classify(mail('No rush, not urgent at all. Could you send the invoice when you get a chance? Thanks'), none, defaults);
    expect(calm).toMatchObject({ priority: 'low', sentiment: 'neutral', category: 'billing' });
    expect(calm.reasons).toContainEqual({ code: 'calm', detail: '"no rush" → priority low' });
    const idea = classify(mail('Feature request: it would be nice to export reports as CSV.'), none, defaults);
    expect(idea.priority).toBe('low');
    const calmButDown = classify(mail('No rush on my earlier question, but our production site is down for all customers.'), none, defaults);
    expect(calmButDown.priority).toBe('urgent');
  });
});

function classify0(input: ClassificationInput) {
  return classify(input, none, defaults);
}

describe('explainability', () => {
  it('reasons say what decided each field, in order, in short human-readable strings', () => {
    const config = parseClassificationConfig({ rules: [{ name: 'VIP', when: { sender: '@vip.example' }, then: { priority: 'high' } }] });
    const text = '你好，我上周退回的耳机到现在还没退款，请尽快处理！\n\n谢谢\n张伟\n\n在 2026年11月24日 10:00，客服 <support@example.com> 写道：\n> 您好，您的发票已开好。';
    const result = classify(mail(text, { subject: '退款', sender: 'zhang@vip.example' }), config, defaults);
    expect(result).toMatchObject({ category: 'refund', team: 'support', agent: undefined, priority: 'high', language: 'zh', sentiment: 'neutral' });
    expect(result.reasons).toEqual([
      { code: 'new-text', detail: 'removed quoted-reply, signature' },
      { code: 'rule', detail: 'classification.rules[0] (VIP) sender is @vip.example → priority high' },
      { code: 'owner', detail: 'support@example.com belongs to team support' },
      { code: 'language', detail: expect.stringMatching(/^zh, \d+ Han characters without kana$/) },
      { code: 'intent', detail: expect.stringMatching(/^refund \(zh\) on .*"退款" \(subject\).* \(score \d+\)$/) },
      { code: 'urgency', detail: '"尽快" → priority high (already at least high)' },
    ]);
    // The quoted 发票 (invoice) did not count.
    expect(result.reasons.map(renderReason).join(' ')).not.toContain('发票');
    for (const reason of result.reasons) expect(renderReason(reason).length).toBeLessThan(160);
  });

  it('reports the language a mail is written in, and falls back to the address language only when it cannot tell', () => {
    const spanish = classify0(mail('Hola, ¿dónde está mi pedido? Gracias por todo, saludos.'));
    expect(spanish).toMatchObject({ language: 'es', languageDetected: true });
    const unknown = classify0(mail('4711 / 0815'));
    expect(unknown).toMatchObject({ language: 'zh', languageDetected: false });
    expect(unknown.reasons).toContainEqual({ code: 'language-default', detail: "no letters to judge → the address's zh" });
  });

  it('uses the whole text when nothing new is left after stripping', () => {
    const result = classify0(mail('> Where is my refund?\n> Thanks'));
    expect(result.category).toBe('refund');
    expect(result.reasons[0]).toEqual({ code: 'new-text', detail: 'only quoted-reply found; the whole text is used' });
  });

  it('is deterministic and pure: the same input gives the same output', () => {
    const input = mail('My invoice is wrong!!! Fix it today please', { subject: 'Invoice' });
    expect(classify0(input)).toEqual(classify0(input));
  });
});
