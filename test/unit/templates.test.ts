import { describe, expect, it } from 'vitest';
import { withheldAttachmentsNote } from '../../lambdas/core/relay.js';
import {
  formatBytes,
  formatDue,
  greetableName,
  renderAcknowledgement,
  stripReplyPrefixes,
  subjectPrefix,
  type AcknowledgementValues,
} from '../../lambdas/core/templates.js';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '../../lambdas/schemas/languages.js';

/** Monday 30 November 2026, 14:00 in Shanghai (UTC+8). */
const MONDAY_2PM_BEIJING = new Date('2026-11-30T06:00:00Z');
const SHANGHAI = 'Asia/Shanghai';

interface Expected {
  name: string;
  greeting: string;
  greetingWithoutName: string;
  /** The promised time for MONDAY_2PM_BEIJING, as the customer reads it. */
  due: string;
  /** 15:00 and 14:00 as the language writes them (a customer at UTC+9, the company in Shanghai). */
  customerClock: string;
  companyClock: string;
  /** How the customer is told the first time is theirs. */
  yourTime: string;
  asSoonAsWeCan: string;
  prefix: string;
  /** formatBytes(3_300_000) in the language. */
  size: string;
}

const EXPECTED: Record<TemplateLanguage, Expected> = {
  en: {
    name: 'Jane Doe', greeting: 'Hello Jane Doe,', greetingWithoutName: 'Hello,',
    due: '14:00 on Monday 30 November (Beijing time)', customerClock: '15:00', companyClock: '14:00', yourTime: 'your time (UTC+9)',
    asSoonAsWeCan: 'as soon as we can', prefix: 'Re: ', size: '3.1 MB',
  },
  zh: {
    name: '王小明', greeting: '王小明，您好！', greetingWithoutName: '您好！',
    due: '11月30日星期一 14:00（北京时间）', customerClock: '15:00', companyClock: '北京时间 14:00', yourTime: '您当地时间，UTC+9',
    asSoonAsWeCan: '会尽快', prefix: '回复：', size: '3.1 MB',
  },
  'zh-Hant': {
    name: '陳美玲', greeting: '陳美玲，您好：', greetingWithoutName: '您好：',
    due: '11月30日星期一 14:00（北京時間）', customerClock: '15:00', companyClock: '北京時間 14:00', yourTime: '您當地時間，UTC+9',
    asSoonAsWeCan: '會盡快', prefix: '回覆：', size: '3.1 MB',
  },
  ja: {
    name: '山田花子', greeting: '山田花子 様', greetingWithoutName: 'お客様',
    due: '11月30日(月) 14:00（北京時間）', customerClock: '15:00', companyClock: '北京時間 14:00', yourTime: 'お客様の現地時間・UTC+9',
    asSoonAsWeCan: 'できるだけ早く', prefix: 'Re: ', size: '3.1 MB',
  },
  ko: {
    name: '김민준', greeting: '안녕하세요, 김민준 고객님.', greetingWithoutName: '안녕하세요, 고객님.',
    due: '11월 30일(월) 오후 2시(베이징 시간 기준)', customerClock: '오후 3시', companyClock: '베이징 시간 기준 오후 2시', yourTime: '고객님 현지 시간, UTC+9',
    asSoonAsWeCan: '최대한 빨리', prefix: 'RE: ', size: '3.1 MB',
  },
  de: {
    name: 'Jana Müller', greeting: 'Hallo Jana Müller,', greetingWithoutName: 'Guten Tag,',
    due: 'Montag, 30. November, 14:00 Uhr (Pekinger Zeit)', customerClock: '15:00 Uhr', companyClock: '14:00 Uhr Pekinger Zeit', yourTime: 'Ihrer Ortszeit (UTC+9)',
    asSoonAsWeCan: 'so bald wie möglich', prefix: 'AW: ', size: '3,1 MB',
  },
  fr: {
    name: 'Élodie Martin', greeting: 'Bonjour Élodie Martin,', greetingWithoutName: 'Bonjour,',
    due: 'lundi 30 novembre à 14 h (heure de Pékin)', customerClock: 'à 15 h', companyClock: 'soit 14 h heure de Pékin', yourTime: 'votre heure locale (UTC+9)',
    asSoonAsWeCan: 'dans les meilleurs délais', prefix: 'RE : ', size: '3,1 Mo',
  },
  es: {
    name: 'José Núñez', greeting: 'Hola, José Núñez:', greetingWithoutName: 'Hola:',
    due: 'lunes 30 de noviembre a las 14:00 (hora de Pekín)', customerClock: 'a las 15:00', companyClock: 'a las 14:00 (hora de Pekín)', yourTime: 'según su hora local (UTC+9)',
    asSoonAsWeCan: 'lo antes posible', prefix: 'RE: ', size: '3,1 MB',
  },
  pt: {
    name: 'João Silva', greeting: 'Olá, João Silva!', greetingWithoutName: 'Olá!',
    due: 'segunda-feira, 30 de novembro, às 14h (horário de Pequim)', customerClock: 'às 15h', companyClock: 'às 14h (horário de Pequim)', yourTime: 'no seu horário (UTC+9)',
    asSoonAsWeCan: 'o quanto antes', prefix: 'Re: ', size: '3,1 MB',
  },
  it: {
    name: 'Giulia Rossi', greeting: 'Buongiorno Giulia Rossi,', greetingWithoutName: 'Buongiorno,',
    due: 'lunedì 30 novembre alle 14:00 (ora di Pechino)', customerClock: 'alle 15:00', companyClock: 'alle 14:00 (ora di Pechino)', yourTime: 'secondo il Suo fuso orario (UTC+9)',
    asSoonAsWeCan: 'il prima possibile', prefix: 'R: ', size: '3,1 MB',
  },
  nl: {
    name: 'Sanne de Vries', greeting: 'Hallo Sanne de Vries,', greetingWithoutName: 'Hallo,',
    due: 'maandag 30 november om 14:00 uur (Chinese tijd)', customerClock: 'om 15:00 uur', companyClock: '14:00 uur Chinese tijd', yourTime: 'jouw tijd (UTC+9)',
    asSoonAsWeCan: 'zo snel mogelijk', prefix: 'Re: ', size: '3,1 MB',
  },
  ru: {
    name: 'Анна Петрова', greeting: 'Здравствуйте, Анна Петрова!', greetingWithoutName: 'Здравствуйте!',
    due: 'в понедельник, 30 ноября, до 14:00 (по пекинскому времени)', customerClock: 'до 15:00', companyClock: 'до 14:00 (по пекинскому времени)', yourTime: 'по Вашему времени (UTC+9)',
    asSoonAsWeCan: 'как можно скорее', prefix: 'Re: ', size: '3,1 МБ',
  },
};

const TEAM = 'Example Care';
const SIGNATURE = 'Mei and the Example Care team';
const FAQ = [
  { title: 'Where is my parcel?', url: 'https://example.com/help/delivery' },
  { title: 'Returns in 30 days', url: undefined },
];

function valuesFor(language: TemplateLanguage, overrides: Partial<AcknowledgementValues> = {}): AcknowledgementValues {
  return {
    customerName: greetableName(EXPECTED[language].name),
    ref: 'RL-7KQ2M9',
    teamName: TEAM,
    signature: SIGNATURE,
    due: { at: MONDAY_2PM_BEIJING, timeZone: SHANGHAI },
    faq: FAQ,
    oversizedAttachmentsBytes: 3_300_000,
    ...overrides,
  };
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe.each(TEMPLATE_LANGUAGES.map((language) => [language, EXPECTED[language]] as const))('the %s acknowledgement', (language, expected) => {
  const text = renderAcknowledgement(language, valuesFor(language));
  const unnamed = renderAcknowledgement(language, valuesFor(language, { customerName: undefined, due: undefined, faq: [], oversizedAttachmentsBytes: undefined }));

  it('greets the customer by name (any script), once, and kindly without one', () => {
    expect(greetableName(expected.name)).toBe(expected.name);
    expect(text.startsWith(`${expected.greeting}\n\n`)).toBe(true);
    expect(occurrences(text, expected.name)).toBe(1);
    expect(unnamed.startsWith(`${expected.greetingWithoutName}\n\n`)).toBe(true);
  });

  it('promises the reply time as the locale writes it, or "as soon as we can" when nothing is promised', () => {
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, language)).toBe(expected.due);
    expect(text).toContain(expected.due);
    expect(unnamed).toContain(expected.asSoonAsWeCan);
    expect(unnamed).not.toContain(expected.due);
  });

  it('shows a customer at UTC+9 their own time first, and the company\'s beside it', () => {
    const both = formatDue(MONDAY_2PM_BEIJING, SHANGHAI, language, 9 * 60);
    expect(both).toContain(expected.customerClock);
    expect(both).toContain(expected.yourTime);
    expect(both).toContain(expected.companyClock);
    expect(both.indexOf(expected.customerClock)).toBeLessThan(both.indexOf(expected.companyClock));
    const rendered = renderAcknowledgement(language, valuesFor(language, { due: { at: MONDAY_2PM_BEIJING, timeZone: SHANGHAI, customerUtcOffsetMinutes: 540 } }));
    expect(rendered).toContain(both);
  });

  it('shows one time only when the customer\'s clock is the company\'s', () => {
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, language, 8 * 60)).toBe(expected.due);
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, language, undefined)).toBe(expected.due);
  });

  it('repeats the company\'s date when the customer\'s clock is already on another day', () => {
    // 09:00 Monday in Shanghai is 20:00 Sunday in New York (UTC−5).
    const both = formatDue(new Date('2026-11-30T01:00:00Z'), SHANGHAI, language, -5 * 60);
    expect(both).toContain('UTC\u22125');
    expect(both).toMatch(/29/);
    expect(both).toMatch(/30/);
  });

  it('names the team, the reference and the signature, and lists the FAQ answers with their links', () => {
    expect(text).toContain(TEAM);
    expect(text).toContain('RL-7KQ2M9');
    expect(text.trimEnd().endsWith(SIGNATURE)).toBe(true);
    expect(text).toContain('- Where is my parcel?: https://example.com/help/delivery');
    expect(text).toContain('- Returns in 30 days\n');
  });

  it('says how large the attachments were that could not be passed on', () => {
    expect(formatBytes(3_300_000, language)).toBe(expected.size);
    expect(text).toContain(expected.size);
    expect(unnamed).not.toContain(expected.size);
  });

  it('puts the reply prefix customers of the language expect before the subject', () => {
    expect(subjectPrefix(language)).toBe(expected.prefix);
  });

  it('tells the customer about an agent\'s withheld attachments with their count and size', () => {
    const note = withheldAttachmentsNote(language, [{ sizeBytes: 2_000_000 }, { sizeBytes: 1_300_000 }] as never, 'Mei Chen');
    expect(note).toContain('Mei Chen');
    expect(note).toContain(expected.size);
    expect(note).toMatch(/2/);
  });

  it('leaves no slot, undefined or NaN in anything the customer reads', () => {
    const all = [
      text,
      unnamed,
      formatDue(MONDAY_2PM_BEIJING, SHANGHAI, language, 540),
      formatDue(MONDAY_2PM_BEIJING, 'America/St_Johns', language, -210),
      formatDue(MONDAY_2PM_BEIJING, 'Europe/Vienna', language, 330),
      withheldAttachmentsNote(language, [{ sizeBytes: 900 }] as never, 'Mei'),
    ].join('\n');
    expect(all).not.toMatch(/\{\{|\}\}|undefined|NaN|Invalid|null/);
  });
});

describe('Traditional Chinese', () => {
  // Characters that exist only in Simplified Chinese; a Taiwan or Hong Kong reader would see them as mainland text.
  const SIMPLIFIED_ONLY = [...'们这为发货时间问题个来说请谢经还让对应该员联邮档传务与专业东车长门见书买卖头实电话码单订费当线络帮尽将归补资编亲过转开关处节样国湾历选认识给满顺协韩兰会'];
  it('uses Traditional characters only, in every text and zone name', () => {
    const texts = [
      renderAcknowledgement('zh-Hant', valuesFor('zh-Hant', { due: { at: MONDAY_2PM_BEIJING, timeZone: SHANGHAI, customerUtcOffsetMinutes: 540 } })),
      renderAcknowledgement('zh-Hant', valuesFor('zh-Hant', { customerName: undefined, due: undefined })),
      ...['Asia/Taipei', 'Asia/Hong_Kong', 'Europe/Berlin', 'Europe/Amsterdam', 'America/New_York', 'UTC', 'Europe/Vienna'].map((zone) =>
        formatDue(MONDAY_2PM_BEIJING, zone, 'zh-Hant', -180),
      ),
      withheldAttachmentsNote('zh-Hant', [{ sizeBytes: 900 }] as never, '小美'),
    ].join('\n');
    expect(SIMPLIFIED_ONLY.filter((character) => texts.includes(character))).toEqual([]);
    expect(texts).toContain('台灣時間');
  });
});

describe('promised times in detail', () => {
  it('labels odd offsets with their minutes and a real minus sign', () => {
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, 'en', -210)).toBe('02:30 on Monday 30 November your time (UTC\u22123:30), which is 14:00 Beijing time');
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, 'en', 330)).toBe('11:30 on Monday 30 November your time (UTC+5:30), which is 14:00 Beijing time');
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, 'de', 0)).toBe('Montag, 30. November, 06:00 Uhr Ihrer Ortszeit (UTC) – das ist 14:00 Uhr Pekinger Zeit');
  });

  it('ignores an offset no Date header can carry', () => {
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, 'en', Number.NaN)).toBe(EXPECTED.en.due);
    expect(formatDue(MONDAY_2PM_BEIJING, SHANGHAI, 'en', 20 * 60)).toBe(EXPECTED.en.due);
  });

  it('compares with the company zone\'s offset at that instant, summer time included', () => {
    const julyNoonBerlin = new Date('2026-07-06T10:00:00Z');
    expect(formatDue(julyNoonBerlin, 'Europe/Berlin', 'de', 120)).toBe('Montag, 6. Juli, 12:00 Uhr (deutsche Zeit)');
    expect(formatDue(julyNoonBerlin, 'Europe/Berlin', 'de', 60)).toContain('11:00 Uhr Ihrer Ortszeit (UTC+1) – das ist 12:00 Uhr deutsche Zeit');
  });

  it('uses the singular for one o\'clock where the language does, and writes minutes the local way', () => {
    const halfPastOneMadrid = new Date('2026-12-02T00:30:00Z');
    expect(formatDue(halfPastOneMadrid, 'Europe/Madrid', 'es')).toBe('miércoles 2 de diciembre a la 1:30 (hora peninsular española)');
    expect(formatDue(halfPastOneMadrid, 'Europe/Lisbon', 'pt')).toBe('quarta-feira, 2 de dezembro, à 0h30 (horário de Lisboa)');
    expect(formatDue(halfPastOneMadrid, 'Europe/Rome', 'it')).toBe('mercoledì 2 dicembre all’1:30 (ora italiana)');
    expect(formatDue(halfPastOneMadrid, 'Europe/Paris', 'fr')).toBe('mercredi 2 décembre à 1 h 30 (heure de Paris)');
    expect(formatDue(halfPastOneMadrid, 'Asia/Seoul', 'ko')).toBe('12월 2일(수) 오전 9시 30분(한국 시간 기준)');
  });

  it('puts the Russian weekday in the accusative after "в"', () => {
    const wednesdayMoscow = new Date('2026-12-02T09:00:00Z');
    expect(formatDue(wednesdayMoscow, 'Europe/Moscow', 'ru')).toBe('в среду, 2 декабря, до 12:00 (по московскому времени)');
    expect(formatDue(new Date('2026-12-04T09:00:00Z'), 'Europe/Moscow', 'ru')).toContain('в пятницу, 4 декабря');
  });

  it('names the listed zones the way customers know them, and others by the locale\'s own name', () => {
    expect(formatDue(MONDAY_2PM_BEIJING, 'America/Sao_Paulo', 'pt')).toBe('segunda-feira, 30 de novembro, às 3h (horário de Brasília)');
    expect(formatDue(MONDAY_2PM_BEIJING, 'America/New_York', 'en')).toBe('01:00 on Monday 30 November (Eastern Time)');
    expect(formatDue(MONDAY_2PM_BEIJING, 'Europe/Amsterdam', 'nl')).toBe('maandag 30 november om 07:00 uur (Nederlandse tijd)');
    expect(formatDue(MONDAY_2PM_BEIJING, 'Asia/Seoul', 'ko')).toBe('11월 30일(월) 오후 3시(한국 시간 기준)');
    expect(formatDue(MONDAY_2PM_BEIJING, 'Europe/Vienna', 'en')).toBe('07:00 on Monday 30 November (Central European Standard Time)');
    expect(formatDue(MONDAY_2PM_BEIJING, 'Etc/UTC', 'en')).toBe('06:00 on Monday 30 November (UTC)');
  });

  it('reads "as soon as we can" rather than "Invalid Date" for an unreadable promise', () => {
    const text = renderAcknowledgement('en', valuesFor('en', { due: { at: new Date(Number.NaN), timeZone: SHANGHAI } }));
    expect(text).toContain('as soon as we can');
  });
});

describe('a company\'s own template', () => {
  it('fills the slots, the promised time in the customer\'s form included', () => {
    const text = renderAcknowledgement(
      'de',
      valuesFor('de', { due: { at: MONDAY_2PM_BEIJING, timeZone: SHANGHAI, customerUtcOffsetMinutes: 60 } }),
      { body: 'Moin {{name}}! Antwort bis {{due}}. Nummer {{ref}}.\n\n\n\n{{faq}}\n{{unknown}}\n{{signature}}' },
    );
    expect(text).toContain('Moin Jana Müller! Antwort bis Montag, 30. November, 07:00 Uhr Ihrer Ortszeit (UTC+1) – das ist 14:00 Uhr Pekinger Zeit. Nummer RL-7KQ2M9.');
    expect(text).toContain('{{unknown}}');
    expect(text).not.toMatch(/\n{3}/);
  });
});

describe('reply prefixes of the subject', () => {
  it.each([
    ['AW: Re: WG: Rechnung', 'Rechnung'], ['回复：Re: 订单', '订单'],
    ['回覆：轉寄：訂單', '訂單'], ['RE : TR : Votre commande', 'Votre commande'],
    ['RV: RE: Pedido', 'Pedido'], ['RES: ENC: Pedido', 'Pedido'],
    ['R: I: Ordine', 'Ordine'], ['Antw: Doorst: Bestelling', 'Bestelling'],
    ['SV: VS: Tilaus', 'Tilaus'], ['Ответ: Отв: Пересл: Заказ', 'Заказ'],
    ['ОТВЕТ:Заказ', 'Заказ'], ['返信: 転送：注文', '注文'],
    ['회신: 답장: 전달: 주문', '주문'], ['答复：转发：订单', '订单'],
    ['Re[2]: Fwd: FW: order', 'order'], ['re:re:RE: order', 'order'],
  ])('%s → %s', (subject, stripped) => {
    expect(stripReplyPrefixes(subject)).toBe(stripped);
  });

  it('keeps a subject whose first word only looks like a prefix', () => {
    expect(stripReplyPrefixes('Rechnung: März')).toBe('Rechnung: März');
    expect(stripReplyPrefixes('Return label missing')).toBe('Return label missing');
    expect(stripReplyPrefixes('Invoice: Re: question')).toBe('Invoice: Re: question');
  });
});

