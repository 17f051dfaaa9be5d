import Holidays from 'date-holidays';
import type { BusinessCalendar } from '../core/business-time.js';
import type { CalendarConfig } from '../schemas/sla-config.js';
import { buildCalendarWith, holidayKey, loadCalendarsWith, useCountryHolidays, type BundledHolidays, type CalendarSource } from './country-holidays.js';

export type { CalendarSource } from './country-holidays.js';

/**
 * Turns the parsed `sla.calendars` config into `BusinessCalendar` values for the core,
 * expanding country holidays with the date-holidays library. No clock reads: the caller
 * passes the years to expand (e.g. the current year ±1) and reloads when they run out.
 */

const MS_PER_DAY = 86_400_000;

/**
 * date-holidays marks some full-day public holidays as applying to one group only in a free-text
 * `note` (CN Children's Day: "Children below the age of 14"; MG: "only for women", "For Muslim").
 * Offices stay open on those days, so they do not close a business calendar.
 */
const GROUP_ONLY_NOTE = /^(only for\b|for muslims?\b|for all persons belonging\b|children below\b)/i;

/**
 * Local dates ('YYYY-MM-DD') of the full-day public holidays of a country (and optional
 * subdivision) in the given years. Partial holidays (starting after 00:00, such as CN
 * Women's Day from 12:00 for some groups) and non-public ones (bank, observance, school,
 * optional) are left out, as are holidays for one group only (see GROUP_ONLY_NOTE).
 * Throws on an unknown country or region.
 */
export function publicHolidayDates(country: string, region: string | undefined, years: readonly number[]): string[] {
  const holidays = holidaysFor(country, region);
  const dates = new Set<string>();
  for (const year of years) {
    if (!Number.isInteger(year)) throw new RangeError(`holidays: expected whole years, got ${year}`);
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      // `date` is local to the country: "YYYY-MM-DD hh:mm:ss [-hh:mm]".
      if (!/^\d{4}-\d{2}-\d{2} 00:00:00/.test(holiday.date)) continue;
      const note: unknown = (holiday as { note?: unknown }).note;
      if (typeof note === 'string' && GROUP_ONLY_NOTE.test(note)) continue;
      // Multi-day rules span several local days; DST may make a day 23 or 25 hours long.
      const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
      const first = Date.UTC(Number(holiday.date.slice(0, 4)), Number(holiday.date.slice(5, 7)) - 1, Number(holiday.date.slice(8, 10)));
      for (let i = 0; i < days; i++) dates.add(new Date(first + i * MS_PER_DAY).toISOString().slice(0, 10));
    }
  }
  return [...dates].sort();
}

/** One business calendar from its config, country holidays expanded by date-holidays. */
export function buildCalendar(calendar: CalendarConfig, defaultTimeZone: string, years: readonly number[]): BusinessCalendar {
  return buildCalendarWith(calendar, defaultTimeZone, years, publicHolidayDates);
}

/**
 * Every configured calendar by name, plus the always-open `24x7` calendar. Throws an Error
 * naming the calendar when its holiday country or region is unknown to date-holidays.
 */
export function loadCalendars(config: CalendarSource, years: readonly number[]): Map<string, BusinessCalendar> {
  return loadCalendarsWith(config, years, publicHolidayDates);
}

/** Each configured holiday country and region resolved to dates over `firstYear`–`lastYear`, for bundling into the functions. */
export function resolveHolidays(config: CalendarSource, firstYear: number, lastYear: number): BundledHolidays {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
  const dates: Record<string, string[]> = {};
  for (const calendar of Object.values(config.sla.calendars)) {
    const { country, region } = calendar.holidays;
    if (country) dates[holidayKey(country, region)] ??= publicHolidayDates(country, region, years);
  }
  return { firstYear, lastYear, dates };
}

// A process that loads this module (CDK synth, local mode, tests) expands holidays itself; Lambdas use the bundled dates.
useCountryHolidays(publicHolidayDates);

const instances = new Map<string, Holidays>();

function holidaysFor(country: string, region: string | undefined): Holidays {
  const code = country.trim().toUpperCase();
  const [state, subRegion] = splitRegion(code, region);
  const key = [code, state, subRegion].join('/');
  const cached = instances.get(key);
  if (cached) return cached;

  const catalogue = new Holidays();
  const countries = catalogue.getCountries('en');
  if (!countries[code]) throw new Error(`unknown holiday country "${country}"; expected an ISO code date-holidays knows, such as CN, JP, DE or US`);
  if (state) {
    const states = catalogue.getStates(code, 'en') ?? {};
    if (!states[state]) {
      throw new Error(`unknown holiday region "${region}" for ${code}; known: ${Object.keys(states).join(', ') || 'none (this country has no regions)'}`);
    }
    if (subRegion) {
      const regions = catalogue.getRegions(code, state, 'en') ?? {};
      if (!regions[subRegion]) {
        throw new Error(`unknown holiday region "${region}" for ${code}; regions of ${state}: ${Object.keys(regions).join(', ') || 'none'}`);
      }
    }
  }
  const holidays = subRegion ? new Holidays(code, state!, subRegion) : state ? new Holidays(code, state) : new Holidays(code);
  instances.set(key, holidays);
  return holidays;
}

/** "BY" → [BY], "DE-BY" → [BY], "BY/A" → [BY, A]. */
function splitRegion(country: string, region: string | undefined): [string | undefined, string | undefined] {
  if (!region) return [undefined, undefined];
  let value = region.trim().toUpperCase();
  if (value.startsWith(`${country}-`)) value = value.slice(country.length + 1);
  const [state, subRegion] = value.split('/').map((part) => part.trim());
  return [state || undefined, subRegion || undefined];
}
