import type { Wording } from './types.js';

/** Polite business Japanese (keigo), as Japanese support desks write. */
export const ja: Wording = {
  locale: 'ja-JP',
  greeting: (name) => (name ? `${name} 様` : 'お客様'),
  received: (team, due) =>
    `お問い合わせいただき、ありがとうございます。${team}にて確かにお受けいたしました。担当者より${due ? `${due}までに` : 'できるだけ早く'}ご連絡いたします。`,
  reference: (ref) => `お問い合わせ番号は ${ref} です。追加のご連絡は、このメールにそのままご返信ください。`,
  faqIntro: 'お待ちいただく間、次の回答がお役に立つかもしれません。',
  attachments: (size) =>
    `添付ファイル（${size}）は転送できるサイズを超えていました。メール本文は受け付けております。ファイルが必要な場合は、別の方法でお送りいただくようご案内いたします。`,
  closing: 'よろしくお願いいたします。',
  subjectPrefix: 'Re: ',
  withheldAttachments: (count, size, agent) =>
    `この返信の添付ファイル（${count} 件、${size}）はメールで送るには大きすぎるため、添付していません。${agent}より別の方法でお届けします。`,
  // "11月30日(月) 15:00（日本時間）"
  due: (company, zone) => `${company.dayMonth}(${company.weekdayShort}) ${company.time}（${zone}）`,
  // "11月30日(月) 15:00（お客様の現地時間・UTC+9／北京時間 14:00）"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.dayMonth}(${customer.weekdayShort}) ${customer.time}（お客様の現地時間・${offset}／${zone} ${sameDay ? '' : `${company.dayMonth}(${company.weekdayShort}) `}${company.time}）`,
};
