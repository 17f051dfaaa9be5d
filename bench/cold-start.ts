import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { esbuildOptionsOf, handlerEntry, HANDLERS_DIR, LAMBDA_NODE_OPTIONS, lambdaBundling } from '../lib/lambda-bundling.js';
import { summarize, type BenchOptions, type BenchSection } from './support.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The config `cdk synth` bundles by default (bin/replyline.ts). */
const CONFIG = join(REPO_ROOT, 'replyline.config.json');
/** The target: ingest's load time at most this many times its baseline's. */
const TARGET_RATIO = 2;
const RESULT_PREFIX = 'replyline-cold-start ';

/** How a baseline constructs each SDK client package a function bundles. */
const SDK_CLIENTS: Record<string, { label: string; imports: string; construct: string }> = {
  '@aws-sdk/client-s3': { label: 'S3', imports: `import { S3Client } from '@aws-sdk/client-s3';`, construct: 'new S3Client(options)' },
  '@aws-sdk/client-dynamodb': { label: 'DynamoDB', imports: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`, construct: 'new DynamoDBClient(options)' },
  '@aws-sdk/lib-dynamodb': {
    label: 'DynamoDB (document client)',
    imports: `import { DynamoDBClient as DocumentBase } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';`,
    construct: 'DynamoDBDocumentClient.from(new DocumentBase(options))',
  },
  '@aws-sdk/client-ses': { label: 'SES', imports: `import { SESClient } from '@aws-sdk/client-ses';`, construct: 'new SESClient(options)' },
  '@aws-sdk/client-sesv2': { label: 'SES v2', imports: `import { SESv2Client } from '@aws-sdk/client-sesv2';`, construct: 'new SESv2Client(options)' },
  '@aws-sdk/client-sqs': { label: 'SQS', imports: `import { SQSClient } from '@aws-sdk/client-sqs';`, construct: 'new SQSClient(options)' },
  '@aws-sdk/client-eventbridge': { label: 'EventBridge', imports: `import { EventBridgeClient } from '@aws-sdk/client-eventbridge';`, construct: 'new EventBridgeClient(options)' },
  '@aws-sdk/client-secrets-manager': {
    label: 'Secrets Manager',
    imports: `import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';`,
    construct: 'new SecretsManagerClient(options)',
  },
};

/**
 * The first invocation measured after the load: an event each handler answers without any AWS
 * call, so that it times the wiring (clients, config, SLA calendars) and nothing on the network.
 */
const NO_IO_EVENTS: Record<string, unknown> = {
  ingest: sqsEvent(JSON.stringify({ notificationType: 'AMAZON_SES_SETUP_NOTIFICATION' })),
  deliver: sqsEvent('not a routing message'),
  feedback: sqsEvent('not an SES event'),
  'agent-events': { 'detail-type': 'Not Agent Replied', source: 'cold-start-bench', detail: {} },
  'alert-chat': sqsEvent('not an SLA alert event'),
};

/**
 * Runs in the child: times `require(bundle)` until the handler export is there, then (if given)
 * one invocation with an event that needs no AWS call. Kept as text: it must be plain CJS next
 * to the bundles, not TypeScript run through tsx.
 */
const PROBE = `'use strict';
const { performance } = require('node:perf_hooks');
const net = require('node:net');
// Counts connection attempts (HTTP and TLS go through net.Socket), to see that loading does no network I/O.
let connects = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { connects++; return connect.apply(this, args); };
(async () => {
  const [bundle, eventJson] = process.argv.slice(2);
  const started = performance.now();
  const { handler } = require(bundle);
  if (typeof handler !== 'function') throw new Error(bundle + ': no handler export');
  const loadMs = performance.now() - started;
  const loadConnects = connects;
  let firstEventMs;
  if (eventJson) {
    const invoked = performance.now();
    await Promise.resolve(handler(JSON.parse(eventJson), { getRemainingTimeInMillis: () => 30000 })).catch(() => undefined);
    firstEventMs = performance.now() - invoked;
  }
  process.stdout.write('\\n${RESULT_PREFIX}' + JSON.stringify({ loadMs, firstEventMs, connects: { load: loadConnects, firstEvent: connects - loadConnects } }) + '\\n');
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
}

interface FunctionBundle extends Bundle {
  name: string;
  /** SDK client packages in the bundle, i.e. what its baseline constructs. */
  clients: string[];
  baseline: Bundle & { key: string };
}

interface Probe {
  loadMs: number;
  firstEventMs?: number;
  /** Connection attempts while loading, and during the first event. */
  connects: { load: number; firstEvent: number };
}

/**
 * Cold start: each function bundled exactly as the stack bundles it (lib/lambda-bundling.ts), its
 * size, and the time a fresh `node` (with the functions' NODE_OPTIONS) takes to `require` it, against
 * a baseline bundle of only the AWS SDK clients that function bundles, constructed at load, built
 * with the same options and timed in the same way. Runs alternate baseline and function; medians.
 */
export async function benchColdStart(options: BenchOptions): Promise<BenchSection> {
  const runs = options.quick ? 5 : 15;
  // --quick keeps ingest (the target's function) at 5 loads and gives the others 3.
  const runsOf = (name: string) => (options.quick && name !== 'ingest' ? 3 : runs);
  const workDir = mkdtempSync(join(tmpdir(), 'replyline-cold-start-'));
  try {
    const started = Date.now();
    const bundles = await bundleFunctions(workDir, readConfigFile(CONFIG));
    options.log(`cold-start: bundled ${bundles.length} functions and ${new Set(bundles.map((bundle) => bundle.baseline.key)).size} baselines in ${((Date.now() - started) / 1000).toFixed(1)} s; each loaded ${options.quick ? '5 (ingest) or 3' : runs} times, alternating with its baseline`);
    const probe = join(workDir, 'probe.cjs');
    writeFileSync(probe, PROBE);

    const loads = new Map<string, Probe[]>(bundles.flatMap((bundle) => [[bundle.file, []], [bundle.baseline.file, []]]));
    for (let run = 0; run < runs; run++) {
      for (const bundle of bundles.filter((bundle) => run < runsOf(bundle.name))) {
        const event = NO_IO_EVENTS[bundle.name];
        // Alternate which of the pair goes first, so a drifting machine load favours neither.
        const pair = run % 2 === 0 ? [bundle.baseline.file, bundle.file] : [bundle.file, bundle.baseline.file];
        for (const file of pair) loads.get(file)!.push(await probeLoad(probe, file, file === bundle.file ? event : undefined, childEnv(bundle.name)));
      }
      const measured = bundles.filter((bundle) => run < runsOf(bundle.name));
      options.log(`cold-start: run ${run + 1}/${runs}: ${measured.map((bundle) => `${bundle.name} ${loads.get(bundle.file)!.at(-1)!.loadMs.toFixed(0)} ms`).join(', ')}`);
    }
    return report(bundles, loads, options.quick ? `median of ${runs} loads for ingest, 3 for the others` : `median of ${runs}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function report(bundles: FunctionBundle[], loads: Map<string, Probe[]>, runs: string): BenchSection {
  const median = (values: number[]) => summarize(values).p50;
  const rows = bundles.map((bundle) => {
    const own = loads.get(bundle.file)!;
    const loadMs = median(own.map((probe) => probe.loadMs));
    const baselineLoadMs = median(loads.get(bundle.baseline.file)!.map((probe) => probe.loadMs));
    const firstEvents = own.flatMap((probe) => (probe.firstEventMs === undefined ? [] : [probe.firstEventMs]));
    return { bundle, loadMs, baselineLoadMs, ratio: loadMs / baselineLoadMs, firstEventMs: firstEvents.length ? median(firstEvents) : undefined };
  });
  const ingest = rows.find((row) => row.bundle.name === 'ingest');
  if (!ingest) throw new Error('cold-start: no ingest function in lambdas/handlers');
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const baselines = [...new Map(bundles.map((bundle) => [bundle.baseline.key, bundle])).values()];
  return {
    tables: [
      {
        title: `Cold start: each function's bundle as deployed, loaded in a fresh node ${LAMBDA_NODE_OPTIONS} (${runs}), against its SDK-clients-only baseline`,
        header: ['function', 'bundle KB', 'gzip KB', 'load ms', 'baseline ms', 'ratio', 'first event ms'],
        rows: rows.map((row) => [
          row.bundle.name,
          kb(row.bundle.bytes),
          kb(row.bundle.gzipBytes),
          row.loadMs,
          row.baselineLoadMs,
          `${row.ratio.toFixed(2)}×`,
          row.firstEventMs === undefined ? '–' : row.firstEventMs,
        ]),
        notes: [
          `load: require() of the minified bundle until its handler export is there (read, compile, module top levels), timed inside the child; Node ${process.version} here, Lambda runs Node 22.`,
          ...baselines.map(
            (bundle) =>
              `baseline (${bundles.filter((other) => other.baseline.key === bundle.baseline.key).map((other) => other.name).join(', ')}): only the SDK clients the function bundles (${bundle.clients.map((name) => SDK_CLIENTS[name]!.label).join(', ')}), constructed at load; ${kb(bundle.baseline.bytes)} KB, ${kb(bundle.baseline.gzipBytes)} KB gzipped.`,
          ),
          'first event: the first invocation, with an event needing no AWS call (SES setup notification, malformed record): wiring of clients, config and SLA calendars. – : none exists (sla-sweep queries DynamoDB).',
          `network I/O (connection attempts) while loading or in the first event: ${describeConnects(bundles, loads)}.`,
          `target: ingest load ≤ ${TARGET_RATIO}× its baseline: ${ingest.ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ingest.ratio.toFixed(2)}×).`,
        ],
      },
    ],
    json: {
      coldStartRatio: Math.round(ingest.ratio * 100) / 100,
      coldStart: Object.fromEntries(
        rows.map((row) => [
          row.bundle.name,
          {
            bytes: row.bundle.bytes,
            gzipBytes: row.bundle.gzipBytes,
            loadMs: round(row.loadMs),
            baselineLoadMs: round(row.baselineLoadMs),
            ratio: Math.round(row.ratio * 100) / 100,
            ...(row.firstEventMs === undefined ? {} : { firstEventMs: round(row.firstEventMs) }),
            baselineBytes: row.bundle.baseline.bytes,
            baselineClients: row.bundle.clients,
          },
        ]),
      ),
    },
  };
}

function describeConnects(bundles: FunctionBundle[], loads: Map<string, Probe[]>): string {
  const found = bundles.flatMap((bundle) => {
    const probes = loads.get(bundle.file)!;
    const load = Math.max(...probes.map((probe) => probe.connects.load));
    const firstEvent = Math.max(...probes.map((probe) => probe.connects.firstEvent));
    return load || firstEvent ? [`${bundle.name}: ${load} while loading, ${firstEvent} in the first event`] : [];
  });
  return found.length ? found.join('; ') : 'none';
}

/** Every handler in lambdas/handlers (ingest first), and one baseline per distinct set of SDK clients. */
async function bundleFunctions(workDir: string, config: ReplylineConfig): Promise<FunctionBundle[]> {
  const bundling = lambdaBundling(config);
  const names = readdirSync(HANDLERS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort((a, b) => Number(b === 'ingest') - Number(a === 'ingest') || a.localeCompare(b));
  const built = await Promise.all(
    names.map(async (name) => {
      const file = join(workDir, name, 'index.js');
      const { metafile } = await build({ ...esbuildOptionsOf(bundling, handlerEntry(name), file), metafile: true });
      return { name, ...measure(file), clients: sdkClientsIn(metafile, name) };
    }),
  );
  const baselines = new Map<string, Promise<Bundle & { key: string }>>();
  const baselineOf = (clients: string[]) => {
    const key = clients.join('+');
    if (!baselines.has(key)) baselines.set(key, buildBaseline(workDir, `baseline-${baselines.size + 1}`, clients, bundling).then((bundle) => ({ ...bundle, key })));
    return baselines.get(key)!;
  };
  return Promise.all(built.map(async (bundle) => ({ ...bundle, baseline: await baselineOf(bundle.clients) })));
}

/** A bundle of only these SDK clients, constructed at load, built with the functions' options. */
async function buildBaseline(workDir: string, name: string, clients: string[], bundling: ReturnType<typeof lambdaBundling>): Promise<Bundle> {
  const file = join(workDir, name, 'index.js');
  const contents = [
    ...clients.map((client) => SDK_CLIENTS[client]!.imports),
    'const options = { region: process.env.AWS_REGION };',
    `export const clients = [${clients.map((client) => SDK_CLIENTS[client]!.construct).join(', ')}];`,
    'export const handler = async () => clients.length;',
  ].join('\n');
  const { entryPoints: _entry, ...sameOptions } = esbuildOptionsOf(bundling, 'baseline', file);
  const options: BuildOptions = { ...sameOptions, stdin: { contents, resolveDir: REPO_ROOT, sourcefile: `${name}.js`, loader: 'js' } };
  await build(options);
  return measure(file);
}

/** The SDK client packages a bundle holds: what is in its output, not all esbuild read (the unused are tree-shaken). */
function sdkClientsIn(metafile: Metafile, name: string): string[] {
  const packages = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/(@aws-sdk\/(?:client-[^/]+|lib-dynamodb))\//.exec(input);
      if (match && bytesInOutput > 0) packages.add(match[1]!);
    }
  }
  const unknown = [...packages].filter((client) => !SDK_CLIENTS[client]);
  if (unknown.length) throw new Error(`cold-start: ${name} bundles ${unknown.join(', ')}; add it to SDK_CLIENTS so its baseline has it too`);
  // The document client wraps a DynamoDB client of its own: one of the two is enough.
  if (packages.has('@aws-sdk/lib-dynamodb')) packages.delete('@aws-sdk/client-dynamodb');
  return Object.keys(SDK_CLIENTS).filter((client) => packages.has(client));
}

function measure(file: string): Bundle {
  return { file, bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length };
}

/**
 * What the handlers validate at cold start, with local dummy values: nothing reaches AWS (module
 * load does no I/O; the endpoints point at a closed local port should anything try).
 */
function childEnv(name: string): NodeJS.ProcessEnv {
  const closedPort = 'http://127.0.0.1:9';
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'cold-start-bench',
    AWS_SECRET_ACCESS_KEY: 'cold-start-bench',
    AWS_ENDPOINT_URL: closedPort,
    ...Object.fromEntries(['S3', 'DYNAMODB', 'SES', 'SQS', 'EVENTBRIDGE', 'SECRETS_MANAGER'].map((service) => [`AWS_ENDPOINT_URL_${service}`, closedPort])),
    // Node 20 here; the SDK warns once per process that it will want Node 22 (which Lambda runs).
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: `replyline-${name}`,
    POWERTOOLS_METRICS_NAMESPACE: 'Replyline',
    LOG_LEVEL: 'WARN',
    TABLE_NAME: 'threads',
    EVENT_BUS_NAME: 'replyline',
    INSTANCE_ID: 'cold-start.example.com',
    THREAD_KEY_SECRET_ID: 'thread-key',
    CHAT_WEBHOOK_SECRET_ID: 'chat-webhook',
    TEAM_QUEUE_URLS: JSON.stringify({ support: `${closedPort}/support`, sales: `${closedPort}/sales` }),
    TEAM_ID: 'support',
    DEAD_LETTER_QUEUE_URL: `${closedPort}/support-dlq`,
  };
}

function probeLoad(probe: string, bundle: string, event: unknown, env: NodeJS.ProcessEnv): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const args = [...LAMBDA_NODE_OPTIONS.split(' '), probe, bundle, ...(event === undefined ? [] : [JSON.stringify(event)])];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`cold-start: loading ${bundle} failed (exit ${code}): ${stderr.slice(-2000)}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as Probe);
    });
  });
}

function sqsEvent(body: string) {
  return {
    Records: [
      {
        messageId: 'cold-start-1',
        receiptHandle: 'cold-start',
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'cold-start', ApproximateFirstReceiveTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:cold-start',
        awsRegion: 'us-east-1',
      },
    ],
  };
}
