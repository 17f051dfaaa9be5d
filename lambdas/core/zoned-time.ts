/**
 * Wall-clock time in an IANA time zone, with Intl only: offsets, local days, and the instant of
 * a local wall time. Local calendar days are integers (days since 1970-01-01).
 */

const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Time-zone conversion with Intl

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function checkedZone(timeZone: string): string {
  if (typeof timeZone !== 'string' || timeZone === '') throw new RangeError('business calendar: timeZone is missing');
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`business calendar: unknown time zone "${timeZone}"; expected an IANA zone such as Asia/Shanghai`);
  }
  return timeZone;
}

/** The local wall-clock time of an instant, expressed as if it were UTC milliseconds (seconds precision). */
function wallClockOf(t: number, timeZone: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(t)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime();
}

/** UTC offset (ms, local minus UTC) in force at an instant. */
function offsetAt(t: number, timeZone: string): number {
  // formatToParts is the cost of every business-time step: offsets are kept per UTC hour
  // that has one offset throughout (same at its first and last second); others are computed exactly.
  const hour = Math.floor(t / MS_PER_HOUR);
  const offsets = offsetsByHour.get(timeZone) ?? offsetsByHour.set(timeZone, new Map()).get(timeZone)!;
  let known = offsets.get(hour);
  if (known === undefined) {
    const first = exactOffsetAt(hour * MS_PER_HOUR, timeZone);
    known = first === exactOffsetAt((hour + 1) * MS_PER_HOUR - 1000, timeZone) ? first : null;
    if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
    offsets.set(hour, known);
  }
  return known ?? exactOffsetAt(t, timeZone);
}

const MS_PER_HOUR = 3_600_000;
const MAX_CACHED_HOURS = 20_000;
/** Per time zone, per UTC hour: its offset, or null when the offset changes within that hour. */
const offsetsByHour = new Map<string, Map<number, number | null>>();

function exactOffsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallClockOf(whole, timeZone) - whole;
}

export function localDayNumber(t: number, timeZone: string): number {
  return Math.floor((t + offsetAt(t, timeZone)) / MS_PER_DAY);
}

/**
 * The instant showing wall time `wall` (local time written as UTC ms). Ambiguous wall times
 * (fall-back) give the earlier instant; skipped ones (spring-forward) give the instant of the jump,
 * which keeps the mapping monotonic so an interval never has negative length.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - MS_PER_DAY, timeZone);
  const after = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = before === after ? [before] : [before, after];
  let best: number | undefined;
  for (const offset of candidates) {
    const t = wall - offset;
    if (offsetAt(t, timeZone) === offset && (best === undefined || t < best)) best = t;
  }
  if (best !== undefined) return best;
  // In a gap: find the first instant that uses the later offset (the moment the clocks jumped).
  let lo = wall - Math.max(before, after); // before the jump
  let hi = wall - Math.min(before, after); // after the jump
  const oldOffset = offsetAt(lo, timeZone);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === oldOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Local calendar days as integers (days since 1970-01-01)

export function dayKey(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parseDayKey(key: string): number | undefined {
  if (typeof key !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(ms) || dayKey(ms / MS_PER_DAY) !== key) return undefined;
  return ms / MS_PER_DAY;
}

export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
