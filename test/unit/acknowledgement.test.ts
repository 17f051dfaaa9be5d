import { describe, expect, it } from 'vitest';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { ingestMail } from '../../lambdas/core/ingest.js';
import { formatDue, greetableName } from '../../lambdas/core/templates.js';
import { configWith, memoryDependencies, rawMail, receive } from '../support/fixtures.js';

async function ackFor(fields: Partial<Parameters<typeof rawMail>[0]>, receivedAt?: Date, deps = memoryDependencies()) {
  const raw = rawMail({ from: 'Jane Doe <jane@customer.example.org>', to: 'support@example.com', subject: 'Question', body: 'Hello', ...fields });
  await ingestMail(receive(deps, raw, receivedAt ? { receivedAt } : {}), deps);
  return deps.mailer.sent[0]!;
}

describe('the acknowledgement', () => {
  it('promises a reply time from the SLA policy, in business hours, in the team\'s time zone', async () => {
    // Tuesday 10:00 in Shanghai + 6 business hours (09:00–18:00) → 16:00 the same day.
    const ack = await ackFor({}, new Date('2026-11-24T02:00:00Z'));
    expect(ack.text).toContain('by 16:00 on Tuesday 24 November (Beijing time)');
  });

  it('carries a promise over the weekend when the mail arrives on Friday evening', async () => {
    // Friday 17:30 Shanghai: 30 min left that day, 5.5 h on Monday → 14:30 Monday.
    const ack = await ackFor({}, new Date('2026-11-27T09:30:00Z'));
    expect(ack.text).toContain('by 14:30 on Monday 30 November (Beijing time)');
  });

  it('shows the promise in the customer\'s own time too when their Date header reveals another zone', async () => {
    // A customer in Tokyo (+0900) writing to a team in Shanghai: 16:00 Beijing time is 17:00 for them.
    const tokyo = await ackFor({ date: 'Tue, 24 Nov 2026 11:00:00 +0900', subject: '請求書について', body: '先月の請求書の金額が間違っているようです。ご確認をお願いいたします。' }, new Date('2026-11-24T02:00:00Z'));
    expect(tokyo.text).toContain('17:00');
    expect(tokyo.text).toContain('16:00');
    expect(tokyo.text).toContain('北京時間');
    expect(tokyo.text).toContain('UTC+9');
    // The same offset as the company's zone: one time, no "your time".
    const beijing = await ackFor({ date: 'Tue, 24 Nov 2026 10:00:00 +0800' }, new Date('2026-11-24T02:00:00Z'));
    expect(beijing.text).toContain('by 16:00 on Tuesday 24 November (Beijing time)');
    expect(beijing.text).not.toContain('your time');
  });

  it('is written in Chinese for a Chinese mail, and in Japanese for a Japanese one', async () => {
    const zh = await ackFor({ subject: '订单还没到', body: '你好，我的订单已经十天了还没有收到，请帮我查一下物流情况。谢谢！' });
    expect(zh.text).toContain('您好');
    expect(zh.text).toContain('北京时间');
    expect(zh.text).toContain('如何查询物流');
    const ja = await ackFor({ subject: '注文が届きません', body: 'こんにちは。先週注文した商品がまだ届いていません。配送状況を確認していただけますか。' });
    expect(ja.text).toContain('お問い合わせいただき、ありがとうございます');
    expect(ja.text).toContain('北京時間');
  });

  it('is signed with the team\'s name and signature in the customer\'s language when the config gives them', async () => {
    const zh = await ackFor({ subject: '发票', body: '你好，请帮我开一张上个月的发票，谢谢。' });
    expect(zh.text).toContain('Example 客服中心');
    expect(zh.text.trimEnd().endsWith('Example 客服团队')).toBe(true);
    expect(zh.from.name).toBe('Example 客服中心');
    const hant = await ackFor({ subject: '發票', body: '您好，請幫我開立上個月的發票，謝謝。' });
    expect(hant.text.trimEnd().endsWith('Example 客服團隊')).toBe(true);
    expect(hant.subject.startsWith('回覆：')).toBe(true);
    // German: only the signature is given; the name stays the team's own.
    const de = await ackFor({ subject: 'Rechnung', body: 'Hallo, ich brauche bitte die Rechnung vom Oktober noch einmal. Danke!' });
    expect(de.text).toContain('Example Support');
    expect(de.text.trimEnd().endsWith('Ihr Example-Support-Team')).toBe(true);
    // No wording for French: name and signature as configured.
    const fr = await ackFor({ subject: 'Facture', body: "Bonjour, pourriez-vous me renvoyer la facture d'octobre ? Merci" });
    expect(fr.text.trimEnd().endsWith('The Example support team')).toBe(true);
  });

  it('answers a language the config adds, and refuses a default language nobody can answer in', async () => {
    const swedish = memoryDependencies(configWith({ acknowledgement: { templates: { sv: { body: 'Hej {{name}}!\n\nTack för ditt meddelande ({{ref}}).\n\n{{signature}}' } } } }));
    const ack = await ackFor({ subject: 'Min beställning', body: 'Hej, jag har inte fått min beställning än. Kan ni kolla vad som har hänt med den?' }, undefined, swedish);
    expect(ack.text).toMatch(/^Hej Jane Doe!/);
    const norwegian = await ackFor({ subject: 'Bestilling', body: 'Hei, jeg har ikke fått bestillingen min ennå. Kan dere sjekke hva som har skjedd med den?' });
    expect(norwegian.text).toMatch(/^Hello Jane Doe,/); // no Norwegian template: the address's language, then the default
    expect(() => configWith({ defaultLanguage: 'sv' })).toThrow(/defaultLanguage: no acknowledgement in "sv"/);
  });

  it('falls back to the address language, then the default, when the language cannot be told', async () => {
    const ack = await ackFor({ subject: '123', body: '4711' });
    expect(ack.text).toMatch(/^Hello Jane Doe,/);
    // An address answered in Traditional Chinese: the ack follows it, the thread's language is plain `zh`.
    const deps = memoryDependencies(configWith({ addresses: [{ address: 'support@example.com', team: 'support', language: 'zh-Hant' }] }));
    const hant = await ackFor({ subject: '123', body: '4711' }, undefined, deps);
    expect(hant.subject.startsWith('回覆：')).toBe(true);
    expect([...deps.threads.threads.values()][0]).toMatchObject({ language: 'zh', replyLanguage: 'zh-Hant' });
  });

  it('suggests at most three matching FAQ answers, most specific first', async () => {
    const ack = await ackFor({ subject: 'Refund and delivery', body: 'My parcel never arrived and the tracking is stuck. I want a refund, or to return it. Also I forgot my password.' });
    const lines = ack.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('https://example.com/help/delivery');
    expect(ack.text).toContain('While you wait, these answers may already help:');
  });

  it('suggests nothing when nothing matches', async () => {
    const ack = await ackFor({ subject: 'Partnership', body: 'We would like to discuss a partnership.' });
    expect(ack.text).not.toContain('While you wait');
  });

  it('says so, instead of staying silent, when attachments were too large to pass on', async () => {
    const deps = memoryDependencies(configWith({ acknowledgement: { maxAttachmentBytes: 1000 } }));
    const boundary = 'b1';
    const raw = [
      'From: Jane <jane@customer.example.org>',
      'To: support@example.com',
      'Subject: photos',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain',
      '',
      'See attached.',
      `--${boundary}`,
      'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Disposition: attachment; filename="big.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.alloc(3000, 7).toString('base64'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await ingestMail(receive(deps, raw), deps);
    expect(deps.mailer.sent[0]!.text).toContain('Your attachments (3 KB) were larger than we can pass on');
  });

  it('cannot be made to carry an injected header or markup through the subject or the sender name', async () => {
    const deps = memoryDependencies();
    const raw = [
      'From: "Jane\\r\\nBcc: victim@example.org" <jane@customer.example.org>',
      'To: support@example.com',
      'Subject: =?UTF-8?B?' + Buffer.from('Hi\r\nBcc: victim@example.org\r\n\r\n<script>alert(1)</script>').toString('base64') + '?=',
      'Message-ID: <inj@customer.example.org>',
      '',
      'body',
      '',
    ].join('\r\n');
    await ingestMail(receive(deps, raw), deps);
    const ack = deps.mailer.sent[0]!;
    const mime = (await composeMime(ack)).toString('utf8');
    const headerBlock = mime.slice(0, mime.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    const parsed = await parseMail(mime);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.to.map((to) => to.address)).toEqual(['jane@customer.example.org']);
    expect(parsed.subject).not.toContain('<script>');
    expect(parsed.text).not.toContain('<script>');
    expect(parsed.subject).not.toMatch(/[\r\n]/);
  });

  it('does not greet with a display name that is a URL or an offer', () => {
    expect(greetableName('Jane Doe')).toBe('Jane Doe');
    expect(greetableName('王小明')).toBe('王小明');
    expect(greetableName("O'Brien-Smith")).toBe("O'Brien-Smith");
    expect(greetableName('WIN $$$ at http://spam.example')).toBeUndefined();
    expect(greetableName('jane@customer.example.org')).toBeUndefined();
  });
});

describe('promised times as customers read them', () => {
  const at = new Date('2026-11-30T06:00:00Z');
  it('in English, Chinese and Japanese', () => {
    expect(formatDue(at, 'Asia/Shanghai', 'en')).toBe('14:00 on Monday 30 November (Beijing time)');
    expect(formatDue(at, 'Asia/Shanghai', 'zh')).toBe('11月30日星期一 14:00（北京时间）');
    expect(formatDue(at, 'Asia/Tokyo', 'ja')).toBe('11月30日(月) 15:00（日本時間）');
  });
  it('with the zone\'s own name elsewhere', () => {
    expect(formatDue(at, 'Europe/Warsaw', 'en')).toBe('07:00 on Monday 30 November (Central European Standard Time)');
  });
});
