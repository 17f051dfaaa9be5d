import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDays, parseDuration, parseIntervals, slaConfigSchema } from '../../lambdas/schemas/sla-config.js';

const HOUR = 3_600_000;
const MON_FRI_9_18 = [[], [{ start: 540, end: 1080 }], [{ start: 540, end: 1080 }], [{ start: 540, end: 1080 }], [{ start: 540, end: 1080 }], [{ start: 540, end: 1080 }], []];

/** The readable problems of an invalid `sla` section, as "path: message" lines. */
function problems(input: unknown): string[] {
  const result = slaConfigSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('sla config defaults', () => {
  it('an empty section gives urgent 1h/2h around the clock, high 4h/4h, normal 6h/8h, low 24h/24h', () => {
    const sla = slaConfigSchema.parse({});
    expect(sla.policies).toEqual({
      urgent: { firstResponse: 1 * HOUR, nextReply: 2 * HOUR, businessHours: '24x7' },
      high: { firstResponse: 4 * HOUR, nextReply: 4 * HOUR, businessHours: 'team' },
      normal: { firstResponse: 6 * HOUR, nextReply: 8 * HOUR, businessHours: 'team' },
      low: { firstResponse: 24 * HOUR, nextReply: 24 * HOUR, businessHours: 'team' },
    });
    expect(sla.warningThreshold).toBe(0.8);
    expect(sla.teams).toEqual({});
    expect(sla.escalation).toEqual({ repeatContactRaisesPriority: true, shortenDueOnRepeatContact: false });
  });

  it('the default calendar is Mon–Fri 09:00–18:00 with no holidays, in the top-level zone', () => {
    const sla = slaConfigSchema.parse({});
    expect(sla.calendars).toEqual({ default: { hours: MON_FRI_9_18, holidays: { dates: [], workingDates: {} } } });
    expect(sla.calendars.default!.timeZone).toBeUndefined();
  });

  it('changing one field of one priority keeps that priority\'s other defaults and the other priorities', () => {
    const sla = slaConfigSchema.parse({ policies: { urgent: { firstResponse: '30m' } } });
    expect(sla.policies.urgent).toEqual({ firstResponse: 30 * 60_000, nextReply: 2 * HOUR, businessHours: '24x7' });
    expect(sla.policies.normal.firstResponse).toBe(6 * HOUR);
  });

  it('adding a calendar keeps the default one', () => {
    const sla = slaConfigSchema.parse({ calendars: { emea: { timeZone: 'Europe/Berlin' } } });
    expect(Object.keys(sla.calendars).sort()).toEqual(['default', 'emea']);
    expect(sla.calendars.emea!.hours).toEqual(MON_FRI_9_18);
  });

  it('the escalation and threshold options can be set', () => {
    const sla = slaConfigSchema.parse({ warningThreshold: 0.5, escalation: { shortenDueOnRepeatContact: true } });
    expect(sla.warningThreshold).toBe(0.5);
    expect(sla.escalation).toEqual({ repeatContactRaisesPriority: true, shortenDueOnRepeatContact: true });
  });
});

describe('durations', () => {
  it('reads minutes, hours, days and combinations', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('4h')).toBe(4 * HOUR);
    expect(parseDuration('1d')).toBe(24 * HOUR);
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration(' 1.5H ')).toBe(90 * 60_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('4')).toBeUndefined();
    expect(parseDuration('-4h')).toBeUndefined();
  });

  it('nonsense, zero and absurdly long targets get readable messages', () => {
    expect(problems({ policies: { high: { firstResponse: 'soon' } } })).toEqual([
      'policies.high.firstResponse: "soon" is not a duration; write it like "90m", "4h", "1d" or "1h30m"',
    ]);
    expect(problems({ policies: { low: { nextReply: '0h' } } })[0]).toMatch(/must be longer/);
    expect(problems({ policies: { low: { nextReply: '400d' } } })[0]).toMatch(/longer than a year/);
    expect(problems({ policies: { low: { nextReply: 4 } } })[0]).toMatch(/^policies\.low\.nextReply: /);
  });
});

describe('opening hours', () => {
  it('reads day ranges, day lists, wrap-around ranges, full day names and "daily"', () => {
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed')).toEqual([1, 3]);
    expect(parseDays('fri-mon')).toEqual([5, 6, 0, 1]);
    expect(parseDays('Saturday')).toEqual([6]);
    expect(parseDays('daily')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays('funday')).toMatch(/not a day/);
  });

  it('reads several ranges a day, 24:00 and "closed"', () => {
    expect(parseIntervals('09:00-12:00,13:00-18:00')).toEqual([{ start: 540, end: 720 }, { start: 780, end: 1080 }]);
    expect(parseIntervals('00:00-24:00')).toEqual([{ start: 0, end: 1440 }]);
    expect(parseIntervals('closed')).toEqual([]);
  });

  it('a calendar with lunch break and Saturday morning parses into weekday intervals', () => {
    const sla = slaConfigSchema.parse({
      calendars: { default: { hours: { 'mon-fri': '09:00-12:00,13:00-18:00', sat: '10:00-14:00', sun: 'closed' } } },
    });
    expect(sla.calendars.default!.hours).toEqual([
      [],
      ...Array.from({ length: 5 }, () => [{ start: 540, end: 720 }, { start: 780, end: 1080 }]),
      [{ start: 600, end: 840 }],
    ]);
  });

  it('explains bad hours: reversed, overlapping, impossible times, unknown days, days given twice, no hours at all', () => {
    expect(problems({ calendars: { night: { hours: { 'mon-fri': '22:00-02:00' } } } })[0]).toMatch(
      /calendars\.night\.hours\.mon-fri: "22:00-02:00" ends before it starts; overnight hours are split over two days/,
    );
    expect(problems({ calendars: { x: { hours: { sat: '09:00-12:00,11:00-13:00' } } } })[0]).toMatch(/overlap/);
    expect(problems({ calendars: { x: { hours: { sat: '09:00-25:00' } } } })[0]).toMatch(/impossible time/);
    expect(problems({ calendars: { x: { hours: { mon: '9-5' } } } })[0]).toMatch(/write it like "09:00-18:00"/);
    expect(problems({ calendars: { x: { hours: { 'mon-fri': '09:00-18:00', fri: '09:00-12:00', funday: '10:00-11:00' } } } })).toEqual([
      'calendars.x.hours.fri: friday is given twice ("mon-fri" and "fri")',
      'calendars.x.hours.funday: "funday" is not a day or day range; write days like "mon-fri", "sat", "mon,wed" or "daily"',
    ]);
    expect(problems({ calendars: { x: { hours: { 'mon-sun': 'closed' } } } })[0]).toMatch(/needs opening hours/);
  });
});

describe('holidays', () => {
  it('accepts a country, explicit closed dates and make-up working dates', () => {
    const sla = slaConfigSchema.parse({
      calendars: {
        default: {
          holidays: { country: 'cn', dates: ['2026-10-04', '2026-10-05'], workingDates: { '2026-10-10': '09:00-18:00' } },
        },
      },
    });
    expect(sla.calendars.default!.holidays).toEqual({
      country: 'CN',
      dates: ['2026-10-04', '2026-10-05'],
      workingDates: { '2026-10-10': [{ start: 540, end: 1080 }] },
    });
  });

  it('explains bad holiday settings', () => {
    expect(problems({ calendars: { default: { holidays: { country: 'China' } } } })[0]).toMatch(/two-letter ISO country code/);
    expect(problems({ calendars: { default: { holidays: { region: 'BY' } } } })[0]).toMatch(/region needs a "country"/);
    expect(problems({ calendars: { default: { holidays: { dates: ['2026-02-30'] } } } })[0]).toMatch(/expected a date like/);
    expect(problems({ calendars: { default: { holidays: { dates: ['2026-10-10'], workingDates: { '2026-10-10': '09:00-18:00' } } } } })[0]).toMatch(
      /both a closed date and a working date/,
    );
    expect(problems({ calendars: { default: { timeZone: 'Beijing' } } })[0]).toMatch(/IANA time zone/);
  });
});

describe('references between policies, teams and calendars', () => {
  it('policies and teams may name configured calendars, "24x7" and (policies) "team"', () => {
    const sla = slaConfigSchema.parse({
      calendars: { emea: { timeZone: 'Europe/Berlin' } },
      teams: { sales: 'emea' },
      policies: { high: { businessHours: '24x7' }, low: { businessHours: 'emea' } },
    });
    expect(sla.teams).toEqual({ sales: 'emea' });
    expect(sla.policies.low.businessHours).toBe('emea');
  });

  it('unknown calendar names are reported with the known ones', () => {
    expect(problems({ policies: { high: { businessHours: 'apac' } }, teams: { sales: 'emea' } })).toEqual([
      'policies.high.businessHours: unknown calendar "apac"; known: "default", "24x7", "team"',
      'teams.sales: unknown calendar "emea"; known: "default"',
    ]);
  });

  it('reserved names cannot be calendar names', () => {
    expect(problems({ calendars: { team: {} } })).toEqual(['calendars.team: "team" is reserved; choose another calendar name']);
    expect(problems({ calendars: { '24x7': {} } })).toEqual(['calendars.24x7: "24x7" is reserved; choose another calendar name']);
  });

  it('the warning threshold must be a fraction strictly between 0 and 1', () => {
    expect(problems({ warningThreshold: 1 })[0]).toMatch(/warningThreshold: must be less than 1/);
    expect(problems({ warningThreshold: 0 })[0]).toMatch(/warningThreshold: must be more than 0/);
  });

  it('unknown keys are rejected (typos do not silently fall back to defaults)', () => {
    expect(problems({ policy: {} })[0]).toMatch(/policy/);
    expect(problems({ policies: { critical: {} } })[0]).toMatch(/critical/);
  });
});

describe('JSON Schema', () => {
  it('the section can be turned into editor help, with readable defaults like "4h"', () => {
    const schema = z.toJSONSchema(slaConfigSchema, { io: 'input', unrepresentable: 'any' }) as unknown as {
      properties: { policies: { properties: { high: { properties: { firstResponse: { default: unknown; description: string } } } } } };
    };
    const firstResponse = schema.properties.policies.properties.high.properties.firstResponse;
    expect(firstResponse.default).toBe('4h');
    expect(firstResponse.description).toMatch(/first agent reply/);
  });
});
