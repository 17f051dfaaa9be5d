import { describe, expect, it } from 'vitest';
import { REPLYLINE_BLOCK_END, REPLYLINE_BLOCK_START, stripQuotedAndSignature, stripReplylineBlock } from '../../lambdas/core/classify/quotes.js';

function strip(text: string) {
  return stripQuotedAndSignature(text);
}

describe('stripQuotedAndSignature: English clients', () => {
  it('cuts a Gmail "On … wrote:" attribution, also when wrapped over two lines', () => {
    const one = strip('Still no refund.\n\nOn Tue, Nov 24, 2026 at 10:00 AM Example Support <support@example.com> wrote:\n> Your ticket was received.');
    expect(one).toEqual({ newText: 'Still no refund.', removed: ['quoted-reply'] });
    const wrapped = strip('Still no refund.\n\nOn Tue, Nov 24, 2026 at 10:00 AM Example Support <\nsupport@example.com> wrote:\n\n> Your ticket was received.');
    expect(wrapped.newText).toBe('Still no refund.');
  });

  it('cuts Apple Mail and Thunderbird attributions and "Name <addr> wrote:"', () => {
    expect(strip('Any news?\n\nOn Nov 24, 2026, at 10:00, Jane Doe <jane@example.org> wrote:\n\n> old text').newText).toBe('Any news?');
    expect(strip('Any news?\n\nOn 24/11/2026 10:00, Support wrote:\n> old text').newText).toBe('Any news?');
    expect(strip('Any news?\nJane Doe <jane@example.org> wrote:\n> old text').newText).toBe('Any news?');
  });

  it('cuts "-----Original Message-----" and Outlook From/Sent/To/Subject blocks (with the underscore rule)', () => {
    expect(strip('See below.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nSubject: invoice').newText).toBe('See below.');
    const outlook = strip(
      'Please cancel it.\n\n________________________________\nFrom: Example Support <support@example.com>\nSent: Tuesday, November 24, 2026 10:00 AM\nTo: Jane <jane@example.org>\nSubject: RE: [#RL-7K3F9Q] Billing question\n\nDear Jane, about your invoice…',
    );
    expect(outlook).toEqual({ newText: 'Please cancel it.', removed: ['quoted-reply'] });
    const bold = strip('Thanks.\n\n*From:* Support <support@example.com>\n*Date:* Tuesday\n*To:* me\n*Subject:* invoice');
    expect(bold.newText).toBe('Thanks.');
  });

  it('keeps a customer text that merely mentions "From:"', () => {
    const text = 'From: the shop in Berlin\nI bought two lamps. One is broken.';
    expect(strip(text)).toEqual({ newText: text, removed: [] });
  });

  it('drops > quoted lines but keeps the customer\'s interleaved answers', () => {
    const result = strip('> Which order is it?\nOrder 12345.\n> And the colour?\nBlue.');
    expect(result).toEqual({ newText: 'Order 12345.\nBlue.', removed: ['quoted-reply'] });
  });

  it('cuts at the "-- " signature delimiter and at device footers', () => {
    expect(strip('My parcel is late.\n-- \nJohn Smith\nSales Manager, ACME')).toEqual({ newText: 'My parcel is late.', removed: ['signature'] });
    expect(strip('My parcel is late.\n\nSent from my iPhone\n\nOn Mon, Support wrote:\n> hi')).toEqual({ newText: 'My parcel is late.', removed: ['quoted-reply', 'device-footer'] });
    expect(strip('My parcel is late.\n\nGet Outlook for Android').newText).toBe('My parcel is late.');
  });

  it('cuts a sign-off followed by a short signature block, not one followed by more questions', () => {
    const signed = strip('The invoice total is wrong.\n\nBest regards,\nJohn Smith\nSales Manager | ACME Ltd\n+1 555 0100');
    expect(signed).toEqual({ newText: 'The invoice total is wrong.', removed: ['signature'] });
    const more = 'My order did not arrive.\nThanks!\nAlso, can you check my invoice?\nJohn';
    expect(strip(more).newText).toBe(more);
    expect(strip('Thanks!').newText).toBe('Thanks!');
    const after = 'My order did not arrive.\nThanks\nAlso the invoice is missing.';
    expect(strip(after).newText).toBe(after);
    const zh = '快递没到。\n谢谢\n另外发票也没收到';
    expect(strip(zh).newText).toBe(zh);
  });

  it('marks a forwarded message', () => {
    expect(strip('FYI, see the confirmation.\n\n---------- Forwarded message ---------\nFrom: Shop\nDate: Mon\nSubject: Order').removed).toEqual(['forwarded-message']);
  });
});

describe('stripQuotedAndSignature: Chinese clients', () => {
  it('cuts "在 … 写道："', () => {
    expect(strip('还是没有收到退款。\n\n在 2026年11月24日 10:00，Example 客服 <support@example.com> 写道：\n> 您好').newText).toBe('还是没有收到退款。');
    expect(strip('还是没有收到。\n\n2026-11-24 10:00:00，"客服" <support@example.com> 写道：\n> 您好').newText).toBe('还是没有收到。');
  });

  it('cuts QQ / Foxmail "原始邮件" separators and Outlook 发件人/发送时间 blocks', () => {
    expect(strip('请尽快处理。\n\n------------------ 原始邮件 ------------------\n发件人: "客服"<support@example.com>;\n发送时间: 2026年11月24日(星期二) 上午10:00\n收件人: "我"\n主题: 发票').newText).toBe('请尽快处理。');
    expect(strip('请尽快处理。\n\n发件人: 客服 <support@example.com>\n发送时间: 2026年11月24日 10:00\n收件人: 张伟\n主题: 回复: 发票').newText).toBe('请尽快处理。');
    expect(strip('请尽快处理。\n-----原始邮件-----\n发件人: 客服').newText).toBe('请尽快处理。');
  });

  it('cuts "发自我的iPhone" and a 谢谢 sign-off with the name under it', () => {
    expect(strip('快递到哪里了？\n\n发自我的iPhone').newText).toBe('快递到哪里了？');
    expect(strip('快递到哪里了？\n\n谢谢！\n张伟\n138-0000-0000')).toEqual({ newText: '快递到哪里了？', removed: ['signature'] });
  });
});

describe('stripQuotedAndSignature: Japanese clients', () => {
  it('cuts the Gmail date attribution and 「…」のメッセージ', () => {
    expect(strip('まだ届いていません。\n\n2026年11月24日(火) 10:00 Example サポート <support@example.com>:\n> お問い合わせありがとうございます').newText).toBe('まだ届いていません。');
    expect(strip('まだ届いていません。\n\n「Example サポート」のメッセージ:\n> お問い合わせありがとうございます').newText).toBe('まだ届いていません。');
    expect(strip('まだ届いていません。\n\n2026/11/24 10:00、サポート <support@example.com> のメール:\n> 本文').newText).toBe('まだ届いていません。');
  });

  it('cuts Outlook 差出人/送信日時/件名 blocks and -----Original Message-----', () => {
    expect(strip('確認お願いします。\n\n差出人: Example サポート <support@example.com>\n送信日時: 2026年11月24日 10:00\n宛先: 山田\n件名: RE: 請求書').newText).toBe('確認お願いします。');
    expect(strip('確認お願いします。\n\n送信元: サポート <support@example.com>\n日付: 2026年11月24日 10:00\n宛先: 山田\n件名: 請求書').newText).toBe('確認お願いします。');
    expect(strip('確認お願いします。\n-----Original Message-----\n差出人: サポート').newText).toBe('確認お願いします。');
  });

  it('cuts "よろしくお願いいたします。" with the signature block and "iPhoneから送信"', () => {
    const result = strip('返金の状況を教えてください。\n\nよろしくお願いいたします。\n━━━━━━━━━━\n山田 太郎\n株式会社サンプル\n━━━━━━━━━━');
    expect(result).toEqual({ newText: '返金の状況を教えてください。', removed: ['signature'] });
    expect(strip('返金の状況を教えてください。\n\niPhoneから送信').newText).toBe('返金の状況を教えてください。');
  });
});

describe('the Replyline forwarded header block', () => {
  const block = [REPLYLINE_BLOCK_START, 'Ref: RL-7K3F9Q', 'Category: refund · Priority: high', 'Reply due: 14:00', REPLYLINE_BLOCK_END].join('\n');

  it('is removed on its own, also when quoted', () => {
    expect(stripReplylineBlock(`${block}\nHello`)).toEqual({ text: 'Hello', found: true });
    expect(stripReplylineBlock(`We sent it.\n${block.split('\n').map((line) => `> ${line}`).join('\n')}`)).toEqual({ text: 'We sent it.', found: true });
    expect(stripReplylineBlock('no block here')).toEqual({ text: 'no block here', found: false });
  });

  it('is removed by stripQuotedAndSignature and reported', () => {
    const agentReply = `Hi Jane, your refund was sent today.\n\n${block}\n\nOn Mon, Jane <jane@example.org> wrote:\n> Where is my refund?`;
    expect(strip(agentReply)).toEqual({ newText: 'Hi Jane, your refund was sent today.', removed: ['forwarded-header-block', 'quoted-reply'] });
  });
});

/** The customer's text, then a quoted earlier mail under `header` (its lines quoted with `>`). */
function reply(text: string, header: string): string {
  return `${text}\n\n${header}\n> Ihre Bestellung wurde versandt.\n> Your order has been shipped.`;
}

describe('stripQuotedAndSignature: German clients', () => {
  const text = 'Das Paket ist immer noch nicht angekommen.';

  it('cuts Gmail, Apple Mail and Thunderbird attributions, also wrapped', () => {
    expect(strip(reply(text, 'Am Di., 24. Nov. 2026 um 10:00 Uhr schrieb Jane <jane@x.org>:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'Am Di., 24. Nov. 2026 um 10:00 Uhr schrieb Example Support <\nsupport@example.com>:')).newText).toBe(text);
    expect(strip(reply(text, 'Am 24.11.2026 um 10:00 schrieb Example Support:')).newText).toBe(text);
    expect(strip(reply(text, 'Jane Doe <jane@x.org> schrieb am Di., 24. Nov. 2026, 10:00:')).newText).toBe(text);
  });

  it('cuts Outlook Von/Gesendet/An/Betreff blocks, GMX blocks that start with Gesendet, and Ursprüngliche Nachricht', () => {
    const outlook = `${text}\n\n________________________________\nVon: Example Support <support@example.com>\nGesendet: Dienstag, 24. November 2026 10:00\nAn: Jane <jane@x.org>\nBetreff: AW: Bestellung\n\nSehr geehrte Frau Doe,`;
    expect(strip(outlook)).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(`${text}\n\nGesendet: Dienstag, 24. November 2026 um 10:00 Uhr\nVon: "Support" <support@example.com>\nAn: jane@x.org\nBetreff: Bestellung`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Ursprüngliche Nachricht-----\nVon: Support`).newText).toBe(text);
    expect(strip(`${text}\n\n---------- Weitergeleitete Nachricht ---------\nVon: Shop`).removed).toEqual(['forwarded-message']);
    expect(strip(`${text}\n\nAnfang der weitergeleiteten Nachricht:\n\nVon: Shop`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nVon meinem iPhone gesendet`)).toEqual({ newText: text, removed: ['device-footer'] });
    expect(strip(`${text}\n\nGesendet von meinem Samsung Galaxy Smartphone.`).newText).toBe(text);
    expect(strip(`${text}\n\nOutlook für Android herunterladen<https://aka.ms/ghei36>`).newText).toBe(text);
  });

  it('cuts a sign-off with the signature block, also with the name on the sign-off line', () => {
    const signed = `${text}\n\nMit freundlichen Grüßen\nMax Mustermann\nLeiter Einkauf | Musterfirma GmbH\nTel. +49 30 1234567`;
    expect(strip(signed)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nViele Grüße\nMax`).newText).toBe(text);
    expect(strip(`${text}\n\nLG Max`).newText).toBe(text);
    expect(strip(`${text}\n\nBeste Grüße aus Hamburg\nAnna`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const hours = 'Von Montag bis Freitag bin ich erreichbar.\nAm Montag schrieb ich Ihnen:\nBitte um Rückruf.';
    expect(strip(hours)).toEqual({ newText: hours, removed: [] });
    const thanks = 'Danke für die schnelle Lieferung, aber der Deckel fehlt.\nKönnen Sie ihn nachsenden?\nMax';
    expect(strip(thanks).newText).toBe(thanks);
    const after = `${text}\nDanke!\nIch warte noch auf die Rechnung`;
    expect(strip(after).newText).toBe(after);
  });
});

describe('stripQuotedAndSignature: French clients', () => {
  const text = "Je n'ai toujours pas reçu mon remboursement.";

  it('cuts Gmail and Apple Mail attributions (with the no-break space before the colon)', () => {
    expect(strip(reply(text, 'Le mar. 24 nov. 2026 à 10:00, Jane <jane@x.org> a écrit\u00a0:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'Le 24 nov. 2026 à 10:00, Example Support <support@example.com> a\nécrit :')).newText).toBe(text);
  });

  it("cuts Outlook De/Envoyé/À/Objet blocks and Message d'origine", () => {
    expect(strip(`${text}\n\nDe : Example Support <support@example.com>\nEnvoyé : mardi 24 novembre 2026 10:00\nÀ : Jane\nObjet : RE: Remboursement`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Message d'origine-----\nDe : Support`).newText).toBe(text);
    expect(strip(`${text}\n\n-------- Message transféré --------\nDe : Shop`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nEnvoyé de mon iPhone`).newText).toBe(text);
    expect(strip(`${text}\n\nEnvoyé depuis mon appareil Galaxy`).newText).toBe(text);
    expect(strip(`${text}\n\nTélécharger Outlook pour Android<https://aka.ms/ghei36>`).newText).toBe(text);
  });

  it('cuts Cordialement, Bien à vous and Bonne journée with the signature', () => {
    expect(strip(`${text}\n\nCordialement,\nMarie Dupont\nResponsable achats\n01 23 45 67 89`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nBien à vous,\nMarie`).newText).toBe(text);
    expect(strip(`${text}\n\nBonne journée\nMarie Dupont`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const keep = "Le service client a écrit :\nMerci pour votre patience, mais rien n'a changé.\nDe plus, je n'ai pas de facture.";
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Spanish clients', () => {
  const text = 'Mi pedido todavía no ha llegado.';

  it('cuts Gmail and Apple Mail attributions', () => {
    expect(strip(reply(text, 'El mar, 24 nov 2026 a las 10:00, Jane (<jane@x.org>) escribió:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'El 24 nov 2026, a las 10:00, Example Support <support@example.com>\nescribió:')).newText).toBe(text);
  });

  it('cuts Outlook De/Enviado el/Para/Asunto blocks and Mensaje original', () => {
    expect(strip(`${text}\n\nDe: Example Support <support@example.com>\nEnviado el: martes, 24 de noviembre de 2026 10:00\nPara: Jane\nAsunto: RE: Pedido`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Mensaje original-----\nDe: Support`).newText).toBe(text);
    expect(strip(`${text}\n\nInicio del mensaje reenviado:\n\nDe: Tienda`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nEnviado desde mi iPhone`).newText).toBe(text);
    expect(strip(`${text}\n\nEnviado desde mi smartphone Samsung Galaxy.`).newText).toBe(text);
  });

  it('cuts Saludos, Un saludo and Atentamente with the signature', () => {
    expect(strip(`${text}\n\nUn saludo,\nJuan García\nDepartamento de Compras`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nSaludos cordiales\nJuan`).newText).toBe(text);
    expect(strip(`${text}\n\nAtentamente,\nJuan García López`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const keep = 'El técnico escribió:\nGracias por esperar, pero no funciona.\nPara: mañana necesito una respuesta';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Portuguese clients', () => {
  const text = 'Ainda não recebi o meu reembolso.';

  it('cuts Gmail attributions, also wrapped', () => {
    expect(strip(reply(text, 'Em ter., 24 de nov. de 2026 às 10:00, Jane <jane@x.org> escreveu:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'Em 10 de julho de 2026 às 16:32:35, John Doe - Stripe (\ncontact@stripe.com) escreveu:')).newText).toBe(text);
  });

  it('cuts Outlook De/Enviada em/Para/Assunto blocks and Mensagem original', () => {
    expect(strip(`${text}\n\nDe: Example Support <support@example.com>\nEnviada em: terça-feira, 24 de novembro de 2026 10:00\nPara: Jane\nAssunto: RE: Reembolso`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Mensagem original-----\nDe: Suporte`).newText).toBe(text);
    expect(strip(`${text}\n\nInício da mensagem encaminhada:\n\nDe: Loja`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nEnviado do meu iPhone`).newText).toBe(text);
  });

  it('cuts Atenciosamente, Abraços and Obrigado with the signature', () => {
    expect(strip(`${text}\n\nAtenciosamente,\nJoão Silva\nGerente de Compras`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nAbraços,\nJoão`).newText).toBe(text);
    expect(strip(`${text}\n\nObrigado!\nJoão Silva`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const keep = 'Obrigado pela resposta, mas o problema continua.\nEm anexo envio a fatura.\nPara: o setor financeiro';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Italian clients', () => {
  const text = 'Il pacco non è ancora arrivato.';

  it('cuts Gmail and Libero attributions', () => {
    expect(strip(reply(text, 'Il giorno mar 24 nov 2026 alle ore 10:00 Jane <jane@x.org> ha scritto:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'In data 24 novembre 2026 10:00:31 "Example Support" <support@example.com> ha scritto:')).newText).toBe(text);
  });

  it('cuts Outlook Da/Inviato/A/Oggetto blocks and Messaggio originale', () => {
    expect(strip(`${text}\n\nDa: Example Support <support@example.com>\nInviato: martedì 24 novembre 2026 10:00\nA: Jane\nOggetto: R: Ordine`).newText).toBe(text);
    expect(strip(`${text}\n\n-------- Messaggio originale --------\nDa: Supporto`).newText).toBe(text);
    expect(strip(`${text}\n\n---------- Messaggio inoltrato ---------\nDa: Negozio`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nInviato da iPhone`).newText).toBe(text);
    expect(strip(`${text}\n\nInviato dal mio smartphone Samsung Galaxy.`).newText).toBe(text);
  });

  it('cuts Cordiali saluti, Distinti saluti and Grazie with the signature', () => {
    expect(strip(`${text}\n\nCordiali saluti,\nMario Rossi\nUfficio Acquisti`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nDistinti saluti\nMario Rossi`).newText).toBe(text);
    expect(strip(`${text}\n\nGrazie,\nMario`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const keep = 'Il tecnico ha scritto:\nGrazie per la pazienza, ma non funziona ancora.\nDa: lunedì aspetto una risposta';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Dutch clients', () => {
  const text = 'Mijn bestelling is nog steeds niet aangekomen.';

  it('cuts Gmail and Apple Mail attributions', () => {
    expect(strip(reply(text, 'Op di 24 nov. 2026 om 10:00 schreef Jane <jane@x.org>:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, 'Op 24 nov. 2026, om 10:00 heeft Example Support <support@example.com> het volgende geschreven:')).newText).toBe(text);
  });

  it('cuts Outlook Van/Verzonden/Aan/Onderwerp blocks and Oorspronkelijk bericht', () => {
    expect(strip(`${text}\n\nVan: Example Support <support@example.com>\nVerzonden: dinsdag 24 november 2026 10:00\nAan: Jane\nOnderwerp: RE: Bestelling`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Oorspronkelijk bericht-----\nVan: Support`).newText).toBe(text);
    expect(strip(`${text}\n\nBegin doorgestuurd bericht:\n\nVan: Winkel`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nVerstuurd vanaf mijn iPhone`).newText).toBe(text);
    expect(strip(`${text}\n\nVerzonden met mijn Galaxy`).newText).toBe(text);
  });

  it('cuts Met vriendelijke groet, Groetjes and Mvg with the signature', () => {
    expect(strip(`${text}\n\nMet vriendelijke groet,\nJan de Vries\nInkoop | Voorbeeld BV`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nGroetjes,\nJan`).newText).toBe(text);
    expect(strip(`${text}\n\nMvg\nJan de Vries`).newText).toBe(text);
  });

  it('keeps sentences that start like a header or a sign-off', () => {
    const keep = 'Van maandag tot vrijdag ben ik thuis.\nBedankt voor de snelle reactie, maar het werkt niet.\nAan de deur werd niet aangebeld';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Russian clients', () => {
  const text = 'Заказ так и не пришёл.';

  it('cuts Gmail, Yandex, Mail.ru, Apple Mail and Thunderbird attributions', () => {
    expect(strip(reply(text, 'вт, 24 нояб. 2026 г. в 10:00, Jane <jane@x.org>:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, '24.11.2026, 10:00, "Jane" <jane@yandex.ru>:')).newText).toBe(text);
    expect(strip(reply(text, 'Вторник, 24 ноября 2026, 10:00 +03:00 от Jane <jane@mail.ru>:')).newText).toBe(text);
    expect(strip(reply(text, 'Четверг, 9 апреля 2026, 17:30 +03:00 от SIDERUS :')).newText).toBe(text);
    expect(strip(reply(text, '24 нояб. 2026 г., в 10:00, Иван <ivan@x.ru> написал(а):')).newText).toBe(text);
    expect(strip(reply(text, '24.11.2026 10:00, Иван Петров пишет:')).newText).toBe(text);
    expect(strip(reply(text, 'Иван Петров пишет:')).newText).toBe(text);
  });

  it('cuts Outlook От/Отправлено/Кому/Тема blocks and forwarded messages', () => {
    expect(strip(`${text}\n\nОт: Example Support <support@example.com>\nОтправлено: 24 ноября 2026 г. 10:00\nКому: Jane\nТема: RE: Заказ`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Исходное сообщение-----\nОт: Поддержка`).newText).toBe(text);
    expect(strip(`${text}\n\n-------- Пересылаемое сообщение --------\n24.11.2026, 10:00, "Магазин" <shop@x.ru>:`).removed).toEqual(['forwarded-message']);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\nОтправлено с iPhone`).newText).toBe(text);
    expect(strip(`${text}\n\nОтправлено из мобильной Почты Mail.ru`).newText).toBe(text);
  });

  it('cuts С уважением and Спасибо with the signature', () => {
    const signed = `${text}\n\nС уважением,\nИван Петров\nМенеджер отдела закупок\nООО «Ромашка»\n+7 (495) 123-45-67`;
    expect(strip(signed)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\nСпасибо!\nИван`).newText).toBe(text);
  });

  it('keeps a sentence after a sign-off, and sentences that start like a header', () => {
    const after = `${text}\nСпасибо\nТакже прошу проверить счёт`;
    expect(strip(after).newText).toBe(after);
    const keep = 'От вас так и нет ответа.\nКому мне писать?\nТема старая, но проблема осталась';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Korean clients', () => {
  const text = '주문한 상품이 아직 도착하지 않았습니다.';

  it('cuts Gmail, Apple Mail and Thunderbird attributions', () => {
    expect(strip(reply(text, '2026년 11월 24일 (화) 오전 10:00, 홍길동 <hong@example.kr>님이 작성:'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, '2026. 11. 24. 오전 10:00, Example Support <support@example.com> 작성:')).newText).toBe(text);
    expect(strip(reply(text, '2026. 11. 24. 오전 10:00에 Example Support 이(가) 쓴 글:')).newText).toBe(text);
  });

  it('cuts Outlook 보낸 사람/보낸 날짜/받는 사람/제목 blocks and the Daum and Naver separators', () => {
    expect(strip(`${text}\n\n보낸 사람: Example Support <support@example.com>\n보낸 날짜: 2026년 11월 24일 화요일 오전 10:00\n받는 사람: 홍길동\n제목: RE: 주문`).newText).toBe(text);
    expect(strip(`${text}\n\n--------- 원본 메일 ---------\n보낸사람: 고객센터\n받는사람: 홍길동\n날짜: 2026-11-24 10:00\n제목: 주문`).newText).toBe(text);
    expect(strip(`${text}\n\n-----Original Message-----\nFrom: "고객센터"<support@example.com>\nTo: 홍길동\nSent: 2026-11-24 (화) 10:00:00\nSubject: 주문`).newText).toBe(text);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\niPhone에서 보냄`).newText).toBe(text);
    expect(strip(`${text}\n\nSamsung Galaxy 스마트폰에서 보냄`).newText).toBe(text);
  });

  it('cuts 감사합니다 and "… 드림" with the signature', () => {
    expect(strip(`${text}\n\n감사합니다.\n홍길동 대리\n(주)예시상사 구매팀\n010-1234-5678`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\n홍길동 드림`).newText).toBe(text);
    expect(strip(`${text}\n\n수고하세요\n홍길동`).newText).toBe(text);
  });

  it('keeps a sentence after a sign-off, and sentences that start like a header', () => {
    const after = `${text}\n감사합니다\n그리고 환불도 요청드립니다`;
    expect(strip(after).newText).toBe(after);
    const keep = '제목: 배송 문의\n보낸 날짜를 확인해 주세요.\n받는 사람 이름이 틀렸습니다';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: Traditional Chinese clients', () => {
  const text = '我的訂單還沒有收到。';

  it('cuts Gmail and Apple Mail attributions', () => {
    expect(strip(reply(text, '於 2026年11月24日 週二 上午10:00，王小明 <wang@example.tw> 寫道：'))).toEqual({ newText: text, removed: ['quoted-reply'] });
    expect(strip(reply(text, '王小明 <wang@example.tw> 於 2026年11月24日 上午10:00 寫道：')).newText).toBe(text);
  });

  it('cuts Outlook 寄件者/寄件日期/收件者/主旨 blocks', () => {
    expect(strip(`${text}\n\n________________________________\n寄件者: Example 客服 <support@example.com>\n寄件日期: 2026年11月24日 上午 10:00\n收件者: 王小明\n主旨: RE: 訂單`).newText).toBe(text);
    expect(strip(`${text}\n\n從: 客服 [support@example.com]\n寄件日期: 2026年11月24日 上午 10:00\n至: 王小明\n主旨: 訂單`).newText).toBe(text);
  });

  it('cuts device footers', () => {
    expect(strip(`${text}\n\n從我的 iPhone 傳送`).newText).toBe(text);
  });

  it('cuts 敬上 and 順頌商祺 with the signature', () => {
    expect(strip(`${text}\n\n順頌商祺\n王小明\n範例貿易有限公司`)).toEqual({ newText: text, removed: ['signature'] });
    expect(strip(`${text}\n\n王小明 敬上`).newText).toBe(text);
  });

  it('keeps sentences that start like a header', () => {
    const keep = '主旨不重要。\n寄件日期是上週，請幫我查一下。';
    expect(strip(keep)).toEqual({ newText: keep, removed: [] });
  });
});

describe('stripQuotedAndSignature: more Chinese, Japanese and English', () => {
  it('cuts QQ / 163 footers and a Simplified Chinese Outlook block with 抄送', () => {
    expect(strip('请尽快退款。\n\n发自网易邮箱大师').newText).toBe('请尽快退款。');
    expect(strip('请尽快退款。\n\n发件人: 客服\n发送时间: 2026年11月24日 10:00\n收件人: 张伟\n抄送: 财务\n主题: 退款').newText).toBe('请尽快退款。');
  });

  it('cuts Japanese Outlook mobile footers and 敬具', () => {
    expect(strip('返金をお願いします。\n\niOS 版 Outlook を入手').newText).toBe('返金をお願いします。');
    expect(strip('返金をお願いします。\n\n敬具\n山田 太郎').newText).toBe('返金をお願いします。');
  });

  it('cuts "Thanks & Regards" and "Best, Name" sign-offs', () => {
    expect(strip('The invoice is wrong.\n\nThanks & Regards,\nRavi Kumar\nAccounts').newText).toBe('The invoice is wrong.');
    expect(strip('The invoice is wrong.\n\nBest, John').newText).toBe('The invoice is wrong.');
  });
});

describe('stripQuotedAndSignature: a mail in one language with a signature or disclaimer in another', () => {
  it('German text, English sign-off and an English confidentiality disclaimer', () => {
    const mail = [
      'Die Lieferung ist beschädigt angekommen. Bitte senden Sie Ersatz.',
      '',
      'Best regards,',
      'Max Mustermann',
      'Musterfirma GmbH',
      '',
      'This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient,',
      'please notify the sender immediately and delete this e-mail. Any unauthorised use is prohibited.',
    ].join('\n');
    expect(strip(mail)).toEqual({ newText: 'Die Lieferung ist beschädigt angekommen. Bitte senden Sie Ersatz.', removed: ['disclaimer', 'signature'] });
  });

  it('a German disclaimer under a rule line, before the quoted reply', () => {
    const mail = [
      'Wo bleibt meine Gutschrift?',
      '',
      '**********************************************',
      'Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige',
      'Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und',
      'vernichten Sie diese Mail.',
      '',
      'Am 24.11.2026 um 10:00 schrieb Support <support@example.com>:',
      '> Ihre Gutschrift ist unterwegs.',
    ].join('\n');
    expect(strip(mail)).toEqual({ newText: 'Wo bleibt meine Gutschrift?', removed: ['quoted-reply', 'disclaimer'] });
  });

  it('Chinese text with an English signature, with or without a sign-off', () => {
    expect(strip('快递什么时候到？\n\nBest regards,\nZhang Wei\nSales Manager, ACME Trading Co., Ltd.').newText).toBe('快递什么时候到？');
    expect(strip('快递什么时候到？\n\nZhang Wei\nSales Manager | ACME Trading Co., Ltd.\nTel: +86 21 5555 0000').newText).toBe('快递什么时候到？');
    expect(strip('快递什么时候到？\n\nZhang Wei\nACME Trading Co., Ltd.')).toEqual({ newText: '快递什么时候到？', removed: ['signature'] });
  });

  it('keeps a customer sentence that mentions confidential information', () => {
    const text = 'Hello,\n\nThis message contains confidential details about my account, please handle it with care.\nMy card was charged twice.';
    expect(strip(text)).toEqual({ newText: text, removed: [] });
  });

  it('keeps a last paragraph that is the customer\'s own words', () => {
    const text = 'Здравствуйте!\n\nПожалуйста, перезвоните мне:\n+7 (495) 123-45-67';
    expect(strip(text).newText).toBe(text);
    const order = '订单还没到。\n\nOrder: A-12345';
    expect(strip(order).newText).toBe(order);
  });
});

describe('stripQuotedAndSignature: text that only looks like a footer, a header or a signature stays', () => {
  it('keeps sentences that start like a device footer', () => {
    for (const text of ['Mi pedido no llegó.\nEnviado desde mi casa el lunes.', 'Il pacco non è arrivato.\nInviato da Amazon il 3 maggio', 'Посылки нет.\nОтправлено с опозданием']) {
      expect(strip(text)).toEqual({ newText: text, removed: [] });
    }
  });

  it('keeps an attribution-like sentence without a year or time, or with a pronoun after the verb', () => {
    const text = 'Am Montag, 24.11., schrieb ich Ihnen:\nBitte antworten Sie endlich.';
    expect(strip(text)).toEqual({ newText: text, removed: [] });
    const korean = '2026년 11월 24일 오전 10:00에 주문서 작성:\n배송이 안 왔어요';
    expect(strip(korean)).toEqual({ newText: korean, removed: [] });
    for (const sentence of ['В 2025 году ваш менеджер написал:\nвсё будет готово.', 'Am 3. März 2025 schrieb mir Ihr Kollege:\nalles erledigt.']) {
      expect(strip(sentence)).toEqual({ newText: sentence, removed: [] });
    }
  });

  it('keeps a header-like list without an address or a date', () => {
    const text = 'Da: lunedì\nData: ieri\nA: voi\nNessuno risponde.';
    expect(strip(text)).toEqual({ newText: text, removed: [] });
  });

  it('keeps a product name under text in another script, and a name with a sign-off on one line is cut', () => {
    const product = 'Не работают часы.\n\nSamsung Galaxy Watch\nWatch 6 Classic';
    expect(strip(product).newText).toBe(product);
    expect(strip('아직 못 받았어요.\n\n감사합니다. 홍길동').newText).toBe('아직 못 받았어요.');
  });
});
