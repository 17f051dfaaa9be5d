import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderReason } from '../../lambdas/schemas/reasons.js';
import { decodeText } from '../../lambdas/adapters/charsets.js';
import { MAX_HTML_TO_CONVERT, MAX_TEXT_CHARS, parseMail } from '../../lambdas/adapters/mail-parser.js';
import { classify, MAX_CLASSIFIED_CHARS } from '../../lambdas/core/classify/classify.js';
import { compileTerms, findTerms } from '../../lambdas/core/classify/terms.js';
import { parseClassificationConfig } from '../../lambdas/schemas/classification-config.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { memoryDependencies, receive } from '../support/fixtures.js';

/**
 * Inputs that make a mail parser or a classifier work far beyond the mail's size:
 * megabytes of format=flowed text, HTML stuffed with links or on one line, long undeclared
 * 8-bit bodies, one short term repeated a hundred thousand times. Each is handled completely:
 * the work is capped where documented (with the reason recorded), the answer stays right.
 * Behavioural only: the time these take is the benchmark's business (bench/core-throughput.ts).
 */
const MB = 1024 * 1024;
const NO_RULES = parseClassificationConfig({ rules: [] });

function mail(contentType: string, body: string | Buffer, headers: string[] = [], subject = 'My parcel has not arrived'): Buffer {
  const head = [
    'From: Jane Doe <jane@customer.example.org>',
    'To: support@example.com',
    `Subject: ${subject}`,
    'Message-ID: <bounded-work@customer.example.org>',
    'Date: Tue, 24 Nov 2026 10:00:00 +0800',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    ...headers,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), typeof body === 'string' ? Buffer.from(body) : body, Buffer.from('\r\n')]);
}

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

async function ingest(raw: Buffer) {
  const deps = memoryDependencies();
  const result = await ingestMail(receive(deps, raw), deps);
  const thread = [...deps.threads.threads.values()][0];
  return { result, thread, ack: deps.mailer.sent[0] };
}

describe('bounded work per mail', () => {
  it('a 5 MB format=flowed text part: flowed lines joined, the text cut at the cap and recorded, classified and answered', async () => {
    const paragraph = 'My parcel 4711 has not arrived yet and I have been waiting for two weeks, where is my order? ';
    // Every line but each paragraph's last ends in a space: a soft break that the decoder joins.
    const lines: string[] = [];
    while (lines.length * 76 < 5 * MB) lines.push(...Array.from({ length: 199 }, () => `${paragraph.slice(0, 75)} `), paragraph.slice(0, 70));
    const raw = mail('text/plain; charset=utf-8; format=flowed', lines.join('\r\n'), ['Content-Transfer-Encoding: 8bit']);

    const parsed = await parseMail(raw);
    expect(parsed.text).toHaveLength(MAX_TEXT_CHARS);
    expect(parsed.text.split('\n')[0]!.length).toBeGreaterThan(199 * 75); // soft breaks joined
    expect(parsed.defects).toContainEqual({ code: 'text-truncated', detail: `body text of ${parsed.defects[0]!.detail.match(/of (\d+)/)![1]} characters cut to ${MAX_TEXT_CHARS}` });
    expect(Number(parsed.defects[0]!.detail.match(/of (\d+)/)![1])).toBeGreaterThan(5_000_000);

    const { result, thread, ack } = await ingest(raw);
    expect(result.disposition).toBe('new-thread');
    expect(result.acknowledge).toBe(true);
    expect(result.reasons.map(renderReason).join('\n')).toContain('text-truncated');
    expect(thread!.category).toBe('shipping');
    expect(ack!.text).toContain(thread!.ref);
  });

  it('HTML-only mail with 20,000 links: converted from its first part (recorded), no markup left, answered', async () => {
    const links = Array.from({ length: 20_000 }, (_, index) => `<a href="https://shop.example.com/p/${index}">product ${index}</a><br>\r\n`).join('');
    const html = `<html><body><p>Where is my order 4711? It has not arrived.</p>${links}</body></html>`;
    const raw = mail('text/html; charset=utf-8', html);

    const parsed = await parseMail(raw);
    expect(parsed.hasHtml).toBe(true);
    expect(parsed.text.startsWith('Where is my order 4711? It has not arrived.')).toBe(true);
    expect(parsed.text).toContain('product 100');
    expect(parsed.text).not.toContain('product 19999');
    expect(parsed.text).not.toMatch(/<a\b|<\/?br/);
    expect(parsed.defects).toHaveLength(1);
    expect(parsed.defects[0]!.code).toBe('html-truncated');
    const [, partLength] = /^an HTML part of (\d+) characters was converted to text from its first (\d+)$/.exec(parsed.defects[0]!.detail)!;
    expect(Number(partLength)).toBeGreaterThan(1_200_000);
    expect(parsed.defects[0]!.detail).toMatch(new RegExp(`from its first ${MAX_HTML_TO_CONVERT}$`));

    const { result, thread, ack } = await ingest(raw);
    expect(result.disposition).toBe('new-thread');
    expect(result.acknowledge).toBe(true);
    expect(result.reasons.map(renderReason).join('\n')).toContain('html-truncated');
    expect(thread!.category).toBe('shipping');
    expect(ack!.text).toContain(thread!.ref);
  });

  it('a 4 MB single-line HTML (base64): cut at a tag boundary, never half a tag in the text', async () => {
    const html = `<html><body><p>I want a refund: please give me my money back for the blender.</p>${'<div class="x"><span>filler text</span></div>'.repeat(90_000)}</body></html>`;
    const raw = mail('text/html; charset=utf-8', base64Lines(Buffer.from(html)), ['Content-Transfer-Encoding: base64'], 'Broken blender');

    const parsed = await parseMail(raw);
    expect(parsed.text.startsWith('I want a refund: please give me my money back for the blender.')).toBe(true);
    expect(parsed.text).not.toMatch(/[<>]/);
    expect(parsed.defects).toEqual([{ code: 'html-truncated', detail: `an HTML part of ${html.length} characters was converted to text from its first ${MAX_HTML_TO_CONVERT}` }]);

    const { result, thread } = await ingest(raw);
    expect(result.acknowledge).toBe(true);
    expect(thread!.category).toBe('refund');
  });

  it('a text part next to a huge HTML alternative: the text part is used whole, nothing recorded as cut', async () => {
    const boundary = 'alt';
    const body = [
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please cancel my subscription and refund the last invoice.',
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Please cancel my subscription and refund the last invoice.</p>${'<p>x</p>'.repeat(100_000)}`,
      `--${boundary}--`,
    ].join('\r\n');
    const parsed = await parseMail(mail(`multipart/alternative; boundary="${boundary}"`, body));
    expect(parsed.text.trim()).toBe('Please cancel my subscription and refund the last invoice.');
    expect(parsed.defects).toEqual([]);
  });

  it('a 1.5 MB GBK body under a bogus charset name: the charset is guessed from its start and the whole body decoded with it', async () => {
    const sentence = '您好，我的订单还没有到，请帮我查一下物流信息。';
    const text = `${sentence}\n`.repeat(Math.ceil((1.5 * MB) / (sentence.length * 2)));
    const parsed = await parseMail(mail('text/plain; charset=unknown-8bit', iconv.encode(text, 'gb18030'), ['Content-Transfer-Encoding: 8bit']));
    expect(parsed.text.startsWith(sentence)).toBe(true);
    expect(parsed.text).not.toContain('\uFFFD');
    // The end of the body, far beyond the sample the guess read, is Chinese too.
    expect(parsed.text.trimEnd().endsWith(`\n${sentence}`)).toBe(true);
    expect(decodeText(iconv.encode(text, 'gb18030'), undefined)).toBe(text);
  });

  it('classifies only the first MAX_CLASSIFIED_CHARS characters and says so', () => {
    const text = `Where is my parcel? It has not arrived.\n${'lorem ipsum dolor sit amet '.repeat(10_000)}\nThis is a lawsuit.`;
    const result = classify(
      { subject: 'parcel', text, recipient: 'support@example.com', sender: 'jane@customer.example.org', headers: new Map() },
      parseClassificationConfig({ rules: [{ when: { body: 'lawsuit' }, then: { team: 'legal' } }] }),
      { team: 'support', language: 'en' },
    );
    expect(result.reasons[0]).toEqual({ code: 'classified-prefix', detail: `the first ${MAX_CLASSIFIED_CHARS} of ${text.length} characters are classified` });
    expect(result.category).toBe('shipping');
    expect(result.team).toBe('support'); // the rule's word lies beyond the cap
    expect(result.priority).toBe('normal');
  });

  it('one short term repeated 100,000 times, and "not urgent" thousands of times, are judged as a few', () => {
    const refunds = classify(
      { subject: '', text: '退款'.repeat(50_000), recipient: 'support@example.com', sender: 'a@customer.example.org', headers: new Map() },
      NO_RULES,
      { team: 'support', language: 'zh' },
    );
    expect(refunds.category).toBe('refund');

    const calm = 'this is not urgent. '.repeat(3_000);
    const tone = classify({ subject: 'question', text: calm, recipient: 'support@example.com', sender: 'a@customer.example.org', headers: new Map() }, NO_RULES, {
      team: 'support',
      language: 'en',
    });
    expect(tone.priority).toBe('low'); // each "urgent" lies inside a "not urgent": a calm mail
    expect(tone.reasons.map(renderReason).join('\n')).not.toContain('urgency');
  });

  it('term matching keeps its rules on long texts: a longer match of at least the same weight hides the shorter one inside it', () => {
    const terms = compileTerms([
      { term: 'urgent', weight: 2, tag: 'urgent' },
      { term: 'not urgent', weight: 3, tag: 'calm' },
    ]);
    const text = `${'not urgent, '.repeat(5_000)}urgent!`;
    const found = findTerms(text, terms);
    expect(found.filter((match) => match.term.tag === 'calm')).toHaveLength(5_000);
    expect(found.filter((match) => match.term.tag === 'urgent').map((match) => match.start)).toEqual([text.length - 'urgent!'.length]);
  });
});
