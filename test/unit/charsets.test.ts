import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { decodeText } from '../../lambdas/adapters/charsets.js';
import { CORPUS_ABSENT, CORPUS_DIR, corpusFile as corpus } from '../support/corpus.js';

describe.skipIf(!CORPUS_DIR)(`mail in the charsets real customers use, as declared or not${CORPUS_DIR ? '' : ` (${CORPUS_ABSENT})`}`, () => {
  it('GB2312 that is really GBK, with a raw 8-bit subject', async () => {
    const mail = await parseMail(corpus('spamassassin/nice/cjk/gb2312.1'));
    expect(mail.subject).toMatch(/^全新原装进口，送货上门/);
    expect(mail.text).toContain('台湾鑫龙商贸集团公司向您拜年');
  });

  it('"ISO-2022-JP" that is really EUC-JP (8-bit, no escape sequences)', async () => {
    const mail = await parseMail(corpus('spamassassin/nice/cjk/iso-2022-jp.2'));
    expect(mail.text).toContain('心当たりがあります');
  });

  it('real ISO-2022-JP and Shift_JIS', async () => {
    expect((await parseMail(corpus('mikel-mail/multi_charset/japanese_iso_2022.eml'))).subject).toBe('まみむめも');
    expect((await parseMail(corpus('mikel-mail/multi_charset/japanese_shift_jis.eml'))).text).toContain('このメールはテスト用のメールです');
  });

  it('a raw 8-bit Big5 subject, decoded with the body\'s declared charset', async () => {
    const mail = await parseMail(corpus('spamassassin/nice/cjk/big5-base64.1'));
    expect(mail.subject).toContain('新片又到');
    expect(mail.text).toContain('最新資訊的軟體泡麵站');
  });

  it('8-bit text with no declaration at all', async () => {
    const body = iconv.encode('您好，我的订单还没有到，请帮我查一下。', 'gb18030');
    const raw = Buffer.concat([Buffer.from('From: a@b.example\r\nTo: support@example.com\r\nSubject: '), iconv.encode('订单问题', 'gb18030'), Buffer.from('\r\n\r\n'), body]);
    const mail = await parseMail(raw);
    expect(mail.subject).toBe('订单问题');
    expect(mail.text).toContain('我的订单还没有到');
  });

  it('bogus charset names fall back to sniffing instead of failing', () => {
    expect(decodeText(Buffer.from('plain words'), 'x-unknown')).toBe('plain words');
    expect(decodeText(iconv.encode('配送状況を確認してください', 'shift_jis'), 'x-bogus')).toBe('配送状況を確認してください');
    expect(decodeText(Buffer.from('Grüße', 'utf8'), 'utf8')).toBe('Grüße');
    expect(decodeText(iconv.encode('Grüße', 'windows-1252'), undefined)).toBe('Grüße');
  });
});
