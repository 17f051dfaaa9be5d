// tools/: what people run against Replyline, through this `replyline` entry (bin: cli/replyline.js) or tsx:
// client/ puts mail into a running local stack (send, reply), dev/ is for developers (explain, eval, generators
// of checked-in files), operator/ works on the local or a deployed stack (threads, replay, redrive, export, forget, doctor).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type ReplylineConfig } from '../lambdas/schemas/config.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { portsFromEnv, startLocalStack, type LocalPorts } from '../local/stack.js';
import { LocalSetupError } from '../local/emulators.js';
import { sendFiles } from './client/send.js';
import { explainFile, formatExplanation } from './dev/explain.js';
import { EvalError, runEval } from './dev/eval.js';
import { formatScreeningReport, screenSets, screeningSets, tally } from './dev/eval-screening.js';
import { SHARED_CORPUS_DIR, sharedCorpusDir } from './dev/shared-data.js';
import { EVAL_HALVES, evaluateSet, formatSetReport } from './dev/eval-set.js';
import { ClientError, sendAgentReply } from './client/reply.js';
import { reasonCodes } from '../lambdas/schemas/reasons.js';
import { doctorCommand, exportCommand, forgetCommand, operatorUsage, reconcileCommand, redriveCommand, replayCommand, threadsCommand } from './operator/cli.js';

const USAGE = `Usage: replyline <command> [options]

Commands:
  start [--fresh] [--config FILE] [--time-scale N]
                                          run Replyline locally on emulators (Ctrl-C stops); with --time-scale
                                          the SLA sweeper's clock runs N times faster (4 h promise → 4h/N)
  send FILE.eml… [--to ADDRESS] [--smtp HOST:PORT]
                                          inject mails into the running local stack over SMTP
  explain [--json] [--at ISO-TIME] [--to ADDRESS] FILE.eml…
                                          what Replyline would decide for each mail, without side effects
  eval [--json] [FILE.csv]                score classification against labelled text (subject,body,category);
                                          without a file: the project's set, per language
                                          (--set tuning|held-out|all, --language de, --misses for tuning rows)
  eval --screening [--set …] [--misses]   acknowledgements per kind of mail: the shared corpus and the repo's
                                          own machine and people mails, each addressed to the first address
  reply RL-XXXXXX [--from AGENT] [--text TEXT]
                                          answer a thread as an agent, through the running local stack

Operator tools (the local stack, or a deployed one with --stack NAME):
  threads [--customer ADDRESS] [--status awaiting-agent|awaiting-customer|closed] [--team T] [--limit N] [--json]
                                          list threads: a customer's (newest first), those owing a reply (earliest due first), or by status/team
  replay <Message-ID|receipt-id|s3-key> [--force] [--to ADDRESS]
                                          re-ingest a stored mail through the inbound queue (a processed mail: nothing changes);
                                          --force decides a quarantined mail again (refused for threaded mail)
  redrive [--queue inbound|<team>|all]    move dead-lettered messages back to their queue after a fix
  reconcile [--since 14d] [--older-than 10m] [--dry-run]
                                          re-queue stored mail that never reached a recorded state or still owes
                                          side effects (after an SNS or queue outage); npm start does it at startup
  export <customer-address> [--out DIR]   write everything held on a customer to a directory (threads, raw mail, …);
                                          default .replyline/exports/ (git-ignored)
  forget <customer-address> [--yes]       delete everything held on a customer; only a hashed tombstone remains
  doctor [--json]                         preflight and health checks (SES identity, DKIM, sandbox, MX, rule set,
                                          alert subscriptions, secrets, DLQs, SLA sweeper); exit 1 if any FAILs

Options:
  --config FILE   configuration file (default: replyline.config.json)
  --fresh         clear local state (.replyline/) before starting
  --stack NAME    operator tools: a deployed stack (standard AWS credentials); default: the local stack
  --region REGION region of --stack (default: AWS_REGION or the profile's)
`;

const STATE_DIR = '.replyline';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const usage = command ? operatorUsage(command) : undefined;
  if (usage && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  switch (command) {
    case 'start':
      return start(rest);
    case 'send':
      return send(rest);
    case 'explain':
      return explain(rest);
    case 'eval':
      return evaluate(rest);
    case 'reply':
      return reply(rest);
    case 'threads':
      return threadsCommand(rest);
    case 'replay':
      return replayCommand(rest);
    case 'redrive':
      return redriveCommand(rest);
    case 'reconcile':
      return reconcileCommand(rest);
    case 'export':
      return exportCommand(rest);
    case 'forget':
      return forgetCommand(rest);
    case 'doctor':
      return doctorCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { fresh: { type: 'boolean', default: false }, config: { type: 'string', default: 'replyline.config.json' }, 'time-scale': { type: 'string', default: '1' } },
  });
  const timeScale = Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale < 1) {
    process.stderr.write(`--time-scale must be a number ≥ 1, got "${values['time-scale']}"\n`);
    return 1;
  }
  const configFile = resolve(values.config);
  const config = readConfigFile(configFile);
  const ports = portsFromEnv();
  const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${line}\n`);
  process.stdout.write('Starting Replyline locally (DynamoDB Local needs a few seconds)…\n');
  const stack = await startLocalStack({ stateDir: resolve(STATE_DIR), configFile, ports, fresh: values.fresh, timeScale, log }).catch((error: unknown) => {
    throw busyPortError(error, ports) ?? error;
  });
  const { endpoints } = stack.emulators;
  const { resources, smtp } = stack.instance;
  process.stdout.write(
    [
      '',
      `Replyline is running locally for ${config.domain} (config: ${values.config})`,
      `  SMTP inbound   smtp://localhost:${smtp.port}   mail to: ${config.addresses.map((entry) => entry.address).join(', ')}`,
      `  Sent mail      ${endpoints.ses.replace('127.0.0.1', 'localhost')}/         web page; JSON at /store; raw mail with all headers at /outbox`,
      `  DynamoDB       ${endpoints.dynamodb}   table ${resources.table}`,
      `  S3             ${endpoints.s3}   bucket ${resources.bucket}`,
      `  SQS            ${endpoints.sqs}   queue ${resources.inbound.url.split('/').pop()} (+ -dlq)`,
      `  EventBridge    ${endpoints.events}   also appended to ${STATE_DIR}/events.jsonl`,
      `  SLA sweeper    every minute of sweeper time${timeScale > 1 ? `, clock ×${timeScale} (a 4 h promise breaches in ${(240 / timeScale).toFixed(1)} min)` : ''}; breaches print here and, with alerts.chatWebhookSecretName, go to the chat webhook`,
      '',
      'Try:  npx replyline send samples/order-question.eml',
      'Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('\nStopping…\n');
  await stack.stop();
  process.stdout.write('Stopped.\n');
  return 0;
}

/** A port some other process holds, named by the variable that moves it. */
function busyPortError(error: unknown, ports: LocalPorts): LocalSetupError | undefined {
  const failure = error as NodeJS.ErrnoException & { port?: number };
  if (failure.code !== 'EADDRINUSE') return undefined;
  const port = failure.port ?? Number(/:(\d+)\s*$/.exec(failure.message)?.[1]);
  const name = (Object.keys(ports) as (keyof LocalPorts)[]).find((key) => ports[key] === port);
  const variable = name ? `REPLYLINE_${name.toUpperCase()}_PORT` : 'REPLYLINE_<SERVICE>_PORT';
  return new LocalSetupError(`port ${port} is in use (another npm start, or another program): stop it, or set ${variable} to a free port`);
}

async function send(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, smtp: { type: 'string' }, config: { type: 'string', default: 'replyline.config.json' } },
  });
  if (positionals.length === 0) {
    process.stderr.write('send: give one or more .eml files\n');
    return 1;
  }
  const missing = positionals.filter((file) => !existsSync(file));
  if (missing.length) {
    process.stderr.write(`send: no such file: ${missing.join(', ')}\n`);
    return 1;
  }
  const directories = positionals.filter((file) => statSync(file).isDirectory());
  if (directories.length) {
    process.stderr.write(`send: ${directories.join(', ')} ${directories.length > 1 ? 'are directories' : 'is a directory'}; give the .eml files in it, e.g. npx replyline send ${directories[0]!.replace(/\/$/, '')}/*.eml\n`);
    return 1;
  }
  const config = readConfigFile(resolve(values.config));
  const [host, port] = (values.smtp ?? `localhost:${portsFromEnv().smtp}`).split(':');
  const result = await sendFiles(
    positionals.map((file) => ({ name: file, raw: readFileSync(file) })),
    { host: host!, port: Number(port), to: values.to, config },
    (done, total) => {
      if (total > 1 && process.stdout.isTTY) process.stdout.write(`\rsending ${done}/${total}`);
    },
  );
  if (positionals.length > 1 && process.stdout.isTTY) process.stdout.write('\n');
  for (const failure of result.failures) process.stderr.write(`${failure.name}: ${failure.reason}\n`);
  process.stdout.write(`sent ${result.sent} of ${positionals.length} mail(s) to smtp://${host}:${port}${result.failures.length ? `, ${result.failures.length} refused` : ''}\n`);
  if (result.sent > 0) process.stdout.write(`See the acknowledgements at http://localhost:${portsFromEnv().ses}/\n`);
  return result.failures.length === positionals.length ? 1 : 0;
}

async function explain(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, at: { type: 'string' }, to: { type: 'string' }, config: { type: 'string', default: 'replyline.config.json' } },
  });
  const config = readConfigFile(resolve(values.config));
  if (positionals.length === 0) {
    process.stderr.write('explain: give one or more .eml files\n');
    return 1;
  }
  const receivedAt = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(receivedAt.getTime())) {
    process.stderr.write(`explain: --at must be an ISO time like 2026-11-24T10:00:00+08:00, got "${values.at}"\n`);
    return 1;
  }
  for (const file of positionals) {
    const explanation = await explainFile(file, { config, receivedAt, to: values.to });
    process.stdout.write(`${values.json ? JSON.stringify(explanation, (_key, value: unknown) => (value === undefined ? null : value)) : formatExplanation(explanation)}\n`);
  }
  return 0;
}

async function evaluate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      config: { type: 'string', default: 'replyline.config.json' },
      set: { type: 'string', default: 'all' },
      language: { type: 'string' },
      misses: { type: 'boolean', default: false },
      screening: { type: 'boolean', default: false },
    },
  });
  const config = readConfigFile(resolve(values.config));
  if (values.screening) return evaluateScreening(config, values);
  if (positionals.length > 1) {
    process.stderr.write('eval: give one CSV file with the header subject,body,category, or none for the project\'s evaluation set\n');
    return 1;
  }
  try {
    if (positionals.length === 1) {
      process.stdout.write(`${await runEval(positionals[0]!, { json: values.json, rules: config.classification })}\n`);
      return 0;
    }
    const halves = values.set === 'all' ? EVAL_HALVES : EVAL_HALVES.filter((half) => half === values.set);
    if (halves.length === 0) throw new EvalError(`--set must be tuning, held-out or all (got "${values.set}")`);
    // Reading the held-out rows one by one is how a lexicon gets tuned on them: only the tuning half lists its misses.
    if (values.misses && halves.includes('held-out')) throw new EvalError('--misses lists the tuning half only (use --set tuning): the held-out half stays unseen by whoever tunes');
    const reports = evaluateSet({ halves, language: values.language, rules: config.classification });
    process.stdout.write(values.json ? `${JSON.stringify(reports.map(({ rows: _rows, ...figures }) => figures))}\n` : formatSetReport(reports, { misses: values.misses }));
    return 0;
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    return 1;
  }
}

/** `eval --screening`: acknowledgements per kind on the shared corpus and the repo's own machine and people mails. */
async function evaluateScreening(config: ReplylineConfig, options: { set: string; misses: boolean; json: boolean }): Promise<number> {
  const halves = options.set === 'all' ? (['tuning', 'held-out'] as const) : (['tuning', 'held-out'] as const).filter((half) => half === options.set);
  if (halves.length === 0) {
    process.stderr.write(`eval: --set must be tuning, held-out or all (got "${options.set}")\n`);
    return 1;
  }
  if (options.misses && halves.includes('held-out')) {
    process.stderr.write('eval: --misses lists the tuning half only (use --set tuning): the held-out half stays unseen by whoever tunes\n');
    return 1;
  }
  const root = resolve(import.meta.dirname, '..');
  const corpus = sharedCorpusDir();
  if (!corpus) process.stderr.write(`eval: no shared corpus at ${SHARED_CORPUS_DIR} (set REPLYLINE_CORPUS_DIR); measuring the repo's own mails only\n`);
  const screened = await screenSets(screeningSets(corpus, join(root, 'test/fixtures/screening')), config, halves);
  process.stdout.write(options.json ? `${JSON.stringify(tally(screened))}\n` : formatScreeningReport(screened, { misses: options.misses }));
  return 0;
}

async function reply(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, text: { type: 'string' }, config: { type: 'string', default: 'replyline.config.json' } },
  });
  const config = readConfigFile(resolve(values.config));
  if (positionals.length !== 1) {
    process.stderr.write('reply: give the thread ref, e.g. npx replyline reply RL-7K3F9Q\n');
    return 1;
  }
  const text = values.text ?? 'Thank you for your patience. I have looked into this and a replacement is on its way today.';
  const sent = await sendAgentReply({ ref: positionals[0]!, from: values.from, text, config, ports: portsFromEnv() });
  process.stdout.write(`sent the agent's reply from ${sent.from} to the thread address ${sent.to}\n`);
  const { outcome } = sent;
  if (!outcome) {
    process.stdout.write('Replyline has not recorded it yet (is npm start running?); npx replyline threads shows the thread\n');
    return 1;
  }
  if (outcome.role === 'agent' && outcome.disposition !== 'quarantine') {
    process.stdout.write(`Replyline relayed it to the customer; the customer's copy appears at http://localhost:${portsFromEnv().ses}/\n`);
    return 0;
  }
  process.stdout.write(`Replyline did not relay it: ${outcome.disposition} (${reasonCodes(outcome.reasons).join(', ') || 'no reason recorded'})\n`);
  return 1;
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof ClientError || error instanceof LocalSetupError) process.stderr.write(`${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`A port is already in use (${(error as Error).message}). Stop the other process or set REPLYLINE_<SERVICE>_PORT (see README).\n`);
    } else if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
      process.stderr.write(`Nothing is listening there (${(error as Error).message}). Is \`npm start\` running?\n`);
    } else process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
