import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lambdas/core/classify/language.js';

const lang = (text: string) => detectLanguage(text).language;

describe('detectLanguage', () => {
  it('reads Japanese from any kana, Chinese from Han without kana', () => {
    expect(lang('先日注文した商品がまだ届いていません。')).toBe('ja');
    expect(lang('我上周下的订单到现在还没收到，请帮我查一下。')).toBe('zh');
    expect(lang('請問我的訂單什麼時候出貨？')).toBe('zh'); // Traditional Chinese
    expect(detectLanguage('返品したいです').reason).toEqual({ code: 'language', detail: expect.stringMatching(/^ja, \d+ kana among \d+ CJK characters$/) });
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

  it('reads every built-in language, in a short and in a longer mail', () => {
    const mails: Record<string, string[]> = {
      en: ['Where is my order?', 'Hello, my package has not arrived yet and the tracking number does not work. Can you check?'],
      de: ['Wo bleibt meine Bestellung?', 'Guten Tag, ich habe vor zwei Wochen bestellt und das Paket ist immer noch nicht da. Können Sie bitte nachsehen? Viele Grüße'],
      fr: ["Je n'ai pas reçu ma commande", "Bonjour, j'ai été débité deux fois pour la même facture. Pouvez-vous vérifier et me rembourser ? Merci d'avance"],
      es: ['¿Dónde está mi pedido?', 'Hola, el producto llegó roto y quiero que me devuelvan el dinero. Ya les escribí la semana pasada y nadie me responde.'],
      pt: ['Meu pedido não chegou', 'Olá, comprei um fone na semana passada e até agora não recebi. Vocês podem verificar o rastreamento? Obrigado'],
      it: ['Il mio ordine non è arrivato', 'Buongiorno, ho ricevuto la fattura di ottobre ma l\'importo non è corretto. Potete controllare? Cordiali saluti'],
      nl: ['Mijn pakket is niet aangekomen', 'Hallo, ik kan sinds gisteren niet meer inloggen in de app. Kunt u mij helpen? Met vriendelijke groet'],
      ru: ['Где мой заказ?', 'Здравствуйте! Я оплатил подписку, но деньги списали дважды. Прошу вернуть лишний платёж. Спасибо'],
      ko: ['주문한 상품이 안 왔어요', '안녕하세요, 지난주에 주문한 상품이 아직 도착하지 않았습니다. 배송 조회 부탁드립니다.'],
      ja: ['返品したいです', 'お世話になっております。先日注文した商品がまだ届いておりません。ご確認いただけますでしょうか。'],
      zh: ['我的订单还没到', '你好，我上周下的订单到现在还没收到，物流信息也不更新，请帮我查一下。谢谢'],
    };
    for (const [language, texts] of Object.entries(mails)) {
      for (const text of texts) expect({ text, language: lang(text) }).toEqual({ text, language });
    }
  });

  it('tells Traditional from Simplified Chinese', () => {
    expect(detectLanguage('請問我的訂單什麼時候出貨？謝謝您')).toMatchObject({ language: 'zh', script: 'Hant' });
    expect(detectLanguage('唔該幫我查下張單幾時寄出，我已經等咗一個禮拜')).toMatchObject({ language: 'zh', script: 'Hant' });
    expect(detectLanguage('请问我的订单什么时候发货？')).toMatchObject({ language: 'zh', script: 'Hans' });
  });

  it('reads terse, noun-heavy Russian as Russian, not as another Cyrillic language', () => {
    for (const text of ['верните деньги куртка пришла порванная', 'сколько стоит большая коробка на 50 штук?', 'Уважаемая служба поддержки! Пишу, чтобы сообщить о проблеме с интеграцией.']) {
      expect({ text, language: lang(text) }).toEqual({ text, language: 'ru' });
    }
    expect(lang('Добар дан, моја поруџбина још није стигла.')).toBe('sr');
  });

  it('names other languages by their ISO 639-1 code too', () => {
    expect(lang('Hej, jag har inte fått min beställning än, kan ni kolla vad som har hänt med den?')).toBe('sv');
    expect(lang('Dzień dobry, moje zamówienie jeszcze nie dotarło, proszę o sprawdzenie statusu przesyłki.')).toBe('pl');
    expect(lang('Доброго дня, моє замовлення ще не прийшло, перевірте, будь ласка.')).toBe('uk');
    expect(lang('Γεια σας, η παραγγελία μου δεν έχει φτάσει ακόμα.')).toBe('el');
  });

  it('never flips short texts at random: English or undecided, never ja/zh', () => {
    for (const text of ['Thanks!', 'THANK YOU', 'Where is my order?', 'refund pls', 'hi', 'cancel order 12345']) {
      expect(['en', undefined]).toContain(lang(text));
    }
    expect(lang('Thanks!')).toBe('en');
    expect(lang('ok')).toBeUndefined();
    expect(lang('Merci beaucoup')).toBe('fr');
    expect(lang('Danke!')).toBe('de');
  });

  it('ignores addresses, links and reply prefixes', () => {
    expect(lang('Re: Fwd: 请看 https://example.com/orders/123 jane.doe@example.org')).toBe('zh');
    expect(lang('Re: AW: 배송 문의')).toBe('ko');
    expect(lang('Здравствуйте, где мой заказ?')).toBe('ru');
    expect(detectLanguage('12345 !!!').reason).toEqual({ code: 'language', detail: 'no letters to judge' });
  });
});
