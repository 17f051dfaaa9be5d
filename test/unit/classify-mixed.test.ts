import { describe, expect, it } from 'vitest';
import { classifyText } from '../support/classify-cases.js';

/** Mails in two languages: the customer's new text decides, not the quote, the signature or the disclaimer. */
describe('mixed-language mail', () => {
  it('a German mail with an English signature and disclaimer is German', () => {
    const text = [
      'Hallo,',
      '',
      'seit dem Update gestern stürzt die App beim Öffnen sofort ab. Neu installieren hilft nicht.',
      '',
      'Best regards',
      'Thomas Becker',
      'Head of IT | Becker Logistics GmbH',
      '+49 40 1234567',
      '',
      'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it. Any unauthorised use is prohibited.',
    ].join('\n');
    expect(classifyText('App stürzt ab', text)).toMatchObject({ language: 'de', category: 'technical' });
  });

  it('a Chinese sentence on top of an English thread is Chinese', () => {
    const text = ['你好，我还是没有收到退款，请尽快处理。', '', 'On Tue, 24 Nov 2026 at 10:00, Example Support <support@example.com> wrote:', '> Hello, we have received your return and will refund you within 5 business days.', '> Kind regards,', '> The Example support team'].join('\n');
    const result = classifyText('Re: Your return [#RL-7K3F9Q]', text);
    expect(result).toMatchObject({ language: 'zh', category: 'refund', priority: 'high' });
  });

  it('an English reply quoting a German mail is English', () => {
    const text = ['Hi, sorry for writing in English: I still have not received the invoice for October.', '', 'Am Di., 24. Nov. 2026 um 10:00 Uhr schrieb Example Support <support@example.com>:', '> Guten Tag, vielen Dank für Ihre Nachricht. Wir melden uns in Kürze.'].join('\n');
    expect(classifyText('AW: Rechnung', text)).toMatchObject({ language: 'en', category: 'billing' });
  });
});
