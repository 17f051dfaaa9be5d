import type { Wording } from './types.js';

/** Polite business Korean (합니다체), addressing the reader as 고객님 as Korean support desks do. */
export const ko: Wording = {
  locale: 'ko-KR',
  greeting: (name) => (name ? `안녕하세요, ${name} 고객님.` : '안녕하세요, 고객님.'),
  // "에" and "입니다" read right after any name or code, with or without a final consonant.
  received: (team, due) =>
    `문의해 주셔서 감사합니다. 보내 주신 메일이 ${team}에 잘 접수되었습니다. 담당자가 ${due ? `${due}까지` : '최대한 빨리'} 직접 답변드리겠습니다.`,
  reference: (ref) => `문의 번호는 ${ref}입니다. 더 전하실 내용이 있으시면 이 메일에 그대로 회신해 주세요. 같은 문의로 함께 확인하겠습니다.`,
  faqIntro: '기다리시는 동안 아래 안내가 도움이 될 수 있습니다.',
  attachments: (size) =>
    `첨부하신 파일(${size})은 저희가 전달할 수 있는 크기를 넘어 함께 전달되지 않았습니다. 메일 내용은 잘 받았으며, 파일이 필요하면 다른 방법으로 보내 주시도록 안내드리겠습니다.`,
  closing: '감사합니다.',
  subjectPrefix: 'RE: ',
  withheldAttachments: (count, size, agent) =>
    `이 답장의 첨부 파일(${count}개, ${size})은 용량이 커서 메일로 보내 드리지 못했습니다. ${agent} 님이 다른 방법으로 전달해 드리겠습니다.`,
  // Korean companies write times as "오후 2시" / "오전 9시 30분", not "14:00". The
  // day period is spelled out here: the ICU data of current Node releases prints "PM" for ko.
  clock: (hour, minute) => {
    const period = hour < 12 ? '오전' : '오후';
    const shown = hour === 0 ? 0 : hour > 12 ? hour - 12 : hour;
    return `${period} ${shown}시${minute ? ` ${minute}분` : ''}`;
  },
  // "11월 30일(월) 오후 2시(베이징 시간 기준)"
  due: (company, zone) => `${company.dayMonth}(${company.weekdayShort}) ${company.time}(${zone} 기준)`,
  // "11월 30일(월) 오후 3시(고객님 현지 시간, UTC+9 / 베이징 시간 기준 오후 2시)"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.dayMonth}(${customer.weekdayShort}) ${customer.time}(고객님 현지 시간, ${offset} / ${zone} 기준 ${sameDay ? '' : `${company.dayMonth}(${company.weekdayShort}) `}${company.time})`,
};
