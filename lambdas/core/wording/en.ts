import type { Wording } from './types.js';

export const en: Wording = {
  locale: 'en-GB',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  received: (team, due) =>
    `Thank you for writing to us. Your message has reached ${team}, and a person on our team will answer it ${due ? `by ${due}` : 'as soon as we can'}.`,
  reference: (ref) => `Your reference is ${ref}. If you have anything to add, just reply to this mail and it will stay with your request.`,
  faqIntro: 'While you wait, these answers may already help:',
  attachments: (size) =>
    `Your attachments (${size}) were larger than we can pass on. We have your message; if we need the files, we will ask you to send them another way.`,
  closing: 'Kind regards,',
  subjectPrefix: 'Re: ',
  withheldAttachments: (count, size, agent) =>
    `The attachments of this reply (${count} ${count === 1 ? 'file' : 'files'}, ${size}) were too large to send by mail. ${agent} will share them with you another way.`,
  // "14:00 on Monday 30 November (Beijing time)"
  due: (company, zone) => `${company.time} on ${company.date} (${zone})`,
  // "15:00 on Monday 30 November your time (UTC+9), which is 14:00 Beijing time"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.time} on ${customer.date} your time (${offset}), which is ${company.time} ${zone}${sameDay ? '' : ` on ${company.date}`}`,
};
