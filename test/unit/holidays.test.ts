import { describe, expect, it } from 'vitest';
import { addBusinessTime, isOpen, zonedInstant } from '../../lambdas/core/business-time.js';
import { buildCalendar, loadCalendars, publicHolidayDates } from '../../lambdas/adapters/holidays.js';
import { slaConfigSchema, type SlaConfigInput } from '../../lambdas/schemas/sla-config.js';

const HOUR = 3_600_000;
const SH = 'Asia/Shanghai';

const sla = (input: SlaConfigInput) => slaConfigSchema.parse(input);
const shanghaiTime = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return zonedInstant(date, h! * 60 + m!, SH);
};
const local = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

describe('publicHolidayDates', () => {
  it('China 2026: New Year, Spring Festival, National Day 1–3 Oct', () => {
    const dates = publicHolidayDates('CN', undefined, [2026]);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-10-01', '2026-10-02', '2026-10-03']));
  });

  it('leaves out half-day and one-group holidays: Women\'s Day (from 12:00), Youth Day, Children\'s Day, Army Day', () => {
    const dates = publicHolidayDates('CN', undefined, [2026]);
    expect(dates).not.toContain('2026-03-08');
    expect(dates).not.toContain('2026-05-04');
    expect(dates).not.toContain('2026-06-01');
    expect(dates).not.toContain('2026-08-01');
  });

  it('Bavaria: regional public holidays count; observances, bank half-days (24 Dec from 14:00) and school days do not', () => {
    const dates = publicHolidayDates('DE', 'BY', [2026]);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-06', '2026-04-03', '2026-06-04', '2026-11-01', '2026-12-25']));
    expect(dates).not.toContain('2026-02-14'); // Valentinstag, observance
    expect(dates).not.toContain('2026-12-24'); // Heiliger Abend from 14:00, bank
    expect(dates).not.toContain('2026-11-18'); // Buß- und Bettag, school only
    expect(publicHolidayDates('DE', undefined, [2026])).not.toContain('2026-01-06'); // not nationwide
  });

  it('accepts "DE-BY" and a finer region like "BY/A" (Augsburg\'s Peace Festival)', () => {
    expect(publicHolidayDates('DE', 'DE-BY', [2026])).toContain('2026-01-06');
    expect(publicHolidayDates('DE', 'BY/A', [2026])).toContain('2026-08-08');
  });

  it('covers every year asked for, and only those', () => {
    const dates = publicHolidayDates('US', undefined, [2026, 2027]);
    expect(dates).toContain('2026-07-03'); // Independence Day observed on Friday
    expect(dates).toContain('2027-12-25');
    expect(dates.some((d) => d.startsWith('2025') || d.startsWith('2028'))).toBe(false);
  });

  it('unknown countries and regions are explained', () => {
    expect(() => publicHolidayDates('XX', undefined, [2026])).toThrow(/unknown holiday country "XX"/);
    expect(() => publicHolidayDates('DE', 'ZZ', [2026])).toThrow(/unknown holiday region "ZZ" for DE; known: .*BY/);
  });
});

describe('buildCalendar', () => {
  // China 2026 National Day: 1–7 Oct off (1–3 from date-holidays, 4–7 listed), Sun 20 Sep and Sat 10 Oct worked.
  const chinaOffice = sla({
    calendars: {
      default: {
        holidays: {
          country: 'CN',
          dates: ['2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
          workingDates: { '2026-09-20': '09:00-18:00', '2026-10-10': '09:00-18:00' },
        },
      },
    },
  }).calendars.default!;

  it('uses the top-level zone unless the calendar names its own', () => {
    expect(buildCalendar(chinaOffice, SH, [2026]).timeZone).toBe(SH);
    const berlin = sla({ calendars: { emea: { timeZone: 'Europe/Berlin' } } }).calendars.emea!;
    expect(buildCalendar(berlin, SH, [2026]).timeZone).toBe('Europe/Berlin');
  });

  it('Chinese National Day week is skipped: a 4h promise made on 30 Sep at 17:00 is due 8 Oct at 12:00', () => {
    const calendar = buildCalendar(chinaOffice, SH, [2025, 2026, 2027]);
    expect(local(addBusinessTime(shanghaiTime('2026-09-30', '17:00'), 4 * HOUR, calendar), SH)).toBe('2026-10-08 12:00');
  });

  it('the make-up working Sunday and Saturday are open', () => {
    const calendar = buildCalendar(chinaOffice, SH, [2026]);
    expect(isOpen(shanghaiTime('2026-09-20', '10:00'), calendar)).toBe(true);
    expect(isOpen(shanghaiTime('2026-10-10', '10:00'), calendar)).toBe(true);
    expect(isOpen(shanghaiTime('2026-10-11', '10:00'), calendar)).toBe(false);
  });

  it('Spring Festival closes the office (from date-holidays alone)', () => {
    const calendar = buildCalendar(chinaOffice, SH, [2026]);
    // Fri 13 Feb 17:00 + 2h: 1h Friday, weekend, Mon–Wed 16–18 Feb holiday, Thu 19 Feb 10:00.
    expect(local(addBusinessTime(shanghaiTime('2026-02-13', '17:00'), 2 * HOUR, calendar), SH)).toBe('2026-02-19 10:00');
  });

  it('holidays of years not loaded are not known (the caller passes the years)', () => {
    const calendar = buildCalendar(chinaOffice, SH, [2025]);
    expect(calendar.closedDates.has('2026-10-01')).toBe(false);
    expect(calendar.closedDates.has('2025-10-01')).toBe(true);
  });
});

describe('loadCalendars', () => {
  it('returns every configured calendar plus 24x7', () => {
    const config = {
      timeZone: SH,
      sla: sla({ calendars: { emea: { timeZone: 'Europe/Berlin', holidays: { country: 'DE', region: 'BY' } } } }),
    };
    const calendars = loadCalendars(config, [2026]);
    expect([...calendars.keys()].sort()).toEqual(['24x7', 'default', 'emea']);
    expect(calendars.get('emea')!.closedDates.has('2026-01-06')).toBe(true);
    expect(isOpen(zonedInstant('2026-01-04', 3 * 60, SH), calendars.get('24x7')!)).toBe(true); // a Sunday, 03:00
  });

  it('names the calendar whose holiday country is unknown', () => {
    const config = { timeZone: SH, sla: sla({ calendars: { apac: { holidays: { country: 'QQ' } } } }) };
    expect(() => loadCalendars(config, [2026])).toThrow(/sla\.calendars\.apac: unknown holiday country "QQ"/);
  });
});
