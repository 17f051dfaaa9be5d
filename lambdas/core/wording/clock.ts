import type { Moment, Wording } from './types.js';

/** Building an Intl.DateTimeFormat costs far more than formatting with one: each is built once. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/** The wall clock of `at` in `timeZone` as numbers (locale-independent). */
function wallClock(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = dateFormat('en-US', timeZone, WALL_CLOCK).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((piece) => piece.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour') % 24, minute: field('minute'), second: field('second') };
}

/** The zone's offset from UTC at that instant, in minutes (+480 for Shanghai, −300 for New York in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** A UTC offset a Date header can carry (−12:00 … +14:00, whole minutes); anything else is not used. */
export function isUsableOffset(minutes: number | undefined): minutes is number {
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= -12 * 60 && minutes <= 14 * 60;
}

/** "UTC+9", "UTC−3:30", "UTC+5:30", "UTC" (with a real minus sign, as printed offsets use). */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '\u2212';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * The instant as the clock in `timeZone` shows it, formatted for `wording`. A
 * customer's clock is given as an offset: Node cannot format arbitrary offsets as
 * Intl zones reliably, so the instant is shifted by the offset and read in UTC.
 */
export function momentIn(at: Date, timeZone: string, wording: Wording): Moment {
  const part = (options: Intl.DateTimeFormatOptions) => dateFormat(wording.locale, timeZone, options).format(at);
  const wall = wallClock(at, timeZone);
  const day = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  return {
    hour: wall.hour,
    minute: wall.minute,
    weekday: part({ weekday: 'long' }),
    weekdayShort: part({ weekday: 'short' }),
    dayMonth: part({ day: 'numeric', month: 'long' }),
    date: part({ weekday: 'long', day: 'numeric', month: 'long' }),
    time: wording.clock ? wording.clock(wall.hour, wall.minute) : part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    day,
  };
}

export function momentAtOffset(at: Date, offsetMinutes: number, wording: Wording): Moment {
  return momentIn(new Date(at.getTime() + offsetMinutes * 60_000), 'UTC', wording);
}

/** The locale's own long name of the zone ("Central European Standard Time"), for zones without a familiar name. */
export function zoneLongName(at: Date, timeZone: string, locale: string): string {
  const parts = dateFormat(locale, timeZone, { timeZoneName: 'long' }).formatToParts(at);
  return parts.find((piece) => piece.type === 'timeZoneName')?.value ?? timeZone;
}
