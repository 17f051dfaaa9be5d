import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lambdas/core/classify/language.js';

const lang = (text: string) => detectLanguage(text).language;

describe('detectLanguage', () => {
  it('reads Japanese from any kana, Chinese from Han without kana', () => {
    expect(lang('先日注文した商品がまだ届いていません。')).toBe('ja');
    expect(lang('我上周下的订单到现在还没收到，请帮我查一下。')).toBe('zh');
    expect(lang('請問我的訂單什麼時候出貨？')).toBe('zh'); // Traditional Chinese
    expect(detectLanguage('返品したいです').reason).toMatch(/^language ja: \d+ kana among \d+ CJK characters$/);
  });

  it('decides Han-only subjects by characters and words only one of the two languages uses', () => {
    expect(lang('返金依頼')).toBe('ja');
    expect(lang('Re: 返金')).toBe('ja');
    expect(lang('申请退款')).toBe('zh');
    expect(lang('发票')).toBe('zh');
  });

  it('lets CJK text win over product names and greetings in Latin letters, not the other way round', () => {
    expect(lang('Hi, 我的 iPhone 15 Pro 订单还没有发货，请尽快处理')).toBe('zh');
    expect(lang('こんにちは、Premium プランの請求書について質問があります')).toBe('ja');
    expect(lang('I bought the 小米 phone last week and the screen broke after two days, can you help me?')).toBe('en');
  });

  it('reads English with franc and common words; other Latin languages are undecided', () => {
    expect(lang('Hello, my package has not arrived yet and the tracking number does not work. Can you check?')).toBe('en');
    expect(detectLanguage('Hola, quiero un reembolso porque el producto llegó roto y nadie me responde.')).toMatchObject({ language: undefined, foreign: 'spa' });
    expect(lang('Guten Tag, ich möchte meine Bestellung stornieren und mein Geld zurück.')).toBeUndefined();
  });

  it('never flips short texts at random: English or undecided, never ja/zh', () => {
    for (const text of ['Thanks!', 'THANK YOU', 'Where is my order?', 'refund pls', 'hi', 'cancel order 12345']) {
      expect(['en', undefined]).toContain(lang(text));
    }
    expect(lang('Thanks!')).toBe('en');
    expect(lang('ok')).toBeUndefined();
    expect(lang('Merci beaucoup')).toBeUndefined();
  });

  it('ignores addresses, links and reply prefixes, and gives up on other scripts', () => {
    expect(lang('Re: Fwd: 请看 https://example.com/orders/123 jane.doe@example.org')).toBe('zh');
    expect(detectLanguage('안녕하세요, 주문한 상품이 아직 도착하지 않았습니다.')).toMatchObject({ language: undefined, foreign: 'kor' });
    expect(detectLanguage('Здравствуйте, где мой заказ?').language).toBeUndefined();
    expect(detectLanguage('12345 !!!').reason).toBe('language: no letters to judge');
  });
});
