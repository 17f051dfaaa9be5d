import { ALWAYS_OPEN_WEEK, type BusinessCalendar } from '../core/business-time.js';
import { ALWAYS_OPEN_CALENDAR, type Interval } from '../schemas/vocabulary.js';
import type { CalendarConfig, HolidayConfig, SlaConfig } from '../schemas/sla-config.js';

/**
 * Business calendars from the `sla.calendars` config, without the date-holidays library.
 * Country holidays come from a `CountryHolidays` source: in a Lambda, the dates resolved
 * at synth and bundled (`__REPLYLINE_HOLIDAYS__`, see lib/lambda-bundling.ts), which keeps
 * date-holidays and its time-zone data (a third of the ingest bundle's load time) out of
 * every function; in local mode and tests, date-holidays itself (holidays.ts registers it).
 */

/** Local dates ('YYYY-MM-DD') of a country's (and region's) full-day public holidays in the given years. */
type CountryHolidays = (country: string, region: string | undefined, years: readonly number[]) => string[];

/** Holiday dates resolved at synth for each configured country and region, over a span of years. */
export interface BundledHolidays {
  firstYear: number;
  lastYear: number;
  /** By `holidayKey(country, region)`. */
  dates: Record<string, string[]>;
}

export const holidayKey = (country: string, region: string | undefined) => `${country.trim().toUpperCase()}/${(region ?? '').trim().toUpperCase()}`;

declare const __REPLYLINE_HOLIDAYS__: string | undefined;

let registered: CountryHolidays | undefined;

/** Makes `source` the country-holiday source of this process (holidays.ts registers date-holidays when loaded). */
export function useCountryHolidays(source: CountryHolidays): void {
  registered = source;
}

/** The source of country holidays in this process: date-holidays when loaded, else the bundled dates. */
export function countryHolidaySource(warn: (message: string) => void = console.warn): CountryHolidays {
  if (registered) return registered;
  if (typeof __REPLYLINE_HOLIDAYS__ === 'string') return bundledCountryHolidays(JSON.parse(__REPLYLINE_HOLIDAYS__) as BundledHolidays, warn);
  return (country) => {
    throw new Error(`holiday country ${country}: its holidays were neither bundled at synth (lib/lambda-bundling.ts) nor can date-holidays expand them here (import lambdas/adapters/holidays.js)`);
  };
}

/** Country holidays from dates resolved at synth; years outside that span have none (with one warning: redeploy). */
export function bundledCountryHolidays(bundle: BundledHolidays, warn: (message: string) => void): CountryHolidays {
  let warned = false;
  return (country, region, years) => {
    const dates = bundle.dates[holidayKey(country, region)];
    if (!dates) throw new Error(`holiday country ${country}${region ? ` region ${region}` : ''} was not resolved at synth; redeploy with this configuration`);
    const missing = years.filter((year) => year < bundle.firstYear || year > bundle.lastYear);
    if (missing.length && !warned) {
      warned = true;
      warn(`public holidays were resolved at deploy for ${bundle.firstYear}–${bundle.lastYear}; ${missing.join(', ')} has none until the stack is redeployed`);
    }
    return dates.filter((date) => years.includes(Number(date.slice(0, 4))));
  };
}

/** One business calendar from its config; `defaultTimeZone` is the top-level `timeZone`. */
export function buildCalendarWith(calendar: CalendarConfig, defaultTimeZone: string, years: readonly number[], countryHolidays: CountryHolidays): BusinessCalendar {
  return {
    timeZone: calendar.timeZone ?? defaultTimeZone,
    weekly: calendar.hours,
    closedDates: new Set([...holidaysOf(calendar.holidays, years, countryHolidays), ...calendar.holidays.dates]),
    extraOpenDates: new Map<string, Interval[]>(Object.entries(calendar.holidays.workingDates)),
  };
}

/** The config fields `loadCalendars` reads (the main Replyline config once `sla` is wired in). */
export interface CalendarSource {
  timeZone: string;
  sla: Pick<SlaConfig, 'calendars'>;
}

/** Every configured calendar by name, plus the always-open `24x7` calendar; errors name the calendar. */
export function loadCalendarsWith(config: CalendarSource, years: readonly number[], countryHolidays: CountryHolidays): Map<string, BusinessCalendar> {
  const calendars = new Map<string, BusinessCalendar>();
  for (const [name, calendar] of Object.entries(config.sla.calendars)) {
    try {
      calendars.set(name, buildCalendarWith(calendar, config.timeZone, years, countryHolidays));
    } catch (error) {
      throw new Error(`sla.calendars.${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  calendars.set(ALWAYS_OPEN_CALENDAR, { timeZone: config.timeZone, weekly: ALWAYS_OPEN_WEEK, closedDates: new Set(), extraOpenDates: new Map() });
  return calendars;
}

function holidaysOf(holidays: HolidayConfig, years: readonly number[], countryHolidays: CountryHolidays): string[] {
  return holidays.country ? countryHolidays(holidays.country, holidays.region, years) : [];
}
