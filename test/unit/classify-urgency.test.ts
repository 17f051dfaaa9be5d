import { describe, expect, it } from 'vitest';
import { assessTone, detectSentiment, detectUrgency } from '../../lambdas/core/classify/urgency.js';

const urgencyWords = (text: string) => detectUrgency('', text).map((signal) => signal.text);
const sentiment = (text: string) => assessTone('', text).sentiment;

describe('urgency words', () => {
  it('finds them in English, Chinese and Japanese', () => {
    expect(urgencyWords('Please fix this ASAP, it is urgent.')).toEqual(['asap', 'urgent']);
    expect(urgencyWords('I need the invoice by tomorrow morning.')).toEqual(['by tomorrow']);
    expect(urgencyWords('Our production system is down!')).toEqual(['production system is down']);
    expect(urgencyWords('紧急！请尽快处理，我马上要用。')).toEqual(['紧急', '尽快', '马上']);
    expect(urgencyWords('至急ご対応ください。本日中にご返信をお願いします。')).toEqual(['至急', '本日中']);
    expect(urgencyWords('早急に確認をお願いします')).toEqual(['早急']);
  });

  it('ignores them when the customer says it is not urgent', () => {
    expect(urgencyWords('Not urgent, whenever you can.')).toEqual([]);
    expect(urgencyWords('No rush at all, this is not urgent.')).toEqual([]);
    expect(urgencyWords('不急，有空再回复就好。')).toEqual([]);
    expect(urgencyWords('急ぎませんので、お手すきの際にご確認ください。')).toEqual([]);
    expect(urgencyWords('急ぎではありませんが、よろしくお願いします。')).toEqual([]);
  });

  it('does not take "today" on its own as urgency', () => {
    expect(urgencyWords('I ordered it today.')).toEqual([]);
  });
});

describe('sentiment', () => {
  it('reads shouting, exclamation runs, insults and anger as negative', () => {
    expect(sentiment('WHERE IS MY ORDER I HAVE BEEN WAITING FOR WEEKS')).toBe('negative');
    expect(sentiment('Where is my order!!!')).toBe('negative');
    expect(sentiment('This is ridiculous.')).toBe('negative');
    expect(sentiment('You are a bunch of incompetent idiots')).toBe('negative');
    expect(sentiment('你们的服务太差了，简直是垃圾')).toBe('negative');
    expect(sentiment('対応が最悪です。ふざけるな。')).toBe('negative');
  });

  it('does not call acronyms shouting', () => {
    expect(sentiment('Please send the PDF invoice with VAT for order ID 12345 ASAP via UPS.')).toBe('neutral');
  });

  it('flags legal and public threats', () => {
    const legal = assessTone('', 'If this is not fixed I will contact my lawyer.');
    expect(legal.sentiment).toBe('negative');
    expect(legal.threats.map((t) => t.kind)).toEqual(['legal-threat']);
    expect(assessTone('', "I'll post a bad review on Trustpilot and tell everyone.").threats.map((t) => t.kind)).toEqual(['public-threat', 'public-threat', 'public-threat']);
    expect(assessTone('', '再不处理我就去12315投诉，还要在网上给差评').threats.map((t) => t.text)).toEqual(['12315', '差评']);
    expect(assessTone('', '消費者センターに相談します').threats.map((t) => t.kind)).toEqual(['legal-threat']);
    expect(assessTone('', 'I would like to leave a review for your great team').threats).toEqual([]);
  });

  it('needs more than a closing "Thanks" to be positive', () => {
    expect(sentiment('Thanks!')).toBe('neutral');
    expect(sentiment('My parcel is late. Thanks')).toBe('neutral');
    expect(sentiment('Thank you so much, the support was excellent!')).toBe('positive');
    expect(sentiment('非常感谢，问题解决了，很满意')).toBe('positive');
    expect(sentiment('丁寧にご対応いただき、大変助かりました。')).toBe('positive');
    expect(sentiment('我对结果不满意')).toBe('negative'); // 不满意 (dissatisfied) hides 满意 (satisfied)
  });

  it('gives reasons naming the words', () => {
    expect(detectSentiment('', 'This is RIDICULOUS!!! Nobody answers.')).toEqual({
      sentiment: 'negative',
      reasons: ['tone negative: "ridiculous", "nobody answers", "!!!"'],
    });
    expect(assessTone('Urgent', 'asap please').reasons).toEqual(['urgency: "urgent", "asap"']);
  });
});
