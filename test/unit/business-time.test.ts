import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ALWAYS_OPEN_WEEK,
  addBusinessTime,
  alwaysOpenCalendar,
  businessTimeBetween,
  isOpen,
  localDateOf,
  nextOpening,
  zonedInstant,
  type BusinessCalendar,
} from '../../lambdas/core/business-time.js';
import type { Interval } from '../../lambdas/schemas/vocabulary.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const hm = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
};
const span = (range: string): Interval => {
  const [from, to] = range.split('-');
  return { start: hm(from!), end: hm(to!) };
};
/** Mon–Fri with the given ranges, weekend closed. */
const weekdays = (...ranges: string[]): Interval[][] => {
  const day = ranges.map(span);
  return [[], day, day, day, day, day, []];
};
const calendar = (timeZone: string, weekly: readonly (readonly Interval[])[], extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone,
  weekly,
  closedDates: new Set(),
  extraOpenDates: new Map(),
  ...extra,
});
/** Local wall time in a zone, e.g. at('Asia/Shanghai', '2026-03-06 17:30'). */
const at = (timeZone: string, local: string): Date => {
  const [date, time] = local.split(' ');
  return zonedInstant(date!, hm(time!), timeZone);
};
/** How a local clock in that zone reads the instant, 'YYYY-MM-DD HH:MM'. */
const local = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

const SH = 'Asia/Shanghai';
const shanghaiOffice = calendar(SH, weekdays('09:00-18:00'));

describe('addBusinessTime: office hours and weekends', () => {
  it('a mail at 17:30 Friday in Shanghai with a 4h target is due at 12:30 Monday', () => {
    const due = addBusinessTime(at(SH, '2026-03-06 17:30'), 4 * HOUR, shanghaiOffice);
    expect(local(due, SH)).toBe('2026-03-09 12:30');
  });

  it('a mail during hours is due the same day when the target fits', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-04 10:15'), 4 * HOUR, shanghaiOffice), SH)).toBe('2026-03-04 14:15');
  });

  it('a target that ends exactly at closing time is due at closing time, not the next morning', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-04 14:00'), 4 * HOUR, shanghaiOffice), SH)).toBe('2026-03-04 18:00');
  });

  it('a mail arriving at 07:00 starts counting at the 09:00 opening', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-03 07:00'), 1 * HOUR, shanghaiOffice), SH)).toBe('2026-03-03 10:00');
  });

  it('a mail arriving late in the evening starts counting the next morning', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-03 22:45'), 90 * MINUTE, shanghaiOffice), SH)).toBe('2026-03-04 10:30');
  });

  it('a mail arriving on Saturday starts counting on Monday morning', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-07 11:00'), 6 * HOUR, shanghaiOffice), SH)).toBe('2026-03-09 15:00');
  });

  it('a 24h business-time target spans several working days (9h a day)', () => {
    // Thu 10:00: 8h Thu, 9h Fri, weekend, 7h Mon → Mon 16:00.
    expect(local(addBusinessTime(at(SH, '2026-03-05 10:00'), 24 * HOUR, shanghaiOffice), SH)).toBe('2026-03-09 16:00');
  });

  it('a zero duration is due at once', () => {
    const start = at(SH, '2026-03-07 11:00');
    expect(addBusinessTime(start, 0, shanghaiOffice).getTime()).toBe(start.getTime());
  });
});

describe('addBusinessTime: lunch breaks and several intervals a day', () => {
  const withLunch = calendar(SH, weekdays('09:00-12:00', '13:00-18:00'));

  it('the lunch hour does not count', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-04 11:00'), 2 * HOUR, withLunch), SH)).toBe('2026-03-04 14:00');
  });

  it('a mail during lunch starts counting at 13:00', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-04 12:20'), 30 * MINUTE, withLunch), SH)).toBe('2026-03-04 13:30');
  });

  it('a morning target running exactly to the break is due at 12:00', () => {
    expect(local(addBusinessTime(at(SH, '2026-03-04 09:00'), 3 * HOUR, withLunch), SH)).toBe('2026-03-04 12:00');
  });

  it('a Saturday half day counts (10:00–14:00)', () => {
    const week = weekdays('09:00-18:00');
    week[6] = [span('10:00-14:00')];
    const withSaturday = calendar(SH, week);
    expect(local(addBusinessTime(at(SH, '2026-03-06 17:00'), 3 * HOUR, withSaturday), SH)).toBe('2026-03-07 12:00');
  });
});

describe('addBusinessTime: holidays and make-up working days', () => {
  // China's 2026 National Day holiday: Thu 1 Oct – Wed 7 Oct closed; Sat 10 Oct is a make-up working day.
  const nationalDay = calendar(SH, weekdays('09:00-18:00'), {
    closedDates: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
    extraOpenDates: new Map([['2026-10-10', [span('09:00-18:00')]]]),
  });

  it('Chinese National Day week is skipped', () => {
    // Wed 30 Sep 17:00, 4h: 1h on 30 Sep, then 3h from Thu 8 Oct 09:00.
    expect(local(addBusinessTime(at(SH, '2026-09-30 17:00'), 4 * HOUR, nationalDay), SH)).toBe('2026-10-08 12:00');
  });

  it('a mail arriving during the holiday starts counting when the office reopens', () => {
    expect(local(addBusinessTime(at(SH, '2026-10-03 09:30'), 1 * HOUR, nationalDay), SH)).toBe('2026-10-08 10:00');
  });

  it('a make-up working Saturday counts', () => {
    // Fri 9 Oct 16:00, 4h: 2h Friday, 2h on the make-up Saturday 10 Oct.
    expect(local(addBusinessTime(at(SH, '2026-10-09 16:00'), 4 * HOUR, nationalDay), SH)).toBe('2026-10-10 11:00');
  });

  it('a 24h target over the holiday week and the make-up Saturday', () => {
    // 1h (30 Sep) + 9h (8 Oct) + 9h (9 Oct) + 5h (Sat 10 Oct) = 24h.
    expect(local(addBusinessTime(at(SH, '2026-09-30 17:00'), 24 * HOUR, nationalDay), SH)).toBe('2026-10-10 14:00');
  });

  it('an extra-hours date shortens an ordinary weekday (close at 12:00 on New Year\'s Eve)', () => {
    const shortDay = calendar(SH, weekdays('09:00-18:00'), { extraOpenDates: new Map([['2026-12-31', [span('09:00-12:00')]]]) });
    expect(local(addBusinessTime(at(SH, '2026-12-31 11:00'), 2 * HOUR, shortDay), SH)).toBe('2027-01-01 10:00');
  });

  it('a 24h target across a 10-day closure is cheap: closed days cost no time-zone conversions', () => {
    const closed = new Set<string>();
    for (let day = 1; day <= 10; day++) closed.add(`2026-10-${String(day).padStart(2, '0')}`);
    const longHoliday = calendar(SH, weekdays('09:00-18:00'), { closedDates: closed });
    const start = at(SH, '2026-09-30 18:30');
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const due = addBusinessTime(start, 24 * HOUR, longHoliday);
    const conversions = spy.mock.calls.length;
    spy.mockRestore();
    // Reopens Mon 12 Oct: 9h Mon, 9h Tue, 6h Wed.
    expect(local(due, SH)).toBe('2026-10-14 15:00');
    expect(conversions).toBeLessThan(60);
  });

  it('a year of business time is cheap: a bounded number of time-zone conversions, not one per hour', () => {
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const due = addBusinessTime(at(SH, '2026-01-05 09:00'), 52 * 45 * HOUR, shanghaiOffice);
    const conversions = spy.mock.calls.length;
    spy.mockRestore();
    expect(local(due, SH)).toBe('2027-01-01 18:00');
    expect(conversions).toBeLessThan(5_000);
  });

  afterEach(() => vi.restoreAllMocks());
});

describe('addBusinessTime: daylight-saving time', () => {
  const BERLIN = 'Europe/Berlin';
  const NEW_YORK = 'America/New_York';
  const berlin24x7 = calendar(BERLIN, ALWAYS_OPEN_WEEK);
  const newYork24x7 = calendar(NEW_YORK, ALWAYS_OPEN_WEEK);
  const newYorkOffice = calendar(NEW_YORK, weekdays('09:00-17:00'));
  const berlinOffice = calendar(BERLIN, weekdays('09:00-18:00'));

  it('a 2h target starting 01:30 on the Berlin spring-forward Sunday under 24x7 ends at 04:30 local', () => {
    const due = addBusinessTime(at(BERLIN, '2026-03-29 01:30'), 2 * HOUR, berlin24x7);
    expect(local(due, BERLIN)).toBe('2026-03-29 04:30');
    expect(due.toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });

  it('a 2h target starting 01:30 on the Berlin fall-back Sunday under 24x7 ends at the second 02:30', () => {
    const due = addBusinessTime(at(BERLIN, '2026-10-25 01:30'), 2 * HOUR, berlin24x7);
    expect(local(due, BERLIN)).toBe('2026-10-25 02:30');
    expect(due.toISOString()).toBe('2026-10-25T01:30:00.000Z'); // 02:30 CET, an hour after the first 02:30 CEST
  });

  it('a 24x7 day is 23 hours on the spring-forward Sunday and 25 on the fall-back Sunday (Berlin)', () => {
    expect(businessTimeBetween(at(BERLIN, '2026-03-29 00:00'), at(BERLIN, '2026-03-30 00:00'), berlin24x7)).toBe(23 * HOUR);
    expect(businessTimeBetween(at(BERLIN, '2026-10-25 00:00'), at(BERLIN, '2026-10-26 00:00'), berlin24x7)).toBe(25 * HOUR);
  });

  it('24 hours of 24x7 time in New York across fall-back read 11:00 the next day, not 12:00', () => {
    const due = addBusinessTime(at(NEW_YORK, '2026-10-31 12:00'), 24 * HOUR, newYork24x7);
    expect(local(due, NEW_YORK)).toBe('2026-11-01 11:00');
  });

  it('New York office hours stay 09:00–17:00 local across spring-forward (Fri 16:00 + 4h → Mon 12:00 EDT)', () => {
    const due = addBusinessTime(at(NEW_YORK, '2026-03-06 16:00'), 4 * HOUR, newYorkOffice);
    expect(local(due, NEW_YORK)).toBe('2026-03-09 12:00');
    expect(due.toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it('New York office hours stay 09:00–17:00 local across fall-back (Fri 16:00 + 4h → Mon 12:00 EST)', () => {
    const due = addBusinessTime(at(NEW_YORK, '2026-10-30 16:00'), 4 * HOUR, newYorkOffice);
    expect(local(due, NEW_YORK)).toBe('2026-11-02 12:00');
    expect(due.toISOString()).toBe('2026-11-02T17:00:00.000Z');
  });

  it('Berlin office hours across the week where Europe and the US change clocks at different dates', () => {
    // Fri 27 Mar 2026 17:00 CET + 2h → Mon 30 Mar 10:00 CEST (08:00Z).
    const due = addBusinessTime(at(BERLIN, '2026-03-27 17:00'), 2 * HOUR, berlinOffice);
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('hours that include the skipped hour lose it; hours that include the repeated hour gain it', () => {
    const nightShift = calendar(BERLIN, [[span('01:00-04:00')], [], [], [], [], [], []]);
    expect(businessTimeBetween(at(BERLIN, '2026-03-29 00:00'), at(BERLIN, '2026-03-30 00:00'), nightShift)).toBe(2 * HOUR);
    expect(businessTimeBetween(at(BERLIN, '2026-10-25 00:00'), at(BERLIN, '2026-10-26 00:00'), nightShift)).toBe(4 * HOUR);
    expect(local(addBusinessTime(at(BERLIN, '2026-03-29 00:30'), 90 * MINUTE, nightShift), BERLIN)).toBe('2026-03-29 03:30');
  });

  it('Shanghai (no DST) keeps a fixed UTC+8 all year', () => {
    expect(at(SH, '2026-03-29 09:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(at(SH, '2026-10-25 09:00').toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('adding business time and measuring it back agree, for many starts through a DST year', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const withLunch = calendar(BERLIN, weekdays('08:00-12:00', '13:00-17:30'), { closedDates: new Set(['2026-03-30', '2026-10-26']) });
    for (let i = 0; i < 200; i++) {
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 24 * 60) * MINUTE);
      const duration = Math.floor(random() * 40 * 60) * MINUTE;
      for (const cal of [withLunch, berlin24x7, newYorkOffice]) {
        const due = addBusinessTime(start, duration, cal);
        expect(businessTimeBetween(start, due, cal)).toBe(duration);
        if (duration > 0) expect(isOpen(new Date(due.getTime() - 1), cal)).toBe(true);
      }
    }
  });
});

describe('24x7', () => {
  it('an always-open calendar counts nights, weekends and holidays', () => {
    const cal = alwaysOpenCalendar();
    const start = new Date('2026-10-03T21:10:00Z');
    expect(addBusinessTime(start, 2 * HOUR, cal).toISOString()).toBe('2026-10-03T23:10:00.000Z');
    expect(isOpen(start, cal)).toBe(true);
  });

  it('48 hours of 24x7 in Berlin is exactly 48 real hours even across the clock change', () => {
    const start = at('Europe/Berlin', '2026-03-28 12:00');
    const due = addBusinessTime(start, 48 * HOUR, calendar('Europe/Berlin', ALWAYS_OPEN_WEEK));
    expect(due.getTime() - start.getTime()).toBe(48 * HOUR);
  });
});

describe('businessTimeBetween', () => {
  it('counts only open time, across a weekend', () => {
    // Fri 17:00 → Mon 10:00: 1h + 1h.
    expect(businessTimeBetween(at(SH, '2026-03-06 17:00'), at(SH, '2026-03-09 10:00'), shanghaiOffice)).toBe(2 * HOUR);
  });

  it('is 0 when the end is not after the start, or the span is entirely closed', () => {
    expect(businessTimeBetween(at(SH, '2026-03-09 10:00'), at(SH, '2026-03-06 17:00'), shanghaiOffice)).toBe(0);
    expect(businessTimeBetween(at(SH, '2026-03-06 18:00'), at(SH, '2026-03-09 09:00'), shanghaiOffice)).toBe(0);
  });
});

describe('isOpen and nextOpening', () => {
  const withLunch = calendar(SH, weekdays('09:00-12:00', '13:00-18:00'));

  it('is open during hours, closed at lunch, at closing time and on weekends', () => {
    expect(isOpen(at(SH, '2026-03-04 09:00'), withLunch)).toBe(true);
    expect(isOpen(at(SH, '2026-03-04 12:30'), withLunch)).toBe(false);
    expect(isOpen(at(SH, '2026-03-04 18:00'), withLunch)).toBe(false);
    expect(isOpen(at(SH, '2026-03-07 10:00'), withLunch)).toBe(false);
  });

  it('the next opening of a Saturday is Monday 09:00; during lunch it is 13:00; when open it is now', () => {
    expect(local(nextOpening(at(SH, '2026-03-07 10:00'), withLunch), SH)).toBe('2026-03-09 09:00');
    expect(local(nextOpening(at(SH, '2026-03-04 12:30'), withLunch), SH)).toBe('2026-03-04 13:00');
    const now = at(SH, '2026-03-04 10:00');
    expect(nextOpening(now, withLunch).getTime()).toBe(now.getTime());
  });

  it('an interval ending at 24:00 runs into the next day\'s 00:00 opening without a gap', () => {
    const late = calendar(SH, [[span('00:00-02:00')], [], [], [], [], [], [span('20:00-24:00')]]);
    expect(local(addBusinessTime(at(SH, '2026-03-07 23:00'), 2 * HOUR, late), SH)).toBe('2026-03-08 01:00');
    expect(isOpen(at(SH, '2026-03-08 00:00'), late)).toBe(true);
  });
});

describe('zone helpers', () => {
  it('localDateOf reads the local date (Shanghai is already tomorrow at 20:00 UTC)', () => {
    expect(localDateOf(new Date('2026-03-06T20:00:00Z'), SH)).toBe('2026-03-07');
  });

  it('zonedInstant maps a skipped wall time to the jump and a repeated one to its first occurrence', () => {
    expect(zonedInstant('2026-03-29', hm('02:30'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedInstant('2026-10-25', hm('02:30'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('invalid input', () => {
  it('a calendar with no open time at all throws a clear error instead of looping forever', () => {
    const never = calendar(SH, [[], [], [], [], [], [], []]);
    expect(() => addBusinessTime(at(SH, '2026-03-04 10:00'), HOUR, never)).toThrow(/no open time/);
    expect(() => nextOpening(at(SH, '2026-03-04 10:00'), never)).toThrow(/no open time/);
  });

  it('a calendar whose only open days are past throws once they are used up', () => {
    const onlyOnce = calendar(SH, [[], [], [], [], [], [], []], { extraOpenDates: new Map([['2026-03-04', [span('09:00-10:00')]]]) });
    expect(local(addBusinessTime(at(SH, '2026-03-01 00:00'), 30 * MINUTE, onlyOnce), SH)).toBe('2026-03-04 09:30');
    expect(() => addBusinessTime(at(SH, '2026-03-01 00:00'), 2 * HOUR, onlyOnce)).toThrow(/no open time/);
  });

  it('a calendar closed for more than ten years ahead throws instead of scanning forever', () => {
    const closed = new Set<string>();
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2037, 0, 1); t += 86_400_000) closed.add(new Date(t).toISOString().slice(0, 10));
    expect(() => addBusinessTime(new Date('2026-01-01T00:00:00Z'), HOUR, calendar(SH, weekdays('09:00-18:00'), { closedDates: closed }))).toThrow(
      /no open time for \d+ consecutive days/,
    );
  });

  it('rejects negative or non-finite durations, invalid dates and unknown zones', () => {
    const start = at(SH, '2026-03-04 10:00');
    expect(() => addBusinessTime(start, -1, shanghaiOffice)).toThrow(/duration/);
    expect(() => addBusinessTime(start, Number.NaN, shanghaiOffice)).toThrow(/duration/);
    expect(() => addBusinessTime(new Date('nope'), HOUR, shanghaiOffice)).toThrow(/valid Date/);
    expect(() => addBusinessTime(start, HOUR, calendar('Mars/Olympus_Mons', weekdays('09:00-18:00')))).toThrow(/unknown time zone "Mars\/Olympus_Mons"/);
  });

  it('rejects impossible intervals, a weekly table without 7 days, and malformed dates', () => {
    const start = at(SH, '2026-03-04 10:00');
    expect(() => addBusinessTime(start, HOUR, calendar(SH, weekdays('18:00-09:00')))).toThrow(/invalid interval/);
    expect(() => addBusinessTime(start, HOUR, calendar(SH, [[span('09:00-18:00')]]))).toThrow(/7 days/);
    expect(() => addBusinessTime(start, HOUR, calendar(SH, weekdays('09:00-18:00'), { closedDates: new Set(['2026-13-01']) }))).toThrow(/closed date/);
  });
});
