import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulators, type Emulators } from '../local/emulators.js';

export async function withEmulators<T>(run: (emulators: Emulators) => Promise<T>): Promise<T> {
  const stateDir = mkdtempSync(join(tmpdir(), 'replyline-bench-'));
  const emulators = await startEmulators({ ports: { dynamodb: 0, s3: 0, sqs: 0, ses: 0, events: 0, secrets: 0 }, stateDir, persist: false });
  try {
    return await run(emulators);
  } finally {
    await emulators.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => String(row[column]).length)));
  const line = (row: (string | number)[]) => row.map((cell, column) => String(cell).padStart(widths[column]!)).join('  ');
  process.stdout.write(`\n${title}\n${line(cells[0]!)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const row of cells.slice(1)) process.stdout.write(`${line(row)}\n`);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 0);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
