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
