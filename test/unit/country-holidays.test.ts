import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { addBusinessTime } from '../../lambdas/core/business-time.js';
import { bundledCountryHolidays, loadCalendarsWith } from '../../lambdas/adapters/country-holidays.js';
import { loadCalendars, publicHolidayDates, resolveHolidays } from '../../lambdas/adapters/holidays.js';
import { esbuildOptionsOf, handlerEntry, lambdaBundling } from '../../lib/lambda-bundling.js';
import { exampleConfig } from '../support/fixtures.js';

const config = { timeZone: 'Asia/Shanghai', sla: { calendars: { china: { hours: exampleConfig.sla.calendars.default!.hours, holidays: { country: 'CN', dates: [], workingDates: {} } }, bavaria: { hours: exampleConfig.sla.calendars.default!.hours, holidays: { country: 'DE', region: 'BY', dates: [], workingDates: {} } } } } };

describe('country holidays resolved at synth and bundled', () => {
  const bundle = resolveHolidays(config, 2025, 2036);

  it('gives a function the same closed dates as date-holidays, for every bundled year', () => {
    const bundled = bundledCountryHolidays(bundle, () => undefined);
    for (const year of [2025, 2026, 2031, 2036]) {
      expect(bundled('CN', undefined, [year])).toEqual(publicHolidayDates('CN', undefined, [year]));
      expect(bundled('de', 'by', [year])).toEqual(publicHolidayDates('DE', 'BY', [year]));
    }
  });

  it('computes the same promised reply time over China\'s National Day as date-holidays does', () => {
    const years = [2025, 2026, 2027];
    const withBundle = loadCalendarsWith(config, years, bundledCountryHolidays(bundle, () => undefined)).get('china')!;
    const withLibrary = loadCalendars(config, years).get('china')!;
    const eve = new Date('2026-09-30T09:00:00Z'); // 17:00 in Shanghai, the eve of 1 October
    const due = addBusinessTime(eve, 6 * 3_600_000, withBundle);
    expect(due).toEqual(addBusinessTime(eve, 6 * 3_600_000, withLibrary));
    expect(due.getTime()).toBeGreaterThan(Date.parse('2026-10-04T00:00:00+08:00')); // not on the holidays 1–3 October
  });

  it('warns once, naming the span, when a year past it is asked for (the stack needs a redeploy)', () => {
    const warnings: string[] = [];
    const bundled = bundledCountryHolidays(bundle, (message) => warnings.push(message));
    expect(bundled('CN', undefined, [2037, 2038])).toEqual([]);
    bundled('CN', undefined, [2039]);
    expect(warnings).toEqual(['public holidays were resolved at deploy for 2025–2036; 2037, 2038 has none until the stack is redeployed']);
  });

  it('refuses a country that was not resolved at synth rather than ignoring its holidays', () => {
    expect(() => bundledCountryHolidays(bundle, () => undefined)('JP', undefined, [2026])).toThrow(/JP was not resolved at synth/);
  });

  it('keeps date-holidays out of the ingest bundle', async () => {
    const result = await build({ ...esbuildOptionsOf(lambdaBundling(exampleConfig, 2026), handlerEntry('ingest'), '/tmp/replyline-ingest-check.js'), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.some((path) => path.includes('/date-holidays/'))).toBe(false);
    expect(inputs.some((path) => path.includes('/moment-timezone/'))).toBe(false);
    expect(inputs.some((path) => path.includes('lambdas/adapters/country-holidays.ts'))).toBe(true);
  }, 60_000);
});
