import './env.js';
import { parseArgs } from 'node:util';
import { benchAckLatency } from './ack-latency.js';
import { benchColdStart } from './cold-start.js';
import { benchCoreThroughput } from './core-throughput.js';
import { benchCost } from './cost.js';
import { benchMemory } from './memory.js';
import { benchSla } from './sla.js';
import { describeMachine, formatTable, withEmulators, type BenchOptions, type BenchSection } from './support.js';

const USAGE = `npm run bench [-- options]
  --json               print one JSON object (tables go to stderr)
  --quick              a reduced run, under 2 minutes
  --only LIST          comma-separated: latency,core,cold-start,memory,sla,cost
  --rate N             ack latency: mails per second (default 20)
  --duration S         ack latency: seconds of sending (default 60; --quick 6)`;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    rate: { type: 'string', default: '20' },
    duration: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const SECTIONS = ['latency', 'core', 'cold-start', 'memory', 'sla', 'cost'] as const;
const only = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : new Set<string>(SECTIONS);
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`unknown section "${name}"; known: ${SECTIONS.join(', ')}`);

const out = (text: string) => (values.json ? process.stderr : process.stdout).write(text);
const options: BenchOptions = { quick: values.quick, log: (line) => process.stderr.write(`${line}\n`) };
const rate = Number(values.rate);
const durationSeconds = Number(values.duration ?? (values.quick ? 6 : 60));
if (!(rate > 0) || !(durationSeconds > 0)) throw new Error('--rate and --duration must be positive numbers');

const machine = describeMachine();
out(`Replyline benchmarks on ${machine.summary}${values.quick ? ' (--quick)' : ''}\n`);
const figures: Record<string, unknown> = { machine };
const report = (section: BenchSection) => {
  for (const table of section.tables) out(formatTable(table));
  Object.assign(figures, section.json);
};

const started = Date.now();
if (only.has('latency') || only.has('sla') || only.has('cost')) {
  await withEmulators(async (emulators) => {
    if (only.has('latency')) report(await benchAckLatency(emulators, { ...options, rate, durationSeconds }));
    if (only.has('sla')) report(await benchSla(emulators, options));
    if (only.has('cost')) report(await benchCost(emulators, options));
  });
}
if (only.has('core')) report(await benchCoreThroughput(options));
if (only.has('cold-start')) report(await benchColdStart(options));
if (only.has('memory')) report(await benchMemory(options));

figures.benchSeconds = Math.round((Date.now() - started) / 100) / 10;
if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
out(`\nall benchmarks: ${figures.benchSeconds} s\n`);
process.exit(0);
