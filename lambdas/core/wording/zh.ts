import type { Wording } from './types.js';

/** Simplified Chinese as mainland companies write to customers. */
export const zh: Wording = {
  locale: 'zh-CN',
  greeting: (name) => (name ? `${name}，您好！` : '您好！'),
  received: (team, due) => `感谢您的来信。您的邮件已送达${team}，我们的工作人员${due ? `会在${due}前` : '会尽快'}亲自回复您。`,
  reference: (ref) => `您的参考编号是 ${ref}。如需补充信息，请直接回复此邮件，我们会将其归入同一请求。`,
  faqIntro: '在等待期间，以下解答或许对您有帮助：',
  attachments: (size) => `您的附件（${size}）超过了我们可以转交的大小。邮件本身已收到；如需这些文件，我们会请您通过其他方式发送。`,
  closing: '祝您生活愉快！',
  subjectPrefix: '回复：',
  withheldAttachments: (count, size, agent) => `此回复的附件（${count} 个文件，${size}）太大，无法通过邮件发送。${agent}会通过其他方式与您分享。`,
  // "11月30日星期一 14:00（北京时间）"
  due: (company, zone) => `${company.dayMonth}${company.weekday} ${company.time}（${zone}）`,
  // "11月30日星期一 15:00（您当地时间，UTC+9；北京时间 14:00）"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.dayMonth}${customer.weekday} ${customer.time}（您当地时间，${offset}；${zone} ${sameDay ? '' : `${company.dayMonth}${company.weekday} `}${company.time}）`,
};
