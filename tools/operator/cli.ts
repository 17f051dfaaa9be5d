// tools/operator/: the operator commands (threads, replay, redrive, export, forget, doctor), on the local stack or a deployed one.
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeAwsError, errorName, OperatorError, resolveTarget, type OperatorTarget } from './target.js';
import { formatThreadsTable, listThreads, validateThreadsQuery } from './threads.js';
import { formatRedrive, progressBar, redrive, selectQueues } from './redrive.js';
import { formatReplay, replay } from './replay.js';
import { formatReconcile, reconcile } from './reconcile.js';
import { exportCustomer, forgetCustomer, formatExport, formatForget, normalizeAddress } from './privacy.js';
import { formatReport, reportJson, runDoctor, type DoctorOptions } from './doctor.js';

/**
 * The operator commands of `replyline`: each takes its arguments (after the command
 * name) and returns the exit code. Errors an operator can act on are one line on
 * stderr (no stack trace): missing stack, no credentials, no such mail, unusable directory.
 */

export interface OperatorIo {
  stdout: { write(text: string): unknown; isTTY?: boolean | undefined };
  stderr: { write(text: string): unknown };
  /** Use this target instead of resolving one from --stack (tests). */
  target?: OperatorTarget | undefined;
  /** Asks for a line on a terminal (forget's confirmation); absent = not interactive. */
  ask?: ((question: string) => Promise<string>) | undefined;
  now?: () => Date;
  /** doctor: a local target or MX resolver instead of `npm start`'s and node:dns (tests). */
  doctor?: Pick<DoctorOptions, 'local' | 'resolver'> | undefined;
}

const defaultIo = (): OperatorIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  ask: process.stdin.isTTY && process.stdout.isTTY ? askOnTerminal : undefined,
});

async function askOnTerminal(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

const TARGET_OPTIONS = {
  stack: { type: 'string' },
  region: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Options every operator command takes (for the usage text). */
const OPERATOR_USAGE = {
  replay: 'replay <Message-ID|receipt-id|s3-key> [--force] [--to ADDRESS] [--stack NAME]',
  redrive: 'redrive [--queue inbound|<team>|all] [--stack NAME]',
  reconcile: 'reconcile [--since 14d] [--older-than 10m] [--dry-run] [--stack NAME]',
  threads: 'threads [--customer ADDRESS] [--status awaiting-agent|awaiting-customer|closed] [--team T] [--limit N] [--json] [--stack NAME]',
  export: 'export <customer-address> [--out DIR (default .replyline/exports/…)] [--stack NAME]',
  forget: 'forget <customer-address> [--yes] [--stack NAME]',
  doctor: 'doctor [--stack NAME] [--region REGION] [--json]',
} as const;

type Command = keyof typeof OPERATOR_USAGE;

/** The usage line of an operator command, for its `--help`; undefined for other commands. */
export function operatorUsage(command: string): string | undefined {
  return Object.hasOwn(OPERATOR_USAGE, command) ? `usage: replyline ${OPERATOR_USAGE[command as Command]}` : undefined;
}

/** The target from --stack/--region, resolved once per command (unless the io brings one). */
type TargetFn = (options: { stack?: string | undefined; region?: string | undefined }) => Promise<OperatorTarget>;

async function run(command: Command, io: OperatorIo, body: (target: TargetFn) => Promise<number>): Promise<number> {
  let created: OperatorTarget | undefined;
  const target: TargetFn = async (options) => {
    if (io.target) return io.target;
    created ??= await resolveTarget({ stack: options.stack, region: options.region });
    return created;
  };
  try {
    return await body(target);
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${command}: ${(error as Error).message}\nusage: replyline ${OPERATOR_USAGE[command]}\n`);
      return 1;
    }
    const described = describeAwsError(error);
    if (described instanceof OperatorError) io.stderr.write(`${command}: ${described.message}\n`);
    else io.stderr.write(`${command}: ${errorName(error) ?? 'Error'}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  } finally {
    created?.close();
  }
}

/** Strict: an unknown option is an error naming it. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options: { ...TARGET_OPTIONS, ...options }, allowPositionals: true, strict: true });
}

export function threadsCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('threads', io, async (target) => {
    const { values, positionals } = parse(args, {
      customer: { type: 'string' },
      status: { type: 'string' },
      team: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length) throw new OperatorError(`unexpected argument "${positionals[0]}"; usage: replyline ${OPERATOR_USAGE.threads}`);
    const query = validateThreadsQuery({ customer: values.customer, status: values.status, team: values.team, limit: values.limit });
    const rows = await listThreads(await target(values), query);
    io.stdout.write(`${values.json ? JSON.stringify(rows, null, 2) : formatThreadsTable(rows)}\n`);
    return 0;
  });
}

export function replayCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('replay', io, async (target) => {
    const { values, positionals } = parse(args, { force: { type: 'boolean', default: false }, to: { type: 'string', multiple: true } });
    if (positionals.length !== 1) throw new OperatorError(`give exactly one Message-ID, SES receipt id or S3 key; usage: replyline ${OPERATOR_USAGE.replay}`);
    const to = values.to?.map((address) => normalizeAddress(address));
    const result = await replay(await target(values), positionals[0]!, { force: values.force, to });
    io.stdout.write(`${formatReplay(result)}\n`);
    return 0;
  });
}

export function reconcileCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('reconcile', io, async (target) => {
    const { values, positionals } = parse(args, { since: { type: 'string' }, 'older-than': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } });
    if (positionals.length) throw new OperatorError(`unexpected argument "${positionals[0]}"; usage: replyline ${OPERATOR_USAGE.reconcile}`);
    const dryRun = values['dry-run'];
    const report = await reconcile(await target(values), { since: values.since, olderThan: values['older-than'], dryRun, now: io.now?.() ?? new Date() });
    io.stdout.write(`${formatReconcile(report, dryRun)}\n`);
    return report.failed.length ? 1 : 0;
  });
}

export function redriveCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('redrive', io, async (target) => {
    const { values, positionals } = parse(args, { queue: { type: 'string', default: 'all' } });
    if (positionals.length) throw new OperatorError(`unexpected argument "${positionals[0]}"; usage: replyline ${OPERATOR_USAGE.redrive}`);
    const resolved = await target(values);
    const queues = selectQueues(resolved, values.queue);
    const tty = Boolean(io.stdout.isTTY);
    let drawing: string | undefined;
    const results = await redrive(resolved, queues, ({ queue, moved, failed, total }) => {
      if (!tty) return;
      if (drawing && drawing !== queue) io.stdout.write('\n');
      drawing = queue;
      io.stdout.write(`\r${queue.padEnd(12)} ${progressBar(moved + failed, total)}${failed ? ` (${failed} failed)` : ''}`);
    });
    if (tty && drawing) io.stdout.write('\n');
    io.stdout.write(`${formatRedrive(results)}\n`);
    return results.some((result) => result.failures.length > 0) ? 1 : 0;
  });
}

export function exportCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('export', io, async (target) => {
    const { values, positionals } = parse(args, { out: { type: 'string' } });
    if (positionals.length !== 1) throw new OperatorError(`give one customer address; usage: replyline ${OPERATOR_USAGE.export}`);
    const address = normalizeAddress(positionals[0]);
    const now = io.now?.() ?? new Date();
    // Personal data: by default into the git-ignored state folder, never loose in a working tree.
    const directory = values.out ?? join('.replyline', 'exports', `replyline-export-${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}`);
    const summary = await exportCustomer(await target(values), address, directory, now);
    io.stdout.write(`${formatExport(summary)}\nIt holds personal data: hand it over securely, then delete it.\n`);
    return 0;
  });
}

export function forgetCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('forget', io, async (target) => {
    const { values, positionals } = parse(args, { yes: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new OperatorError(`give one customer address; usage: replyline ${OPERATOR_USAGE.forget}`);
    const address = normalizeAddress(positionals[0]);
    const resolved = await target(values);
    if (!values.yes) {
      if (!io.ask) throw new OperatorError(`not deleting without a confirmation: standard input is not a terminal. Pass --yes to delete everything held on ${address} in ${resolved.label}`);
      const answer = await io.ask(`This deletes everything held on ${address} in ${resolved.label}, their threads whole. Type the address again to confirm: `);
      if (answer.trim().toLowerCase() !== address) {
        io.stderr.write('forget: not confirmed; nothing deleted\n');
        return 1;
      }
    }
    io.stdout.write(`${formatForget(await forgetCustomer(resolved, address, io.now?.() ?? new Date()))}\n`);
    return 0;
  });
}

/** Exit code 1 when any check FAILs; a target that cannot be reached at all is one line on stderr. */
export function doctorCommand(args: string[], io: OperatorIo = defaultIo()): Promise<number> {
  return run('doctor', io, async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    if (positionals.length) throw new OperatorError(`unexpected argument "${positionals[0]}"; usage: replyline ${OPERATOR_USAGE.doctor}`);
    const report = await runDoctor({ stack: values.stack, region: values.region, now: io.now?.(), ...io.doctor });
    io.stdout.write(`${values.json ? reportJson(report) : formatReport(report)}\n`);
    return report.ok ? 0 : 1;
  });
}
