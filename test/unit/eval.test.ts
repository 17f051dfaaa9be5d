import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { BITEXT_INTENT_MAP, EvalError, bitextToEvalCsv, csvField, evaluateCsv, parseCsv, runEval } from '../../tools/dev/eval.js';
import { INTENT_NAMES } from '../../lambdas/schemas/vocabulary.js';
import { parseClassificationConfig } from '../../lambdas/schemas/classification-config.js';

const dir = mkdtempSync(join(tmpdir(), 'replyline-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * Rules make the predictions exact, whatever the lexicons do:
 * a body containing "AAA" is refund, "BBB" shipping; anything else falls to the intents ("zzz" → other).
 */
const rules = parseClassificationConfig({
  rules: [
    { when: { keywords: ['AAA'] }, then: { category: 'refund' } },
    { when: { keywords: ['BBB'] }, then: { category: 'shipping' } },
  ],
});

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and records their start lines', () => {
    const records = parseCsv('subject,body,category\r\n"Hi, there","He said ""refund""\r\nnow",refund\n,plain,other\n');
    expect(records).toEqual([
      { line: 1, fields: ['subject', 'body', 'category'] },
      { line: 2, fields: ['Hi, there', 'He said "refund"\r\nnow', 'refund'] },
      { line: 4, fields: ['', 'plain', 'other'] },
    ]);
  });

  it('ignores a BOM, accepts a last line without a newline, and reports an unterminated quote', () => {
    expect(parseCsv('\ufeffa,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    const broken = parseCsv('a,b\n"open,2\n3,4\n');
    expect(broken.at(-1)).toMatchObject({ line: 2, error: 'unterminated quoted field (opened on line 2)' });
  });

  it('round-trips fields written with csvField', () => {
    const values = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', ' padded '];
    expect(parseCsv(values.map(csvField).join(','))[0]!.fields).toEqual(values);
  });
});

describe('runEval', () => {
  // expected → predicted: refund→refund ×2, refund→shipping, shipping→shipping, other→other, shipping→refund
  const fixture = [
    'subject,body,category',
    ',AAA one,refund',
    '"AAA, two",,refund',
    ',"BBB ""three""",refund',
    ',"BBB\nfour",shipping',
    ',zzz,other',
    ',AAA six,shipping',
  ].join('\n');

  it('computes the confusion table, precision, recall and F1', () => {
    const report = evaluateCsv(fixture, rules);
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeCloseTo(4 / 6);
    expect(report.confusion.refund).toMatchObject({ refund: 2, shipping: 1, other: 0 });
    expect(report.confusion.shipping).toMatchObject({ refund: 1, shipping: 1 });
    expect(report.confusion.other.other).toBe(1);
    // refund: TP 2, FP 1 (the shipping row), FN 1 → P 2/3, R 2/3, F1 2/3
    expect(report.perClass.refund.precision).toBeCloseTo(2 / 3);
    expect(report.perClass.refund.recall).toBeCloseTo(2 / 3);
    expect(report.perClass.refund.f1).toBeCloseTo(2 / 3);
    expect(report.perClass.refund.support).toBe(3);
    // shipping: TP 1, FP 1, FN 1 → 0.5 / 0.5 / 0.5
    expect(report.perClass.shipping).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.perClass.other).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    // never expected, never predicted: undefined rather than a made-up 0 or 1
    expect(report.perClass.technical).toEqual({ precision: null, recall: null, f1: null, support: 0 });
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.5 + 1) / 3);
  });

  it('prints a table whose last line is exactly "accuracy: 0.xx"', async () => {
    const output = await runEval(file('tiny.csv', fixture), { json: false, rules });
    const lines = output.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('accuracy: 0.67');
    expect(output).toContain('confusion (rows = expected, columns = predicted)');
    expect(lines.find((line) => line.startsWith('refund   '))).toMatch(/^refund\s+2\s+1\s+0\s+0\s+0\s+0\s+0\s+0\s+0$/);
    expect(lines.find((line) => line.startsWith('shipping ') && line.includes('0.50'))).toMatch(/^shipping\s+0\.50\s+0\.50\s+0\.50\s+2$/);
    expect(lines.find((line) => line.startsWith('technical') && line.includes('-'))).toMatch(/^technical\s+-\s+-\s+-\s+0$/);
    expect(output.endsWith('\n')).toBe(true);
  });

  it('prints one JSON object with --json', async () => {
    const output = await runEval(file('tiny-json.csv', fixture), { json: true, rules });
    expect(output.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(output);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['accuracy', 'perClass', 'confusion', 'n']));
    expect(report.n).toBe(6);
    expect(Object.keys(report.perClass)).toEqual([...INTENT_NAMES]);
    expect(report.confusion.refund.shipping).toBe(1);
  });

  it('reports bad rows with their line numbers and skips them', async () => {
    const csv = ['subject,body,category', ',AAA ok,refund', ',AAA,refunds', ',"multi', 'line",too,many,fields', ',only two', ',,other', ',BBB,shipping', ''].join('\n');
    const report = evaluateCsv(csv, rules);
    expect(report.n).toBe(2);
    expect(report.skipped).toEqual([
      { line: 3, reason: 'unknown category "refunds" (expected one of refund, shipping, billing, technical, account, sales, complaint, feedback, other)' },
      { line: 4, reason: 'expected 3 fields, found 5' },
      { line: 6, reason: 'expected 3 fields, found 2' },
      { line: 7, reason: 'subject and body are both empty' },
    ]);
    const output = await runEval(file('bad.csv', csv), { json: false, rules });
    expect(output).toContain('skipped line 3: unknown category "refunds"');
    expect(output.trimEnd().split('\n').at(-1)).toBe('accuracy: 1.00');
  });

  it('scores the optional priority and language columns, in any column order', () => {
    const csv = ['category,language,body,priority,subject', 'refund,en,AAA I need it ASAP,high,', 'other,zh,你好,normal,', 'other,ja,zzz,,'].join('\n');
    const report = evaluateCsv(csv, rules);
    expect(report.priority).toEqual({ accuracy: 1, balancedAccuracy: 1, n: 2 });
    expect(report.language).toEqual({ accuracy: 2 / 3, n: 3 }); // "zzz" is not Japanese: the default (en) is used
  });

  it('fails clearly on a missing file, a missing header column or nothing to score', async () => {
    await expect(runEval(join(dir, 'nope.csv'), { json: false })).rejects.toThrow(`cannot read ${join(dir, 'nope.csv')}: no such file`);
    await expect(runEval(file('nobody.csv', 'subject,text,category\n,a,refund\n'), { json: false })).rejects.toThrow(
      /header must name the columns subject, body and category \(missing: body; found: subject, text, category\)/,
    );
    await expect(runEval(file('empty.csv', ''), { json: false })).rejects.toBeInstanceOf(EvalError);
    await expect(runEval(file('allbad.csv', 'subject,body,category\n,x,nope\n'), { json: false })).rejects.toThrow(
      /nothing to score: all 1 rows were skipped \(first: line 2: unknown category "nope"/,
    );
  });
});

describe('bitextToEvalCsv', () => {
  const source = file(
    'bitext.csv',
    [
      'context,role,instruction,intent,category,response',
      'customer support,virtual assistant,"I want my money back, please",get_refund,REFUND,"Sure.\nLine two"',
      'customer support,virtual assistant,where is order 123,track_order,ORDER,ok',
      'customer support,virtual assistant,talk to a human,contact_human_agent,CONTACT,ok',
    ].join('\n'),
  );

  it('maps every Bitext intent onto one of ours', () => {
    expect(Object.keys(BITEXT_INTENT_MAP)).toHaveLength(27);
    for (const category of Object.values(BITEXT_INTENT_MAP)) expect(INTENT_NAMES).toContain(category);
  });

  it('writes our eval format, split by row index', () => {
    const out = join(dir, 'out', 'even.csv');
    expect(bitextToEvalCsv(source, out, 'even')).toEqual({ rows: 2, byCategory: { refund: 1, other: 1 } });
    expect(readFileSync(out, 'utf8')).toBe('subject,body,category\n,"I want my money back, please",refund\n,talk to a human,other\n');
    expect(bitextToEvalCsv(source, join(dir, 'odd.csv'), 'odd').rows).toBe(1);
    expect(bitextToEvalCsv(source, join(dir, 'all.csv'), 'all').byCategory).toEqual({ refund: 1, shipping: 1, other: 1 });
  });
});
