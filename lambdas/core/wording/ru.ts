import type { Moment, Wording } from './types.js';

/**
 * Russian with "Вы" capitalised, as companies write to a customer. The promised
 * time carries its own prepositions ("в понедельник, 30 ноября, до 14:00"): a
 * bare date would need the genitive after "до".
 */
export const ru: Wording = {
  locale: 'ru-RU',
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  // The team's name stays in quotes after "команда", so it never has to be declined.
  received: (team, due) =>
    `Спасибо, что написали нам. Ваше обращение получила команда «${team}», и наш сотрудник лично ответит Вам ${due ?? 'как можно скорее'}.`,
  reference: (ref) => `Номер Вашего обращения — ${ref}. Если захотите что-то добавить, просто ответьте на это письмо: оно попадёт в то же обращение.`,
  faqIntro: 'Пока Вы ждёте ответа, возможно, Вам помогут эти материалы:',
  attachments: (size) =>
    `Ваши вложения (${size}) оказались больше, чем мы можем переслать. Само письмо мы получили; если файлы понадобятся, мы подскажем, как отправить их другим способом.`,
  closing: 'С уважением,',
  subjectPrefix: 'Re: ',
  byteUnits: { mega: 'МБ', kilo: 'КБ' },
  withheldAttachments: (count, size, agent) =>
    `Вложения к этому ответу (${count} ${files(count)}, ${size}) слишком велики для отправки по почте. ${agent} передаст их Вам другим способом.`,
  // "в понедельник, 30 ноября, до 14:00 (по пекинскому времени)"
  due: (company, zone) => `${onDay(company)}, до ${company.time} (${zone})`,
  // "в понедельник, 30 ноября, до 15:00 по Вашему времени (UTC+9), то есть до 14:00 (по пекинскому времени)"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${onDay(customer)}, до ${customer.time} по Вашему времени (${offset}), то есть ${sameDay ? '' : `${onDay(company)}, `}до ${company.time} (${zone})`,
};

/** "в понедельник, 30 ноября", "в среду, 2 декабря": the weekday in the accusative after "в". */
function onDay(moment: Moment): string {
  return `в ${moment.weekday.replace(/а$/u, 'у')}, ${moment.dayMonth}`;
}

const plural = new Intl.PluralRules('ru-RU');
function files(count: number): string {
  const form = plural.select(count);
  return form === 'one' ? 'файл' : form === 'few' ? 'файла' : 'файлов';
}
