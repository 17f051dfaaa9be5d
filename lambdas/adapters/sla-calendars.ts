import { createSlaPolicy, type SlaPolicy } from '../core/sla-policy.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { countryHolidaySource, loadCalendarsWith } from './country-holidays.js';

/** The SLA policy with calendars expanded for last, this and next year (holidays included). */
export function createSla(config: ReplylineConfig, now: Date = new Date()): SlaPolicy {
  const year = now.getUTCFullYear();
  return createSlaPolicy(config.sla, loadCalendarsWith(config, [year - 1, year, year + 1], countryHolidaySource()));
}
