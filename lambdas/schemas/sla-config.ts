import { z } from 'zod';
import { isKnownTimeZone, TIME_ZONE_MESSAGE } from './validators.js';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_CALENDAR, TEAM_CALENDAR, type Interval, type Priority } from './vocabulary.js';

/**
 * The `sla` section of the Replyline configuration: reply-time targets per priority, the
 * business calendars they are counted in, and escalation on repeat contact.
 *
 * Human-friendly input ("4h", "mon-fri": "09:00-18:00") is parsed here into plain values
 * (milliseconds, minute intervals per weekday) for the pure core.
 */

const DURATION_UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
const MAX_DURATION_MS = 366 * 86_400_000;

/** Parses "90m", "4h", "1d", "1h30m", "1.5h" into milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+(\.\d+)?[dhms])+$/.test(compact)) return undefined;
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) total += Number(amount) * DURATION_UNITS[unit!]!;
  return Math.round(total);
}

const duration = z
  .string()
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration; write it like "90m", "4h", "1d" or "1h30m"` });
      return z.NEVER;
    }
    if (ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is zero; a reply-time target must be longer than that` });
      return z.NEVER;
    }
    if (ms > MAX_DURATION_MS) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is longer than a year; that is not a reply-time promise` });
      return z.NEVER;
    }
    return ms;
  });

const CALENDAR_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const CALENDAR_NAME_MESSAGE = 'expected a short calendar name: lowercase letters, digits and "-", starting with a letter';

/** A message when `name` cannot name a calendar of the "calendars" map. */
function calendarNameProblem(name: string): string | undefined {
  if (name === ALWAYS_OPEN_CALENDAR || name === TEAM_CALENDAR) return `"${name}" is reserved; choose another calendar name`;
  return CALENDAR_NAME.test(name) ? undefined : `"${name}": ${CALENDAR_NAME_MESSAGE}`;
}

const calendarName = z.string().regex(CALENDAR_NAME, CALENDAR_NAME_MESSAGE);

const calendarReference = z.union([z.literal(ALWAYS_OPEN_CALENDAR), z.literal(TEAM_CALENDAR), calendarName]);

const isoDate = z.string().refine(isCalendarDate, { message: 'expected a date like 2026-10-08' });

const timeZone = z.string().refine(isKnownTimeZone, { message: TIME_ZONE_MESSAGE });

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const probe = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return probe.toISOString().slice(0, 10) === text;
}

// ---- "09:00-12:00,13:00-18:00" -------------------------------------------------------------

/** Parses "09:00-12:00,13:00-18:00" (or "closed") into sorted minute intervals; a message on error. */
export function parseIntervals(text: string): Interval[] | string {
  const value = text.trim().toLowerCase();
  if (value === 'closed') return [];
  const intervals: Interval[] = [];
  for (const piece of value.split(',')) {
    const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(piece.trim());
    if (!match) return `"${piece.trim()}" is not a time range; write it like "09:00-18:00" (or "closed")`;
    const start = toMinutes(Number(match[1]), Number(match[2]));
    const end = toMinutes(Number(match[3]), Number(match[4]));
    if (start === undefined || start >= 1440) return `"${piece.trim()}" starts at an impossible time`;
    if (end === undefined) return `"${piece.trim()}" ends at an impossible time (the latest is 24:00)`;
    if (end <= start) {
      return `"${piece.trim()}" ends before it starts; overnight hours are split over two days, e.g. "fri": "22:00-24:00", "sat": "00:00-02:00"`;
    }
    intervals.push({ start, end });
  }
  intervals.sort((a, b) => a.start - b.start);
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i]!.start < intervals[i - 1]!.end) return `the time ranges in "${text}" overlap`;
  }
  return intervals;
}

function toMinutes(hour: number, minute: number): number | undefined {
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}

const intervals = z.string().transform((text, ctx): Interval[] => {
  const parsed = parseIntervals(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

// ---- "mon-fri", "sat", "mon,wed" ------------------------------------------------------------

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const LONG_DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

function dayIndex(name: string): number | undefined {
  const n = name.trim().toLowerCase();
  const index = DAY_NAMES.findIndex((d, i) => n === d || n === LONG_DAY_NAMES[i]);
  return index < 0 ? undefined : index;
}

/** "mon-fri" → [1..5], "fri-mon" → [5,6,0,1], "mon,wed" → [1,3], "daily" → all; a message on error. */
export function parseDays(spec: string): number[] | string {
  const value = spec.trim().toLowerCase();
  if (value === 'daily' || value === 'every day') return [0, 1, 2, 3, 4, 5, 6];
  const days: number[] = [];
  for (const piece of value.split(',')) {
    const [from, to, ...rest] = piece.split('-');
    const first = dayIndex(from ?? '');
    const last = to === undefined ? first : dayIndex(to);
    if (rest.length > 0 || first === undefined || last === undefined) {
      return `"${spec}" is not a day or day range; write days like "mon-fri", "sat", "mon,wed" or "daily"`;
    }
    for (let d = first; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === last) break;
    }
  }
  return days;
}

const weeklyHours = z.record(z.string(), intervals).transform((spec, ctx): Interval[][] => {
  const weekly: Interval[][] = [[], [], [], [], [], [], []];
  const givenBy = new Map<number, string>();
  for (const [daySpec, dayIntervals] of Object.entries(spec)) {
    const days = parseDays(daySpec);
    if (typeof days === 'string') {
      ctx.addIssue({ code: 'custom', path: [daySpec], message: days });
      continue;
    }
    for (const day of days) {
      const earlier = givenBy.get(day);
      if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: [daySpec], message: `${LONG_DAY_NAMES[day]} is given twice ("${earlier}" and "${daySpec}")` });
        continue;
      }
      givenBy.set(day, daySpec);
      weekly[day] = dayIntervals;
    }
  }
  return weekly;
});

// ---- calendars ------------------------------------------------------------------------------

const holidays = z
  .strictObject({
    country: z
      .string()
      .regex(/^\s*[A-Za-z]{2}\s*$/, 'expected a two-letter ISO country code such as CN, JP, DE or US')
      .transform((code) => code.trim().toUpperCase())
      .optional()
      .describe('Country whose public holidays close this calendar (ISO 3166-1 code, from the date-holidays library). Only full-day public holidays count.'),
    region: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Subdivision for regional holidays, as date-holidays names it: a state like "BY" (or "DE-BY"), optionally "BY/A" for a finer region.'),
    dates: z
      .array(isoDate)
      .default([])
      .describe('Extra closed dates (local), e.g. the rest of China\'s National Day week or company days off: ["2026-10-04", "2026-10-05"].'),
    workingDates: z
      .record(isoDate, intervals)
      .default({})
      .describe('Dates open with these hours whatever the weekday or holidays say, e.g. make-up working Saturdays (调休): {"2026-10-10": "09:00-18:00"}; also usable for short days.'),
  })
  .superRefine((value, ctx) => {
    if (value.region && !value.country) ctx.addIssue({ code: 'custom', path: ['region'], message: 'a region needs a "country"' });
    value.dates.forEach((date, index) => {
      if (value.workingDates[date]) {
        ctx.addIssue({ code: 'custom', path: ['dates', index], message: `${date} is both a closed date and a working date` });
      }
    });
    for (const [date, hours] of Object.entries(value.workingDates)) {
      if (hours.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['workingDates', date], message: `list closed days under "dates", not as a "closed" working date` });
      }
    }
  })
  .prefault({});

const calendar = z
  .strictObject({
    timeZone: timeZone.optional().describe('Time zone of these hours and dates; defaults to the top-level "timeZone".'),
    hours: weeklyHours
      .prefault({ 'mon-fri': '09:00-18:00' })
      .describe(
        'Opening hours per day, local time: keys are days ("mon-fri", "sat", "mon,wed", "daily"), values are ranges ("09:00-18:00", "09:00-12:00,13:00-18:00", "00:00-24:00") or "closed". Days not listed are closed.',
      ),
    holidays: holidays.describe('Days the calendar is closed (public holidays, extra dates) or additionally open.'),
  })
  .superRefine((value, ctx) => {
    if (value.hours.every((day) => day.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'a calendar needs opening hours on at least one weekday (use "24x7" for always open)' });
    }
  });


// ---- policies -------------------------------------------------------------------------------

function policy(defaults: { firstResponse: string; nextReply: string; businessHours: string }, priority: Priority) {
  return z
    .strictObject({
      firstResponse: duration
        .prefault(defaults.firstResponse)
        .describe(`Time to the first agent reply on a new thread of priority ${priority}, e.g. "4h", "90m", "1d" (1d = 24 hours of business time, not one working day).`),
      nextReply: duration
        .prefault(defaults.nextReply)
        .describe(`Time to answer a customer's reply on a thread of priority ${priority} after we have answered before.`),
      businessHours: calendarReference
        .default(defaults.businessHours)
        .describe(`Calendar the ${priority} targets are counted in: a name from "calendars", "${ALWAYS_OPEN_CALENDAR}" (every minute counts) or "${TEAM_CALENDAR}" (the team's calendar, else "default").`),
    })
    .prefault({});
}

const policies = z
  .strictObject({
    urgent: policy({ firstResponse: '1h', nextReply: '2h', businessHours: ALWAYS_OPEN_CALENDAR }, 'urgent'),
    high: policy({ firstResponse: '4h', nextReply: '4h', businessHours: TEAM_CALENDAR }, 'high'),
    normal: policy({ firstResponse: '6h', nextReply: '8h', businessHours: TEAM_CALENDAR }, 'normal'),
    low: policy({ firstResponse: '24h', nextReply: '24h', businessHours: TEAM_CALENDAR }, 'low'),
  })
  .prefault({});

const escalation = z
  .strictObject({
    repeatContactRaisesPriority: z
      .boolean()
      .default(true)
      .describe('A customer writing again before any answer raises the thread\'s priority one step (recorded with a reason).'),
    shortenDueOnRepeatContact: z
      .boolean()
      .default(false)
      .describe('On such a repeat contact, also move the due time earlier if the raised priority\'s target, counted from the new mail, ends sooner.'),
  })
  .prefault({});

export const slaConfigSchema = z
  .strictObject({
    policies: policies.describe('Reply-time targets per priority.'),
    warningThreshold: z
      .number()
      .gt(0, 'must be more than 0 (a fraction of the target, e.g. 0.8)')
      .lt(1, 'must be less than 1 (a fraction of the target, e.g. 0.8)')
      .default(0.8)
      .describe('Raise an "SLA Warning" once this fraction of a target\'s business time has elapsed.'),
    calendars: z
      .record(z.string(), calendar)
      .prefault({})
      .transform((calendars) => (calendars[DEFAULT_CALENDAR] ? calendars : { [DEFAULT_CALENDAR]: calendar.parse({}), ...calendars }))
      .describe(
        `Named business calendars. "${DEFAULT_CALENDAR}" (Mon–Fri 09:00–18:00, no holidays unless configured) always exists; "${ALWAYS_OPEN_CALENDAR}" is built in.`,
      ),
    teams: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a team id (a key of "teams")'), calendarName)
      .default({})
      .describe('Business calendar per team id, e.g. {"sales": "emea"}; teams not listed use "default".'),
    escalation: escalation.describe('What happens when a customer writes again while still unanswered.'),
  })
  .superRefine((config, ctx) => {
    for (const name of Object.keys(config.calendars)) {
      const problem = calendarNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', path: ['calendars', name], message: problem });
    }
    const known = Object.keys(config.calendars).filter((name) => !calendarNameProblem(name));
    const knownList = [...known, ALWAYS_OPEN_CALENDAR, TEAM_CALENDAR].map((n) => `"${n}"`).join(', ');
    for (const [priority, target] of Object.entries(config.policies)) {
      const name = target.businessHours;
      if (name !== ALWAYS_OPEN_CALENDAR && name !== TEAM_CALENDAR && !config.calendars[name]) {
        ctx.addIssue({ code: 'custom', path: ['policies', priority, 'businessHours'], message: `unknown calendar "${name}"; known: ${knownList}` });
      }
    }
    for (const [teamId, name] of Object.entries(config.teams)) {
      if (!config.calendars[name]) {
        ctx.addIssue({ code: 'custom', path: ['teams', teamId], message: `unknown calendar "${name}"; known: ${known.map((n) => `"${n}"`).join(', ')}` });
      }
    }
  });

export type SlaConfig = z.output<typeof slaConfigSchema>;
export type SlaConfigInput = z.input<typeof slaConfigSchema>;
export type CalendarConfig = SlaConfig['calendars'][string];
export type HolidayConfig = CalendarConfig['holidays'];

