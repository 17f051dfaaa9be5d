import { renderReason, type ReasonCode } from '../../lambdas/schemas/reasons.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassificationConfig } from '../../lambdas/schemas/classification-config.js';
import { balancedAccuracy, EvalError, evaluateCsv, type ScoredRow } from './eval.js';

/**
 * The project's own evaluation set: `eval/tuning/<lang>.csv` (lexicons are tuned on it) and
 * `eval/held-out/<lang>.csv` (never looked at while tuning; its figures are the ones to
 * trust). `replyline eval` without a file prints one table per half, a row per language.
 */
const EVAL_DIR = 'eval';
export const EVAL_HALVES = ['tuning', 'held-out'] as const;
type EvalHalf = (typeof EVAL_HALVES)[number];

interface LanguageFigures {
  language: string;
  mails: number;
  /** `core`: balanced accuracy over the mails about refund, billing, technical or sales, the categories most tickets are about. */
  category: { accuracy: number; balancedAccuracy: number; core: number };
  priority: { accuracy: number; balancedAccuracy: number; n: number };
  /** Share of mails whose detected language is the labelled one. */
  languageAccuracy: number;
}

export interface HalfReport {
  half: EvalHalf;
  byLanguage: LanguageFigures[];
  overall: LanguageFigures;
  rows: Array<ScoredRow & { file: string }>;
}

interface EvalSetOptions {
  halves: readonly EvalHalf[];
  language?: string;
  rules: ClassificationConfig;
  root?: string;
}

export function evaluateSet(options: EvalSetOptions): HalfReport[] {
  const root = options.root ?? EVAL_DIR;
  return options.halves.map((half) => {
    const dir = join(root, half);
    let files: string[];
    try {
      files = readdirSync(dir).filter((name) => name.endsWith('.csv')).sort();
    } catch {
      throw new EvalError(`${dir}: no evaluation set there (expected ${dir}/<language>.csv files)`);
    }
    if (options.language) files = files.filter((name) => name === `${options.language}.csv`);
    if (files.length === 0) throw new EvalError(`${dir}: no ${options.language ? `${options.language}.csv` : 'CSV files'}`);
    const rows = files.flatMap((name) => {
      const path = join(dir, name);
      const report = evaluateCsv(readFileSync(path, 'utf8'), options.rules, path);
      if (report.skipped.length > 0) throw new EvalError(`${path} line ${report.skipped[0]!.line}: ${report.skipped[0]!.reason}`);
      return report.rows.map((row) => ({ ...row, file: path }));
    });
    const languages = [...new Set(rows.map((row) => row.language))];
    return { half, rows, byLanguage: languages.map((language) => figures(language, rows.filter((row) => row.language === language))), overall: figures('all', rows) };
  });
}

const CORE_CATEGORIES: ReadonlySet<string> = new Set(['refund', 'billing', 'technical', 'sales']);

function figures(language: string, rows: readonly ScoredRow[]): LanguageFigures {
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const withPriority = rows.filter((row) => row.expected.priority);
  const withLanguage = rows.filter((row) => row.expected.language);
  return {
    language,
    mails: rows.length,
    category: {
      accuracy: share(rows.filter((row) => row.expected.category === row.predicted.category).length, rows.length),
      balancedAccuracy: balancedAccuracy(rows.map((row) => [row.expected.category, row.predicted.category])),
      core: balancedAccuracy(rows.filter((row) => CORE_CATEGORIES.has(row.expected.category)).map((row) => [row.expected.category, row.predicted.category])),
    },
    priority: {
      accuracy: share(withPriority.filter((row) => row.expected.priority === row.predicted.priority).length, withPriority.length),
      balancedAccuracy: balancedAccuracy(withPriority.map((row) => [row.expected.priority!, row.predicted.priority])),
      n: withPriority.length,
    },
    languageAccuracy: share(withLanguage.filter((row) => row.expected.language === row.predicted.language).length, withLanguage.length),
  };
}

const HALF_TITLES: Record<EvalHalf, string> = {
  tuning: 'tuning half (eval/tuning: the lexicons were tuned on it)',
  'held-out': 'held-out half (eval/held-out: never tuned on; these are the figures to trust)',
};
const LEGEND =
  'balanced: mean recall over the categories (priorities) present; 4 core: balanced over the refund, billing, technical and sales mails only.';

export function formatSetReport(reports: readonly HalfReport[], options: { misses?: boolean } = {}): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(HALF_TITLES[report.half], '');
    lines.push('          mails  category  category  category  priority  priority  language');
    lines.push('language         accuracy  balanced   4 core   accuracy  balanced  detected');
    for (const row of [...report.byLanguage, report.overall]) lines.push(formatFigures(row));
    lines.push(LEGEND, '');
    if (options.misses) lines.push(...formatMisses(report));
  }
  return `${lines.join('\n')}\n`;
}

function formatFigures(row: LanguageFigures): string {
  const cell = (value: number) => value.toFixed(2).padStart(8);
  return [
    row.language.padEnd(8),
    String(row.mails).padStart(6),
    cell(row.category.accuracy),
    cell(row.category.balancedAccuracy),
    cell(row.category.core),
    cell(row.priority.accuracy),
    cell(row.priority.balancedAccuracy),
    cell(row.languageAccuracy),
  ].join('  ');
}

/** The reasons that explain a wrong category, priority or language. */
const MISS_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'intent', 'urgency', 'critical', 'calm', 'minor', 'praise', 'tone-negative', 'tone-positive', 'legal-threat', 'public-threat', 'language', 'language-default',
]);

function formatMisses(report: HalfReport): string[] {
  const lines: string[] = [];
  for (const row of report.rows) {
    const category = row.expected.category !== row.predicted.category;
    const priority = row.expected.priority !== undefined && row.expected.priority !== row.predicted.priority;
    const language = row.expected.language !== undefined && row.expected.language !== row.predicted.language;
    if (!category && !priority && !language) continue;
    const what = [
      category ? `category ${row.expected.category} → ${row.predicted.category}` : '',
      priority ? `priority ${row.expected.priority} → ${row.predicted.priority}` : '',
      language ? `language ${row.expected.language} → ${row.predicted.language}` : '',
    ].filter(Boolean);
    lines.push(`${row.file}:${row.line}  ${what.join(', ')}  (subject: ${row.subject.slice(0, 60)})`);
    for (const reason of row.reasons.filter(({ code }) => MISS_REASONS.has(code))) lines.push(`    ${renderReason(reason)}`);
  }
  return lines;
}

/** A single language's full report (confusion table, per-class figures) for one half. */
