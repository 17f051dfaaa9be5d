import { describe, expect, it } from 'vitest';
import { classify } from '../../lambdas/core/classify/classify.js';
import { assessTone } from '../../lambdas/core/classify/urgency.js';

const urgencyWords = (text: string, language = 'en') => assessTone('', text, language).urgency.map((signal) => signal.text);
const sentiment = (text: string, language = 'en') => assessTone('', text, language).sentiment;
const priorityOf = (subject: string, text: string) =>
  classify({ subject, text, recipient: 'support@example.com', sender: 'c@example.org', headers: new Map() }, { rules: [] }, { team: 'support', language: 'en' });

describe('urgency words', () => {
  it('finds them in English, Chinese and Japanese', () => {
    expect(urgencyWords('Please fix this ASAP, it is urgent.')).toEqual(['asap', 'urgent']);
    expect(urgencyWords('I need the invoice by tomorrow morning.')).toEqual(['by tomorrow']);
    expect(urgencyWords('紧急！请尽快处理，我马上要用。', 'zh')).toEqual(expect.arrayContaining(['紧急', '尽快', '马上']));
    expect(urgencyWords('至急ご対応ください。本日中にご返信をお願いします。', 'ja')).toEqual(['至急', '本日中']);
    expect(urgencyWords('早急に確認をお願いします', 'ja')).toEqual(['早急']);
  });

  it('reads an outage as critical rather than as a mere urgency word', () => {
    const tone = assessTone('', 'Our production system is down!', 'en');
    expect(tone.critical.map((signal) => signal.text)).toEqual(['production system is down']);
    expect(tone.urgency).toEqual([]);
  });

  it('ignores them when the customer says it is not urgent', () => {
    expect(urgencyWords('Not urgent, whenever you can.')).toEqual([]);
    expect(urgencyWords('No rush at all, this is not urgent.')).toEqual([]);
    expect(urgencyWords('This is not time-critical, no urgency.')).toEqual([]);
    expect(urgencyWords('不急，有空再回复就好。', 'zh')).toEqual([]);
    expect(urgencyWords('急ぎませんので、お手すきの際にご確認ください。', 'ja')).toEqual([]);
    expect(urgencyWords('急ぎではありませんが、よろしくお願いします。', 'ja')).toEqual([]);
  });

  it('does not take "today", "right now" or a polite closing as urgency', () => {
    expect(urgencyWords('I ordered it today.')).toEqual([]);
    expect(urgencyWords('I am out of the office until Monday, no rush.')).toEqual([]);
    expect(urgencyWords('What is the deadline for returns?')).toEqual([]);
    expect(urgencyWords('Our firewall is blocking port 443.')).toEqual([]);
    expect(urgencyWords('Right now we export the report by hand every week.')).toEqual([]);
    expect(urgencyWords('Please reply at your earliest convenience. Thank you for your prompt attention to this matter.')).toEqual([]);
    expect(assessTone('', 'Please reply at your earliest convenience.', 'en').calm).toEqual([]);
  });

  it('reads formal and time-bound urgency', () => {
    expect(urgencyWords('This is significantly impacting our operations.')).toContain('significantly impacting');
    expect(urgencyWords('The wedding is on Saturday, so I need it by Friday at the latest.')).toEqual(expect.arrayContaining(['wedding is on saturday', 'need it by friday', 'at the latest']));
  });
});

describe('sentiment', () => {
  it('reads shouting, exclamation runs, insults and anger as negative', () => {
    expect(sentiment('WHERE IS MY ORDER I HAVE BEEN WAITING FOR WEEKS')).toBe('negative');
    expect(sentiment('Where is my order!!!')).toBe('negative');
    expect(sentiment('This is ridiculous.')).toBe('negative');
    expect(sentiment('You are a bunch of incompetent idiots')).toBe('negative');
    expect(sentiment('你们的服务太差了，简直是垃圾', 'zh')).toBe('negative');
    expect(sentiment('対応が最悪です。ふざけるな。', 'ja')).toBe('negative');
  });

  it('does not call acronyms shouting, nor a customer feeling stupid an insult', () => {
    expect(sentiment('Please send the PDF invoice with VAT for order ID 12345 ASAP via UPS.')).toBe('neutral');
    expect(sentiment('She explained everything without making me feel stupid.')).toBe('neutral');
  });

  it('flags legal and public threats', () => {
    const legal = assessTone('', 'If this is not fixed I will contact my lawyer.', 'en');
    expect(legal.sentiment).toBe('negative');
    expect(legal.threats.map((t) => t.kind)).toEqual(['legal-threat']);
    expect(assessTone('', "I'll post a bad review on Trustpilot and tell everyone.", 'en').threats.map((t) => t.kind)).toEqual(['public-threat', 'public-threat', 'public-threat']);
    const chinese = assessTone('', '再不处理我就去12315投诉，还要在网上给差评', 'zh').threats;
    expect(chinese.map((t) => t.kind)).toEqual(['legal-threat', 'public-threat']);
    expect(chinese[0]!.text).toBe('12315');
    expect(chinese[1]!.text).toContain('差评');
    expect(assessTone('', '消費者センターに相談します', 'ja').threats.map((t) => t.kind)).toEqual(['legal-threat']);
    expect(assessTone('', 'I would like to leave a review for your great team', 'en').threats).toEqual([]);
  });

  it('does not take business words for threats', () => {
    expect(assessTone('', 'We need help with our social media marketing campaign.', 'en').threats).toEqual([]);
    expect(assessTone('', 'Hi, this is Sue from accounts; I am a journalist by training.', 'en').threats).toEqual([]);
    expect(assessTone('', 'Our legal team will review the data processing agreement.', 'en').threats).toEqual([]);
  });

  it('needs more than a closing "Thanks" to be positive', () => {
    expect(sentiment('Thanks!')).toBe('neutral');
    expect(sentiment('My parcel is late. Thanks')).toBe('neutral');
    expect(sentiment('Many thanks in advance for your help.')).toBe('neutral');
    expect(sentiment('Thank you so much, the support was excellent!')).toBe('positive');
    expect(sentiment('非常感谢，问题解决了，很满意', 'zh')).toBe('positive');
    expect(sentiment('丁寧にご対応いただき、大変助かりました。', 'ja')).toBe('positive');
    // 不满意 (dissatisfied) hides 满意 (satisfied).
    expect(assessTone('', '我对结果不满意', 'zh').positive).toEqual([]);
  });

  it('gives reasons naming the words', () => {
    expect(assessTone('', 'This is RIDICULOUS!!! Nobody answers.', 'en')).toMatchObject({
      sentiment: 'negative',
      reasons: [{ code: 'tone-negative', detail: '"ridiculous", "nobody answers", "!!!"' }],
    });
    expect(assessTone('Urgent', 'asap please', 'en').reasons).toEqual([{ code: 'urgency', detail: '"urgent", "asap"' }]);
  });
});

describe('English priority on whole mails', () => {
  it('urgent: an outage, a security incident, a legal threat', () => {
    const outage = priorityOf('Platform down', 'Since 8:00 our platform is down for all users; none of our staff can log in and we cannot process orders.');
    expect(outage.priority).toBe('urgent');
    const breach = priorityOf(
      'Possible data breach',
      'Dear Security Team,\n\nWe have detected a data breach: patient records were exported by an unknown IP address overnight. Please help us contain the incident.\n\nRegards',
    );
    expect(breach.priority).toBe('urgent');
    expect(breach.reasons.some(({ code, detail }) => code === 'critical' && detail.startsWith('"data breach"'))).toBe(true);
    expect(priorityOf('Account taken over', 'Someone logged into my account and changed my email address without my permission.').priority).toBe('urgent');
    const lawyer = priorityOf('Refund', 'I have asked three times for my refund of £300. If it is not paid by Friday I will hand this over to my lawyer.');
    expect(lawyer.priority).toBe('urgent');
  });

  it('high: urgent wording, an event tomorrow, an angry customer', () => {
    expect(priorityOf('Locked out', 'I am locked out of my account and need to submit a report by end of day. Please help ASAP.').priority).toBe('high');
    expect(priorityOf('Order 44120', 'The dress is for a wedding tomorrow and the tracking has not moved for three days.').priority).toBe('high');
    expect(priorityOf('Still nothing', 'This is the third time I am writing and nobody has replied. Absolutely unacceptable.').priority).toBe('high');
    expect(priorityOf('Sync', 'The CRM sync has been failing since Monday, which is severely disrupting our sales team.').priority).toBe('high');
  });

  it('low: a feature idea, praise, a curious question, "no rush"', () => {
    expect(priorityOf('Idea', 'It would be nice if the calendar could show public holidays. Just an idea!').priority).toBe('low');
    expect(priorityOf('Thank you', 'I just wanted to say thank you, your support team was brilliant.').priority).toBe('low');
    expect(priorityOf('API limits', 'Out of curiosity, is there a way to raise the API rate limit on the standard plan?').priority).toBe('low');
    expect(priorityOf('Receipts', 'Could you send me the receipts for last year? No rush at all.').priority).toBe('low');
  });

  it('normal: a plain problem, even when it says "it would be great if you could look into it"', () => {
    expect(priorityOf('Export', 'The export to Excel fails with an error. It would be great if you could look into it.').priority).toBe('normal');
    expect(priorityOf('Invoice', 'Our invoice shows 12 seats instead of 10. Could you correct it?').priority).toBe('normal');
  });
});
