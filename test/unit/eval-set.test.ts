import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../tools/dev/eval.js';
import { EVAL_HALVES, evaluateSet, formatSetReport, type HalfReport } from '../../tools/dev/eval-set.js';
import { parseClassificationConfig } from '../../lambdas/schemas/classification-config.js';

const NO_RULES = parseClassificationConfig({ rules: [] });
/** Languages with the full set (at least 60 mails, both halves); it, nl and ru have smaller ones. */
const FULL = ['en', 'zh', 'ja', 'ko', 'de', 'fr', 'es', 'pt'];

describe('the project evaluation set', () => {
  let reports: HalfReport[];
  // Classifying the whole set (hundreds of mails, every lexicon compiled) takes seconds on a loaded machine.
  beforeAll(() => {
    reports = evaluateSet({ halves: EVAL_HALVES, rules: NO_RULES });
  }, 120_000);

  it('has a tuning and a held-out half for every language, at least 60 mails for each of en, zh, ja, ko, de, fr, es, pt', () => {
    const tuning = readdirSync('eval/tuning').sort();
    expect(readdirSync('eval/held-out').sort()).toEqual(tuning);
    for (const language of FULL) {
      const mails = EVAL_HALVES.map((half) => parseCsv(readFileSync(`eval/${half}/${language}.csv`, 'utf8')).length - 1);
      expect({ language, enough: mails[0]! + mails[1]! >= 60 && Math.min(...mails) >= 30 }).toEqual({ language, enough: true });
    }
  });

  it('is labelled with a category, a priority and the language of every mail, across the whole priority range', () => {
    const report = reports.find((entry) => entry.half === 'held-out');
    const priorities = new Set(report!.rows.map((row) => row.expected.priority));
    expect([...priorities].sort()).toEqual(['high', 'low', 'normal', 'urgent']);
    for (const row of report!.rows) expect(row.expected.language).toBe(row.file.match(/(\w+)\.csv$/)![1]);
  });

  it('detects the language of at least 98 % of the mails in each half', () => {
    for (const report of reports) {
      expect({ half: report.half, ok: report.overall.languageAccuracy >= 0.98 }).toEqual({ half: report.half, ok: true });
    }
  });

  it('prints one row per language and an overall row for each half, and lists misses only when asked', () => {
    const german = evaluateSet({ halves: ['tuning'], language: 'de', rules: NO_RULES });
    const text = formatSetReport(german);
    expect(text).toContain('tuning half');
    expect(text.split('\n').filter((line) => /^(de|all)\s+\d+/.test(line))).toHaveLength(2);
    expect(text).not.toContain('eval/tuning/de.csv:');
    const misses = formatSetReport(german, { misses: true });
    const listed = misses.split('\n').filter((line) => line.startsWith('eval/tuning/de.csv:'));
    const wrong = german[0]!.rows.filter((row) => row.expected.category !== row.predicted.category || row.expected.priority !== row.predicted.priority);
    expect(listed).toHaveLength(wrong.length);
  });
});
