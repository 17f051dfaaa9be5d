import type { Interval } from '../schemas/vocabulary.js';
import { checkedZone, localDayNumber, wallToInstant, dayKey, parseDayKey, weekdayOf } from './zoned-time.js';
/**
 * Business-time arithmetic: "4 hours of open time after this mail arrived" as an instant.
 *
 * Pure: no clock reads, no I/O. Time-zone conversion uses `Intl.DateTimeFormat` only.
 *
 * Model: a calendar lists, per local date, the local open intervals (minutes since local
 * midnight). Each interval is converted to a pair of instants, so elapsed open time is
 * always real elapsed time (a 24x7 Berlin day is 23 h on the spring-forward Sunday and
 * 25 h on the fall-back Sunday). Local wall times that do not exist (the skipped hour)
 * map to the instant of the jump; wall times that occur twice map to the first occurrence.
 * Calendars are treated as immutable once used (their validation is cached).
 */


/** Open intervals per weekday, index 0 = Sunday … 6 = Saturday (an empty list = closed all day). */
type WeeklyHours = readonly (readonly Interval[])[];

export interface BusinessCalendar {
  /** IANA time zone the hours and dates are local to, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  readonly weekly: WeeklyHours;
  /** Local dates ('YYYY-MM-DD') closed all day: public holidays, company days off. */
  readonly closedDates: ReadonlySet<string>;
  /**
   * Local dates ('YYYY-MM-DD') whose hours replace the weekly hours (and win over `closedDates`):
   * make-up working days such as China's 调休 Saturdays, or short days like 09:00–12:00.
   */
  readonly extraOpenDates: ReadonlyMap<string, readonly Interval[]>;
}

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Give up after this many consecutive days without any open time. */
const MAX_CLOSED_RUN_DAYS = 3_660;
/** Give up after scanning this many days in total (about a century). */
const MAX_SCAN_DAYS = 36_525;

/** Open all day, every day. */
export const ALWAYS_OPEN_WEEK: WeeklyHours = Object.freeze(
  Array.from({ length: 7 }, () => Object.freeze([Object.freeze({ start: 0, end: MINUTES_PER_DAY })])),
);

/** A 24x7 calendar (no holidays). The zone only matters for `isOpen`-style questions, never for durations. */
export function alwaysOpenCalendar(timeZone = 'UTC'): BusinessCalendar {
  return { timeZone, weekly: ALWAYS_OPEN_WEEK, closedDates: new Set(), extraOpenDates: new Map() };
}

/**
 * The instant at which `durationMs` of open time has elapsed after `start`.
 * Counting starts at `start` if the calendar is open then, otherwise at the next opening.
 * A zero duration returns `start`. Throws if the calendar never accumulates that much open time.
 */
export function addBusinessTime(start: Date, durationMs: number, calendar: BusinessCalendar): Date {
  const from = instantOf(start, 'start');
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`addBusinessTime: duration must be a finite number of milliseconds >= 0, got ${durationMs}`);
  }
  let remaining = Math.round(durationMs);
  if (remaining === 0) return new Date(from);
  const cal = prepare(calendar);
  const startDay = localDayNumber(from, cal.timeZone);
  for (const [s, e] of openSpans(cal, startDay - 1, from)) {
    if (e <= from) continue;
    const begin = Math.max(s, from);
    const available = e - begin;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
  }
  /* c8 ignore next */
  throw new Error('addBusinessTime: unreachable');
}

/** Milliseconds of open time in [start, end); 0 when end <= start. */
export function businessTimeBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  const from = instantOf(start, 'start');
  const to = instantOf(end, 'end');
  if (to <= from) return 0;
  const cal = prepare(calendar);
  const lastDay = localDayNumber(to, cal.timeZone) + 1;
  let total = 0;
  for (let day = localDayNumber(from, cal.timeZone) - 1; day <= lastDay; day++) {
    for (const [s, e] of spansOfDay(cal, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Whether the calendar is open at this instant (intervals include their start, exclude their end). */
export function isOpen(at: Date, calendar: BusinessCalendar): boolean {
  const t = instantOf(at, 'at');
  const cal = prepare(calendar);
  const day = localDayNumber(t, cal.timeZone);
  for (let d = day - 1; d <= day + 1; d++) {
    for (const [s, e] of spansOfDay(cal, d)) if (s <= t && t < e) return true;
  }
  return false;
}

/** `at` itself when open, otherwise the start of the next open interval. Throws if there is none. */
export function nextOpening(at: Date, calendar: BusinessCalendar): Date {
  const t = instantOf(at, 'at');
  const cal = prepare(calendar);
  for (const [s, e] of openSpans(cal, localDayNumber(t, cal.timeZone) - 1, t)) {
    if (e > t) return new Date(Math.max(s, t));
  }
  /* c8 ignore next */
  throw new Error('nextOpening: unreachable');
}

/** The local calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return dayKey(localDayNumber(instantOf(at, 'at'), checkedZone(timeZone)));
}

/**
 * The instant of a local wall time ('YYYY-MM-DD', minutes since midnight, up to 1440) in a zone.
 * Skipped wall times map to the instant of the jump, repeated ones to their first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const day = parseDayKey(date);
  if (day === undefined) throw new RangeError(`zonedInstant: expected a date like 2026-10-08, got "${date}"`);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`zonedInstant: minutes must be within 0..1440, got ${minutes}`);
  }
  return new Date(wallToInstant(day * MS_PER_DAY + minutes * MS_PER_MINUTE, checkedZone(timeZone)));
}

// ---------------------------------------------------------------------------------------------
// Calendar preparation (validated once per calendar object)

interface PreparedCalendar {
  readonly timeZone: string;
  readonly weekly: readonly (readonly Interval[])[];
  readonly closedDates: ReadonlySet<string>;
  readonly extra: ReadonlyMap<string, readonly Interval[]>;
  readonly weeklyOpen: boolean;
  /** Last local day number with extra open hours (or -Infinity). */
  readonly lastExtraDay: number;
}

const prepared = new WeakMap<BusinessCalendar, PreparedCalendar>();

function prepare(calendar: BusinessCalendar): PreparedCalendar {
  const cached = prepared.get(calendar);
  if (cached) return cached;
  if (!calendar || typeof calendar !== 'object') throw new TypeError('business calendar: expected a calendar object');
  const timeZone = checkedZone(calendar.timeZone);
  if (!Array.isArray(calendar.weekly) || calendar.weekly.length !== 7) {
    throw new RangeError('business calendar: "weekly" must list 7 days (index 0 = Sunday … 6 = Saturday)');
  }
  const weekly = calendar.weekly.map((intervals, index) => normalizeIntervals(intervals, `weekly[${index}]`));
  for (const date of calendar.closedDates) {
    if (parseDayKey(date) === undefined) throw new RangeError(`business calendar: closed date "${date}" is not a date like 2026-10-01`);
  }
  const extra = new Map<string, readonly Interval[]>();
  let lastExtraDay = Number.NEGATIVE_INFINITY;
  for (const [date, intervals] of calendar.extraOpenDates) {
    const day = parseDayKey(date);
    if (day === undefined) throw new RangeError(`business calendar: extra open date "${date}" is not a date like 2026-10-10`);
    const normalized = normalizeIntervals(intervals, `extraOpenDates["${date}"]`);
    extra.set(date, normalized);
    if (normalized.length > 0) lastExtraDay = Math.max(lastExtraDay, day);
  }
  const result: PreparedCalendar = {
    timeZone,
    weekly,
    closedDates: calendar.closedDates,
    extra,
    weeklyOpen: weekly.some((intervals) => intervals.length > 0),
    lastExtraDay,
  };
  prepared.set(calendar, result);
  return result;
}

/** Validates, sorts and merges overlapping or touching intervals. */
function normalizeIntervals(intervals: readonly Interval[], where: string): readonly Interval[] {
  if (!Array.isArray(intervals)) throw new TypeError(`business calendar: ${where} must be a list of intervals`);
  for (const interval of intervals) {
    const { start, end } = interval ?? ({} as Interval);
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end > MINUTES_PER_DAY || start >= end) {
      throw new RangeError(
        `business calendar: ${where} has an invalid interval ${JSON.stringify(interval)}; expected 0 <= start < end <= 1440 minutes`,
      );
    }
  }
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else merged.push({ start, end });
  }
  return merged;
}

function hoursOn(cal: PreparedCalendar, day: number): readonly Interval[] {
  const key = dayKey(day);
  const extra = cal.extra.get(key);
  if (extra) return extra;
  if (cal.closedDates.has(key)) return [];
  return cal.weekly[weekdayOf(day)]!;
}

/** The open intervals of one local day as [startMs, endMs) instant pairs (empty ones dropped). */
function spansOfDay(cal: PreparedCalendar, day: number): Array<[number, number]> {
  const hours = hoursOn(cal, day);
  const spans: Array<[number, number]> = [];
  const midnight = day * MS_PER_DAY;
  for (const { start, end } of hours) {
    const s = wallToInstant(midnight + start * MS_PER_MINUTE, cal.timeZone);
    const e = wallToInstant(midnight + end * MS_PER_MINUTE, cal.timeZone);
    if (e > s) spans.push([s, e]);
  }
  return spans;
}

/**
 * Open spans from local day `firstDay` on, forever, in time order. Closed days cost a map lookup,
 * no time-zone conversion. Throws when the calendar has no open time left.
 */
function* openSpans(cal: PreparedCalendar, firstDay: number, from: number): Generator<[number, number]> {
  let closedRun = 0;
  for (let day = firstDay, scanned = 0; ; day++, scanned++) {
    if (!cal.weeklyOpen && day > cal.lastExtraDay) {
      throw new Error(
        `business calendar (${cal.timeZone}) has no open time after ${new Date(from).toISOString()}: ` +
          'its weekly hours are closed every day and no later extra open date exists; give it opening hours',
      );
    }
    if (closedRun > MAX_CLOSED_RUN_DAYS || scanned > MAX_SCAN_DAYS) {
      throw new Error(
        `business calendar (${cal.timeZone}) has no open time for ${closedRun > MAX_CLOSED_RUN_DAYS ? `${closedRun} consecutive days` : 'a century'} ` +
          `after ${new Date(from).toISOString()}; check its hours and closed dates`,
      );
    }
    if (hoursOn(cal, day).length === 0) {
      closedRun++;
      continue;
    }
    closedRun = 0;
    yield* spansOfDay(cal, day);
  }
}

function instantOf(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`business time: "${name}" must be a valid Date`);
  return t;
}
