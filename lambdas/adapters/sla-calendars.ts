import { createSlaPolicy, type SlaPolicy } from '../core/sla-policy.js';
import type { ReplylineConfig } from '../schemas/config.js';
import { loadCalendars } from './holidays.js';

/** The SLA policy with calendars expanded for last, this and next year (holidays included). */
export function createSla(config: ReplylineConfig, now: Date = new Date()): SlaPolicy {
  const year = now.getUTCFullYear();
  return createSlaPolicy(config.sla, loadCalendars(config, [year - 1, year, year + 1]));
}
