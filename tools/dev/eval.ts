import type { Reason } from '../../lambdas/schemas/reasons.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { classify } from '../../lambdas/core/classify/classify.js';
import { INTENT_NAMES, isIntentName, type IntentName } from '../../lambdas/schemas/vocabulary.js';
import { PRIORITIES, type Priority } from '../../lambdas/schemas/vocabulary.js';
import type { ClassificationConfig } from '../../lambdas/schemas/classification-config.js';

/**
 * `replyline eval FILE.csv [--json]`: scores classification against labelled
 * text. The CSV (RFC 4180, UTF-8) has a header with `subject`, `body` and
 * `category` (one of the built-in intents), optionally `priority` and
 * `language`. Bad rows are reported with their line number and skipped.
 * The text output ends with the line `accuracy: 0.xx`.
 */

export class EvalError extends Error {
  override readonly name = 'EvalError';
}

interface SkippedRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  reason: string;
}

interface ClassMetrics {
  /** null when the class was never predicted (0/0). */
  precision: number | null;
  /** null when the class never occurs in the file (0/0). */
  recall: number | null;
  /** 2·TP / (2·TP + FP + FN); null when the class neither occurs nor is predicted. */
  f1: number | null;
  support: number;
}

interface EvalReport {
  accuracy: number;
  /** Unweighted mean F1 over the classes that occur in the file. */
  macroF1: number;
  perClass: Record<IntentName, ClassMetrics>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<IntentName, Record<IntentName, number>>;
  n: number;
  skipped: SkippedRow[];
  /** Mean recall over the categories that occur in the file (a rare class counts as much as a common one). */
  balancedAccuracy: number;
  /** Present when the file has a `priority` column with values. */
  priority?: { accuracy: number; balancedAccuracy: number; n: number };
  /** Present when the file has a `language` column with values. */
  language?: { accuracy: number; n: number };
  /** The rows scored, for per-language tables and `--misses`. */
  rows: ScoredRow[];
}

export interface ScoredRow {
  line: number;
  /** The expected language when the file has one, else the detected one. */
  language: string;
  expected: { category: IntentName; priority: Priority | undefined; language: string | undefined };
  predicted: { category: IntentName; priority: Priority; language: string };
  subject: string;
  reasons: Reason[];
}

const REQUIRED_COLUMNS = ['subject', 'body', 'category'] as const;
const DEFAULTS = { team: 'eval', language: 'en' };

export async function runEval(csvPath: string, options: { json: boolean; rules?: ClassificationConfig }): Promise<string> {
  const report = evaluateCsv(readCsvFile(csvPath), options.rules ?? { rules: [] }, csvPath);
  return options.json ? `${JSON.stringify(report)}\n` : formatReport(report);
}

function readCsvFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? (error as Error).message);
    throw new EvalError(`cannot read ${path}: ${why}`);
  }
}

/** Scores the rows of an eval CSV (given as text). Throws EvalError for a missing header column or no usable rows. */
export function evaluateCsv(csvText: string, rules: ClassificationConfig, source = 'CSV'): EvalReport {
  const records = parseCsv(csvText);
  const header = records.shift();
  if (!header || header.error || header.fields.every((field) => field.trim() === '')) throw new EvalError(`${source}: empty file; expected a header line "subject,body,category"`);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new EvalError(
      `${source}: the header must name the columns subject, body and category (missing: ${missing.join(', ')}; found: ${columns.join(', ') || 'nothing'})`,
    );
  }
  const at = (name: string) => columns.indexOf(name);

  const skipped: SkippedRow[] = [];
  const rows: ScoredRow[] = [];
  const confusion = emptyConfusion();
  let n = 0;
  let correct = 0;
  const priorityScore = { n: 0, correct: 0 };
  const languageScore = { n: 0, correct: 0 };

  for (const record of records) {
    if (record.error) {
      skipped.push({ line: record.line, reason: record.error });
      continue;
    }
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue; // blank line
    if (record.fields.length !== columns.length) {
      skipped.push({ line: record.line, reason: `expected ${columns.length} fields, found ${record.fields.length}` });
      continue;
    }
    const cell = (name: string) => (at(name) >= 0 ? record.fields[at(name)]! : '');
    const expected = cell('category').trim().toLowerCase();
    if (!isIntentName(expected)) {
      skipped.push({ line: record.line, reason: expected ? `unknown category "${expected}" (expected one of ${INTENT_NAMES.join(', ')})` : 'empty category' });
      continue;
    }
    const subject = cell('subject');
    const body = cell('body');
    if (subject.trim() === '' && body.trim() === '') {
      skipped.push({ line: record.line, reason: 'subject and body are both empty' });
      continue;
    }
    const expectedPriority = cell('priority').trim().toLowerCase();
    const expectedLanguage = cell('language').trim().toLowerCase();
    if (expectedPriority && !(PRIORITIES as readonly string[]).includes(expectedPriority)) {
      skipped.push({ line: record.line, reason: `unknown priority "${expectedPriority}" (expected one of ${PRIORITIES.join(', ')})` });
      continue;
    }
    if (expectedLanguage && !/^[a-z]{2}$/.test(expectedLanguage)) {
      skipped.push({ line: record.line, reason: `language "${expectedLanguage}" is not an ISO 639-1 code (two letters, e.g. en, de, zh)` });
      continue;
    }

    const result = classify({ subject, text: body, recipient: '', sender: '', headers: new Map() }, rules, DEFAULTS);
    rows.push({
      line: record.line,
      language: expectedLanguage || result.language,
      expected: { category: expected, priority: (expectedPriority || undefined) as Priority | undefined, language: expectedLanguage || undefined },
      predicted: { category: result.category, priority: result.priority, language: result.language },
      subject,
      reasons: result.reasons,
    });
    n++;
    confusion[expected][result.category]++;
    if (result.category === expected) correct++;
    if (expectedPriority) {
      priorityScore.n++;
      if (result.priority === (expectedPriority as Priority)) priorityScore.correct++;
    }
    if (expectedLanguage) {
      languageScore.n++;
      if (result.language === expectedLanguage) languageScore.correct++;
    }
  }

  if (n === 0) {
    const why = skipped.length > 0 ? `all ${skipped.length} rows were skipped (first: line ${skipped[0]!.line}: ${skipped[0]!.reason})` : 'the file has no data rows';
    throw new EvalError(`${source}: nothing to score: ${why}`);
  }

  const perClass = {} as Record<IntentName, ClassMetrics>;
  const f1s: number[] = [];
  for (const name of INTENT_NAMES) {
    const tp = confusion[name][name];
    const support = INTENT_NAMES.reduce((sum, predicted) => sum + confusion[name][predicted], 0);
    const predicted = INTENT_NAMES.reduce((sum, expected) => sum + confusion[expected][name], 0);
    const fp = predicted - tp;
    const fn = support - tp;
    const f1 = support === 0 && predicted === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
    perClass[name] = { precision: predicted === 0 ? null : tp / predicted, recall: support === 0 ? null : tp / support, f1, support };
    if (support > 0 && f1 !== null) f1s.push(f1);
  }

  const report: EvalReport = {
    accuracy: correct / n,
    macroF1: f1s.reduce((a, b) => a + b, 0) / (f1s.length || 1),
    balancedAccuracy: balancedAccuracy(rows.map((row) => [row.expected.category, row.predicted.category])),
    perClass,
    confusion,
    n,
    skipped,
    rows,
  };
  if (priorityScore.n > 0) {
    const pairs = rows.flatMap((row) => (row.expected.priority ? [[row.expected.priority, row.predicted.priority] as [string, string]] : []));
    report.priority = { accuracy: priorityScore.correct / priorityScore.n, balancedAccuracy: balancedAccuracy(pairs), n: priorityScore.n };
  }
  if (languageScore.n > 0) report.language = { accuracy: languageScore.correct / languageScore.n, n: languageScore.n };
  return report;
}

/** Mean over the expected classes of the share of their rows predicted right (mean recall). */
export function balancedAccuracy(pairs: ReadonlyArray<readonly [expected: string, predicted: string]>): number {
  const byClass = new Map<string, { n: number; right: number }>();
  for (const [expected, predicted] of pairs) {
    const entry = byClass.get(expected) ?? { n: 0, right: 0 };
    entry.n++;
    if (expected === predicted) entry.right++;
    byClass.set(expected, entry);
  }
  if (byClass.size === 0) return 0;
  return [...byClass.values()].reduce((sum, entry) => sum + entry.right / entry.n, 0) / byClass.size;
}

function emptyConfusion(): Record<IntentName, Record<IntentName, number>> {
  const table = {} as Record<IntentName, Record<IntentName, number>>;
  for (const expected of INTENT_NAMES) {
    table[expected] = {} as Record<IntentName, number>;
    for (const predicted of INTENT_NAMES) table[expected][predicted] = 0;
  }
  return table;
}

/** The human-readable report; its last line is exactly `accuracy: 0.xx`. */
function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const row of report.skipped) lines.push(`skipped line ${row.line}: ${row.reason}`);
  if (report.skipped.length > 0) lines.push('');
  lines.push(`${report.n} rows scored${report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : ''}`, '');

  lines.push('confusion (rows = expected, columns = predicted)');
  const labelWidth = Math.max('expected'.length, ...INTENT_NAMES.map((name) => name.length));
  const cellWidth = Math.max(...INTENT_NAMES.map((name) => name.length), 5);
  lines.push(['expected'.padEnd(labelWidth), ...INTENT_NAMES.map((name) => name.padStart(cellWidth))].join(' '));
  for (const expected of INTENT_NAMES) {
    lines.push([expected.padEnd(labelWidth), ...INTENT_NAMES.map((predicted) => String(report.confusion[expected][predicted]).padStart(cellWidth))].join(' '));
  }
  lines.push('');

  lines.push(['class'.padEnd(labelWidth), 'precision', '   recall', '       f1', '  support'].join(' '));
  for (const name of INTENT_NAMES) {
    const metrics = report.perClass[name];
    lines.push([name.padEnd(labelWidth), fixed(metrics.precision, 9), fixed(metrics.recall, 9), fixed(metrics.f1, 9), String(metrics.support).padStart(9)].join(' '));
  }
  lines.push(`${'macro f1'.padEnd(labelWidth)} ${fixed(report.macroF1, 9)}`, '');
  lines.push(`balanced accuracy: ${report.balancedAccuracy.toFixed(2)} (mean recall over the categories present)`);
  if (report.priority) {
    lines.push(`priority accuracy: ${report.priority.accuracy.toFixed(2)}, balanced ${report.priority.balancedAccuracy.toFixed(2)} (n=${report.priority.n})`);
  }
  if (report.language) lines.push(`language accuracy: ${report.language.accuracy.toFixed(2)} (n=${report.language.n})`);
  lines.push(`accuracy: ${report.accuracy.toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

function fixed(value: number | null, width: number): string {
  return (value === null ? '-' : value.toFixed(2)).padStart(width);
}

// ---------------------------------------------------------------------------
// RFC 4180 CSV

interface CsvRecord {
  /** Line where the record starts (1-based). */
  line: number;
  fields: string[];
  /** Set when the record could not be read (e.g. an unterminated quoted field). */
  error?: string;
}

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF (a lone CR too);
 * a quoted field may hold commas, line breaks and doubled quotes (`""`).
 * Lenient where the RFC is strict: a quote inside an unquoted field is kept
 * as a character. A leading UTF-8 BOM is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  while (i < source.length) {
    const char = source[i]!;
    if (atFieldStart && char === '"') {
      // Quoted field.
      const quoteLine = line;
      i++;
      let closed = false;
      while (i < source.length) {
        const c = source[i]!;
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (c === '\r' || c === '\n') {
          line++;
          if (c === '\r' && source[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            continue;
          }
        }
        field += c;
        i++;
      }
      if (!closed) {
        records.push({ line: recordLine, fields: [...fields, field], error: `unterminated quoted field (opened on line ${quoteLine})` });
        return records;
      }
      atFieldStart = false;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += char;
    atFieldStart = false;
    i++;
  }
  if (field !== '' || fields.length > 0 || !atFieldStart) endRecord();
  return records;
}

/** One field, quoted when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------
// The Bitext sample: synthetic labelled English requests, kept outside the repo (BITEXT_SAMPLE_PATH in shared-data.ts)

/**
 * How the 27 Bitext intents (11 categories) map onto our 9 built-in intents.
 *
 * | Bitext category   | Bitext intent             | ours      | why |
 * |-------------------|---------------------------|-----------|-----|
 * | REFUND            | get_refund                | refund    | |
 * | REFUND            | track_refund              | refund    | |
 * | REFUND            | check_refund_policy       | refund    | |
 * | ORDER             | track_order               | shipping  | "order/shipping" in the issue |
 * | ORDER             | change_order              | shipping  | an existing order |
 * | ORDER             | cancel_order              | shipping  | an existing order |
 * | ORDER             | place_order               | sales     | a purchase not yet made: a sales question |
 * | DELIVERY          | delivery_period           | shipping  | |
 * | DELIVERY          | delivery_options          | shipping  | |
 * | SHIPPING_ADDRESS  | change_shipping_address   | shipping  | |
 * | SHIPPING_ADDRESS  | set_up_shipping_address   | shipping  | |
 * | INVOICE           | check_invoice             | billing   | |
 * | INVOICE           | get_invoice               | billing   | |
 * | PAYMENT           | check_payment_methods     | billing   | how to pay is billing's question |
 * | PAYMENT           | payment_issue             | billing   | |
 * | CANCELLATION_FEE  | check_cancellation_fee    | billing   | a fee charged to the customer |
 * | ACCOUNT           | create_account            | account   | |
 * | ACCOUNT           | edit_account              | account   | |
 * | ACCOUNT           | switch_account            | account   | |
 * | ACCOUNT           | delete_account            | account   | |
 * | ACCOUNT           | recover_password          | account   | "account/login" |
 * | ACCOUNT           | registration_problems     | account   | sign-up trouble is account, not technical |
 * | FEEDBACK          | complaint                 | complaint | |
 * | FEEDBACK          | review                    | feedback  | |
 * | CONTACT           | contact_customer_service  | other     | no topic yet: "how do I reach you" |
 * | CONTACT           | contact_human_agent       | other     | |
 * | NEWSLETTER        | newsletter_subscription   | other     | marketing list, not a support topic |
 *
 * Bitext has no technical-problem intent: `technical` is covered by the hand-written tests only.
 */
export const BITEXT_INTENT_MAP: Readonly<Record<string, IntentName>> = {
  get_refund: 'refund',
  track_refund: 'refund',
  check_refund_policy: 'refund',
  track_order: 'shipping',
  change_order: 'shipping',
  cancel_order: 'shipping',
  place_order: 'sales',
  delivery_period: 'shipping',
  delivery_options: 'shipping',
  change_shipping_address: 'shipping',
  set_up_shipping_address: 'shipping',
  check_invoice: 'billing',
  get_invoice: 'billing',
  check_payment_methods: 'billing',
  payment_issue: 'billing',
  check_cancellation_fee: 'billing',
  create_account: 'account',
  edit_account: 'account',
  switch_account: 'account',
  delete_account: 'account',
  recover_password: 'account',
  registration_problems: 'account',
  complaint: 'complaint',
  review: 'feedback',
  contact_customer_service: 'other',
  contact_human_agent: 'other',
  newsletter_subscription: 'other',
};

/**
 * Converts the Bitext sample into our eval format (`subject,body,category`;
 * subject empty, body = the `instruction` column). `split` picks data rows by
 * their 0-based index: `even` (0, 2, 4…: the half the lexicons were tuned on),
 * `odd` (the held-out half) or `all`. Returns how many rows were written per category.
 */
export function bitextToEvalCsv(sourcePath: string, outPath: string, split: 'even' | 'odd' | 'all'): { rows: number; byCategory: Partial<Record<IntentName, number>> } {
  const records = parseCsv(readCsvFile(sourcePath));
  const header = records.shift();
  const columns = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const instruction = columns.indexOf('instruction');
  const intent = columns.indexOf('intent');
  if (instruction < 0 || intent < 0) throw new EvalError(`${sourcePath}: not the Bitext sample (needs the columns instruction and intent)`);

  const out = ['subject,body,category'];
  const byCategory: Partial<Record<IntentName, number>> = {};
  let index = -1;
  for (const record of records) {
    if (record.error || record.fields.length < columns.length) continue;
    index++;
    if ((split === 'even' && index % 2 !== 0) || (split === 'odd' && index % 2 !== 1)) continue;
    const category = BITEXT_INTENT_MAP[record.fields[intent]!.trim()];
    if (!category) throw new EvalError(`${sourcePath} line ${record.line}: unmapped Bitext intent "${record.fields[intent]}"`);
    out.push(['', csvField(record.fields[instruction]!), category].join(','));
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${out.join('\n')}\n`);
  return { rows: out.length - 1, byCategory };
}
