import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
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

/** One printed table of a benchmark section. */
export interface BenchTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Lines printed under the table: what the baseline is, which target is met. */
  notes?: string[];
}

/** What each benchmark returns: its tables for people, its figures for `--json`. */
export interface BenchSection {
  tables: BenchTable[];
  json: Record<string, unknown>;
}

export interface BenchOptions {
  /** `--quick`: a reduced run (the whole of `npm run bench -- --quick` stays under 2 minutes). */
  quick: boolean;
  /** Progress lines go here (stderr), never to stdout, which `--json` keeps for the JSON object. */
  log: (line: string) => void;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentile of ascending values (0 for none). */
export function percentile(sorted: readonly number[], quantile: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)!, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** An aligned text table, with its notes under it. */
export function formatTable({ title, header, rows, notes = [] }: BenchTable): string {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => String(row[column]).length)));
  const line = (row: (string | number)[]) => row.map((cell, column) => String(cell).padStart(widths[column]!)).join('  ');
  return [`\n${title}`, line(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line), ...notes].join('\n') + '\n';
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 0);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Machine {
  summary: string;
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** The machine the figures were measured on, printed with every run. */
export function describeMachine(): Machine {
  const cpu = cpus();
  const machine = {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
  };
  return { summary: `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`, ...machine };
}

/** CPU milliseconds used so far by this process and the given child processes (Linux /proc; children elsewhere count 0). */
export function cpuMillis(childPids: readonly number[]): number {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1000;
  for (const pid of childPids) {
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // Not Linux, or the process has gone: its share is not counted.
    }
  }
  return total;
}

/** USER_HZ: 100 on every Linux platform Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;
