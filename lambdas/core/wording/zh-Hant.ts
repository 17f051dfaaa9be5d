import type { Wording } from './types.js';

/**
 * Traditional Chinese as companies in Taiwan and Hong Kong write to customers:
 * Traditional characters only, and Taiwan's everyday words (郵件, 檔案, 透過, 回覆).
 */
export const zhHant: Wording = {
  locale: 'zh-Hant-TW',
  greeting: (name) => (name ? `${name}，您好：` : '您好：'),
  received: (team, due) => `感謝您的來信。您的郵件已送達${team}，我們的客服人員${due ? `會在${due}前` : '會盡快'}親自回覆您。`,
  reference: (ref) => `您的案件編號是 ${ref}。如需補充資料，請直接回覆這封郵件，內容會歸入同一個案件。`,
  faqIntro: '在等候回覆的同時，以下說明或許能幫上忙：',
  attachments: (size) => `您的附件（${size}）超過了我們能轉交的大小。郵件內容已收到；如需這些檔案，我們會請您改用其他方式傳送。`,
  closing: '祝您順心愉快！',
  subjectPrefix: '回覆：',
  withheldAttachments: (count, size, agent) =>
    `此回覆的附件（${count} 個檔案，${size}）太大，無法透過電子郵件寄送。${agent}會改用其他方式與您分享。`,
  // "11月30日星期一 14:00（北京時間）"
  due: (company, zone) => `${company.dayMonth}${company.weekday} ${company.time}（${zone}）`,
  // "11月30日星期一 15:00（您當地時間，UTC+9；北京時間 14:00）"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.dayMonth}${customer.weekday} ${customer.time}（您當地時間，${offset}；${zone} ${sameDay ? '' : `${company.dayMonth}${company.weekday} `}${company.time}）`,
};
