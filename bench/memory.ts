import { execFile, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { createTransport } from 'nodemailer';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { lambdaBundling } from '../lib/lambda-bundling.js';
import { type Emulators } from '../local/emulators.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.js';
import { startInstance, type LocalInstance } from '../local/instance.js';
import { startQueuePoller } from '../local/queue-poller.js';
import { startSmtpInbound } from '../local/smtp-inbound.js';
import type { InvocationMemory, ProbeRequest, ProbeResponse } from './memory-probe.js';
import type { SesBodyMode, SesBodyResult } from './ses-body-probe.js';
import { median, withEmulators, type BenchOptions, type BenchSection, type BenchTable } from './support.js';

const CONFIG = 'replyline.config.json';
const MiB = 1024 * 1024;
/** The issue's case: a 30 MB customer mail with attachments. */
const LARGE_MAIL_BYTES = 30 * MiB;
/** Target: peak RSS above the warm baseline at most this many times the mail's size. */
const TARGET_RATIO = 4;
/**
 * Deliver attaches originals up to acknowledgement.maxAttachmentBytes (25 MB); the local SES
 * emulator refuses request bodies over 25 MB, and a SendEmail body is the forward in base64
 * inside JSON (≈ 1.34× the forward): 16 MB is near the largest forward it takes with room to spare.
 */
const ATTACHED_MAIL_BYTES = 16 * MiB;
/** The agent reply whose relay (attachments re-attached) is sent through SES v2 in the request-body measurement. */
const RELAYED_REPLY_BYTES = 30 * MiB;
const TEAM = 'support';
const STEP_TIMEOUT_MS = 120_000;

type FunctionName = 'ingest' | 'deliver';

interface Measurement {
  function: FunctionName;
  original: MailCase['original'];
  mailBytes: number;
  loadedRssBytes: number;
  memory: InvocationMemory;
}

/**
 * Peak memory of the real ingest and deliver functions on a 30 MB mail (and, in a
 * full run, on a 16 MB one whose original deliver attaches). Each function runs in
 * a child process of its own, from a bundle built as the stack builds it; the local
 * queue pollers hand it the same SQS events local mode does, from the same
 * SMTP → S3 → SQS path. Baseline: the child's RSS once it has loaded and handled
 * one small mail (warm).
 */
export async function benchMemory(options: BenchOptions): Promise<BenchSection> {
  const workDir = mkdtempSync(join(tmpdir(), 'replyline-memory-'));
  try {
    readConfigFile(CONFIG); // fail early on a bad config
    options.log('memory: bundling ingest and deliver as the stack does (esbuild), starting the emulators');
    // esbuild works in a process of its own while the emulators start.
    const bundling = buildBundles(workDir, readFileSync(CONFIG, 'utf8'));
    bundling.catch(() => undefined); // awaited below; this only keeps an early failure elsewhere from leaving it unhandled
    const measurements = await withEmulators(async (emulators) => measureFunctions(emulators, await bundling, options));
    options.log(`memory: sending the relay of a ${RELAYED_REPLY_BYTES / MiB} MB agent reply through SES v2, spliced body against the SDK's own`);
    const sesBody = await measureSesBody(workDir, (await bundling).sesBodyProbe);
    return report(measurements, sesBody);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface Bundles {
  probe: string;
  sesBodyProbe: string;
  ingest: string;
  deliver: string;
}

/**
 * As lib/constructs/app-function.ts bundles a function (CJS, minified, SDK included,
 * config and holiday dates defined in), for the Node running this benchmark. The config goes in as
 * written, not as parsed: the function validates and converts it at start.
 */
async function buildBundles(dir: string, configJson: string): Promise<Bundles> {
  const functions: FunctionName[] = ['ingest', 'deliver'];
  await Promise.all([
    build({
      entryPoints: Object.fromEntries(functions.map((name) => [name, `lambdas/handlers/${name}.ts`])),
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      minify: true,
      logLevel: 'error',
      // The stack's defines (holiday dates resolved at synth among them), with the config as written.
      define: { ...lambdaBundling(readConfigFile(CONFIG)).define, __REPLYLINE_CONFIG__: JSON.stringify(JSON.stringify(JSON.parse(configJson))) },
    }),
    build({ entryPoints: ['bench/memory-probe.ts'], outfile: join(dir, 'memory-probe.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'error' }),
    // ESM for the probe's top-level await; the CommonJS packages it bundles get a real `require` for Node's built-ins.
    build({
      entryPoints: ['bench/ses-body-probe.ts'],
      outfile: join(dir, 'ses-body-probe.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      logLevel: 'error',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
  ]);
  return { probe: join(dir, 'memory-probe.mjs'), sesBodyProbe: join(dir, 'ses-body-probe.mjs'), ingest: join(dir, 'ingest.cjs'), deliver: join(dir, 'deliver.cjs') };
}

/** Mails measured: the issue's 30 MB one, and one small enough that deliver attaches the original. */
interface MailCase {
  bytes: number;
  /** Whether deliver attaches the original (up to acknowledgement.maxAttachmentBytes) or links to it. */
  original: 'linked' | 'attached';
}

async function measureFunctions(emulators: Emulators, bundles: Bundles, options: BenchOptions): Promise<Measurement[]> {
  const instance = await startInstance(emulators.endpoints, { name: 'memory', configFile: CONFIG, smtpPort: 0 });
  // The instance's resources stay on the emulators; its in-process functions stop, so only the children run them.
  await instance.stop();
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...clientOptions, endpoint: emulators.endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientOptions, endpoint: emulators.endpoints.sqs });
  const { resources } = instance;
  const smtp = await startSmtpInbound({ port: 0, config: instance.config, s3, bucket: resources.bucket, sqs, queueUrl: resources.inbound.url, topicArn: resources.topicArn });
  const maxAttached = instance.config.acknowledgement.maxAttachmentBytes;
  const cases: MailCase[] = [
    { bytes: LARGE_MAIL_BYTES, original: LARGE_MAIL_BYTES > maxAttached ? 'linked' : 'attached' },
    ...(options.quick ? [] : [{ bytes: Math.min(ATTACHED_MAIL_BYTES, maxAttached), original: 'attached' as const }]),
  ];
  try {
    const measurements: Measurement[] = [];
    for (const mailCase of cases) measurements.push(...(await measureOneMail(mailCase, { instance, sqs, smtpPort: smtp.port, bundles, options })));
    return measurements;
  } finally {
    await smtp.stop();
    s3.destroy();
    sqs.destroy();
  }
}

/**
 * Fresh ingest and deliver processes, warmed with a small mail, then one large
 * mail through both: SMTP → S3 → inbound queue → ingest → team queue → deliver.
 */
async function measureOneMail(
  mailCase: MailCase,
  context: { instance: LocalInstance; sqs: SQSClient; smtpPort: number; bundles: Bundles; options: BenchOptions },
): Promise<Measurement[]> {
  const { instance, sqs, smtpPort, bundles, options } = context;
  const { resources } = instance;
  const team = resources.teams[TEAM];
  if (!team) throw new Error(`${CONFIG} has no team "${TEAM}"`);
  const children: ProbeChild[] = [];
  const pollers: { stop(): Promise<void> }[] = [];
  try {
    const env = childEnv(instance);
    const ingest = await ProbeChild.start('ingest', bundles.probe, bundles.ingest, env);
    children.push(ingest);
    const deliver = await ProbeChild.start('deliver', bundles.probe, bundles.deliver, { ...env, TEAM_ID: TEAM, DEAD_LETTER_QUEUE_URL: team.dlqUrl });
    children.push(deliver);

    const tag = randomBytes(4).toString('hex');
    const warmSender = `memory-warm-${tag}@customer.example.org`;
    const largeSender = `memory-large-${tag}@customer.example.org`;
    const results = new Results();
    const relay = (child: ProbeChild, senderOf: (body: string) => string) => async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const senders = event.Records.map((record) => senderOf(record.body));
      const response = await child.invoke(event, senders.includes(largeSender));
      if (response.batchItemFailures !== 0) response.error ??= `its log: ${child.recentLog()}`;
      for (const sender of senders) results.settle(`${child.name}:${sender}`, response);
      return { batchItemFailures: response.batchItemFailures === 0 ? [] : event.Records.map((record) => ({ itemIdentifier: record.messageId })) };
    };
    const onError = (error: Error) => options.log(`memory: poller error: ${error.message}`);
    const poll = { sqs, region: LOCAL_REGION, batchSize: 1, onError };
    pollers.push(startQueuePoller({ ...poll, queueUrl: resources.inbound.url, queueArn: resources.inbound.arn, handler: relay(ingest, inboundSender) }));
    pollers.push(startQueuePoller({ ...poll, queueUrl: team.url, queueArn: team.arn, handler: relay(deliver, routedCustomer) }));

    options.log('memory: warming fresh ingest and deliver processes with a small mail');
    await sendSmtp(smtpPort, warmSender, smallMail(warmSender, `warm-${tag}@customer.example.org`));
    await results.wait(`ingest:${warmSender}`);
    await results.wait(`deliver:${warmSender}`);

    const large = largeMail({ from: largeSender, messageId: `large-${tag}@customer.example.org`, bytes: mailCase.bytes });
    options.log(`memory: sending a ${(large.length / MiB).toFixed(1)} MB mail with attachments (deliver: original ${mailCase.original})`);
    await sendSmtp(smtpPort, largeSender, large);
    const measurements: Measurement[] = [];
    for (const name of ['ingest', 'deliver'] as const) {
      const response = await results.wait(`${name}:${largeSender}`);
      if (!response.memory) throw new Error(`memory: ${name} was not measured`);
      const child = name === 'ingest' ? ingest : deliver;
      measurements.push({ function: name, original: mailCase.original, mailBytes: large.length, loadedRssBytes: child.loadedRssBytes, memory: response.memory });
      options.log(`memory: ${name} peaked ${((response.memory.peakRssBytes - response.memory.baselineRssBytes) / MiB).toFixed(1)} MB above its baseline`);
    }
    return measurements;
  } finally {
    await Promise.all(pollers.map((poller) => poller.stop()));
    for (const child of children) child.stop();
  }
}

/** The functions' environment as local mode sets it, with the config bundled in instead of read from a file. */
function childEnv(instance: LocalInstance): Record<string, string> {
  const { REPLYLINE_CONFIG_FILE: _bundledInstead, ...env } = instance.env;
  return {
    ...env,
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** The envelope sender of an inbound-queue message (SNS-wrapped SES receipt notification). */
function inboundSender(body: string): string {
  const notification = JSON.parse((JSON.parse(body) as { Message: string }).Message) as { mail: { source: string } };
  return notification.mail.source;
}

function routedCustomer(body: string): string {
  return (JSON.parse(body) as { customer: { address: string } }).customer.address;
}

/** Outcomes of invocations by function and sender, awaited before or after they arrive. */
class Results {
  private readonly entries = new Map<string, { promise: Promise<ProbeResponse>; resolve: (response: ProbeResponse) => void }>();

  settle(key: string, response: ProbeResponse): void {
    this.entry(key).resolve(response);
  }

  async wait(key: string): Promise<ProbeResponse> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`memory: no ${key.split(':')[0]} invocation within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)));
    try {
      const response = await Promise.race([this.entry(key).promise, timeout]);
      if (response.batchItemFailures !== 0) throw new Error(`memory: ${key.split(':')[0]} failed (${response.error ?? 'a record was reported failed'})`);
      return response;
    } finally {
      clearTimeout(timer);
    }
  }

  private entry(key: string) {
    let entry = this.entries.get(key);
    if (!entry) {
      let resolve!: (response: ProbeResponse) => void;
      const promise = new Promise<ProbeResponse>((done) => (resolve = done));
      entry = { promise, resolve };
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/** One function in a Node process of its own, driven over IPC. */
class ProbeChild {
  private nextId = 0;
  private readonly pending = new Map<number, (response: ProbeResponse) => void>();
  private logTail = '';
  /** RSS once the bundle is loaded, before any invocation. */
  loadedRssBytes = 0;

  private constructor(
    readonly name: FunctionName,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => (this.logTail = (this.logTail + chunk.toString('utf8')).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: ProbeResponse) => {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
    child.on('exit', (code) => {
      for (const [id, resolve] of this.pending) resolve({ id, batchItemFailures: -1, error: `${name} process exited (${code}): ${this.logTail.slice(-1000)}` });
      this.pending.clear();
    });
  }

  /** The end of the function's own log (levels WARN and up: refs and reasons, never mail content). */
  recentLog(): string {
    return this.logTail.slice(-1500);
  }

  static async start(name: FunctionName, probe: string, bundle: string, env: Record<string, string>): Promise<ProbeChild> {
    // No execArgv: the parent may run under tsx, and its loader would add to the child's memory.
    const child = fork(probe, [bundle], { execArgv: [], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const probeChild = new ProbeChild(name, child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', (ready: { loadedRssBytes: number }) => {
        probeChild.loadedRssBytes = ready.loadedRssBytes;
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`${name} process exited (${code}) before it was ready: ${probeChild.logTail.slice(-1000)}`)));
    });
    return probeChild;
  }

  invoke(event: SQSEvent, measure: boolean): Promise<ProbeResponse> {
    const request: ProbeRequest = { id: this.nextId++, event, measure };
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.child.send(request);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

async function sendSmtp(port: number, from: string, raw: string | Buffer): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from, to: ['support@example.com'] }, raw });
  } finally {
    transport.close();
  }
}

function smallMail(from: string, messageId: string): string {
  return [
    `From: Warm Customer <${from}>`,
    'To: support@example.com',
    'Subject: My order has not arrived',
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Order 4711 has not arrived yet. Could you check where it is?',
    '',
  ].join('\r\n');
}

const CUSTOMER_TEXT = [
  'Hello,',
  '',
  'the coffee machine I ordered last week (order 4711) arrived with a cracked water tank and it leaks',
  'as soon as it is filled. I attached photos of the damage, the invoice and the log export from the',
  "machine's app, as your website asks. Could you send a replacement tank or take the machine back?",
  '',
  'Many thanks,',
  'Jana Müller',
].join('\r\n');

/**
 * A customer mail of about `bytes` raw bytes: text and HTML bodies, then a PDF, a
 * JPEG and a zip (random bytes behind real magic numbers: they do not compress),
 * base64-encoded in 76-character lines as mail clients send them.
 */
function largeMail(options: { from: string; messageId: string; bytes: number }): Buffer {
  const html = `<html><body>${CUSTOMER_TEXT.split('\r\n')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\r\n')}</body></html>`;
  const head = [
    `From: Jana Müller <${options.from}>`,
    'To: support@example.com',
    'Subject: Damaged delivery: photos, invoice and logs attached',
    `Message-ID: <${options.messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed-boundary"',
    '',
    '--mixed-boundary',
    'Content-Type: multipart/alternative; boundary="alternative-boundary"',
    '',
    '--alternative-boundary',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    CUSTOMER_TEXT,
    '--alternative-boundary',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    '--alternative-boundary--',
    '',
  ].join('\r\n');
  const attachments = [
    { filename: 'invoice-4711.pdf', contentType: 'application/pdf', share: 0.4, magic: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1') },
    { filename: 'IMG_2041.jpg', contentType: 'image/jpeg', share: 0.25, magic: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]) },
    { filename: 'machine-logs.zip', contentType: 'application/zip', share: 0.35, magic: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]) },
  ];
  const partHead = (attachment: (typeof attachments)[number]) =>
    [
      '--mixed-boundary',
      `Content-Type: ${attachment.contentType}; name="${attachment.filename}"`,
      `Content-Disposition: attachment; filename="${attachment.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      '',
    ].join('\r\n');
  const tail = '\r\n--mixed-boundary--\r\n';
  const overhead = Buffer.byteLength(head) + attachments.reduce((sum, attachment) => sum + partHead(attachment).length + 2, 0) + tail.length;
  // base64 turns 3 bytes into 4, plus CRLF after every 76 characters.
  const decodedBytes = Math.floor((((options.bytes - overhead) * 3) / 4) * (76 / 78));
  const parts = attachments.map((attachment) => {
    const content = Buffer.concat([attachment.magic, randomBytes(Math.floor(decodedBytes * attachment.share) - attachment.magic.length)]);
    return Buffer.from(`${partHead(attachment)}${content.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`);
  });
  return Buffer.concat([Buffer.from(head), ...parts, Buffer.from(tail)]);
}

interface SesBodyMeasurement {
  replyBytes: number;
  spliced: SesBodyResult[];
  sdk: SesBodyResult[];
}

/**
 * The relay of a 30 MB agent reply, its attachments re-attached, sent through SES v2 SendEmail
 * by the SesMailer as deployed (raw content written into the JSON body in place) and, as the
 * baseline, by the SDK's own SendEmailCommand given the joined message. Each send in a fresh
 * Node process (alternating, three rounds), to a request handler that answers as SES does: the
 * local SES emulator takes no request over 25 MB, so this part needs none.
 */
async function measureSesBody(workDir: string, probe: string): Promise<SesBodyMeasurement> {
  const replyFile = join(workDir, 'agent-reply.eml');
  const reply = largeMail({ from: 'mei.chen@mail.example.com', messageId: 'agent-large@mail.example.com', bytes: RELAYED_REPLY_BYTES });
  writeFileSync(replyFile, reply);
  const measured: SesBodyMeasurement = { replyBytes: reply.length, spliced: [], sdk: [] };
  for (let round = 0; round < 3; round++) {
    for (const mode of ['spliced', 'sdk'] as const) measured[mode].push(await runSesBodyProbe(probe, mode, replyFile));
  }
  return measured;
}

function runSesBodyProbe(probe: string, mode: SesBodyMode, replyFile: string): Promise<SesBodyResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [probe, mode, replyFile], { env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, maxBuffer: 1024 * 1024, timeout: STEP_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`memory: the SES body probe (${mode}) failed: ${error.message} ${stderr.slice(-1000)}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as SesBodyResult);
    });
  });
}

function sesBodyTable(measured: SesBodyMeasurement): { table: BenchTable; json: Record<string, unknown> } {
  const mb = (bytes: number) => (bytes / MiB).toFixed(1);
  const above = (results: SesBodyResult[]) => median(results.map((result) => result.peakRssBytes - result.baselineRssBytes));
  const row = (label: string, results: SesBodyResult[]) => [label, mb(measured.replyBytes), mb(results[0]!.requestBodyBytes), mb(above(results)), `${(above(results) / measured.replyBytes).toFixed(2)}×`];
  const spliced = above(measured.spliced);
  const sdk = above(measured.sdk);
  return {
    table: {
      title: `SES v2 SendEmail of the relay of a ${mb(measured.replyBytes)} MB agent reply, attachments re-attached (RSS above a warm baseline, MB; a fresh Node process per send, median of ${measured.spliced.length})`,
      header: ['request body', 'reply MB', 'body MB', 'peak above baseline', 'ratio to reply size'],
      rows: [row('replyline: raw content written in place', measured.spliced), row("baseline: the SDK's SendEmailCommand", measured.sdk)],
      notes: [
        'both compose the relay the same way (the reply streamed from a file, as from S3, its attachments re-encoded by nodemailer); the baseline then joins the parts and lets the SDK serialize them',
        `written in place, the send peaks at ${((spliced / sdk) * 100).toFixed(0)} % of the SDK's own serialization`,
      ],
    },
    json: { replyBytes: measured.replyBytes, requestBodyBytes: measured.spliced[0]!.requestBodyBytes, splicedAboveBaselineBytes: spliced, sdkAboveBaselineBytes: sdk },
  };
}

function report(measurements: Measurement[], sesBody: SesBodyMeasurement): BenchSection {
  const relay = sesBodyTable(sesBody);
  const mb = (bytes: number) => (bytes / MiB).toFixed(1);
  const aboveBaseline = (measurement: Measurement) => measurement.memory.peakRssBytes - measurement.memory.baselineRssBytes;
  const ratio = (measurement: Measurement) => aboveBaseline(measurement) / measurement.mailBytes;
  const [ingest, deliver, ...attached] = measurements as [Measurement, Measurement, ...Measurement[]];
  const met = ratio(ingest) <= TARGET_RATIO;
  const details = (measurement: Measurement) => ({ loadedRssBytes: measurement.loadedRssBytes, ...measurement.memory, aboveBaselineBytes: aboveBaseline(measurement), ratio: Math.round(ratio(measurement) * 1000) / 1000 });
  return {
    tables: [
      {
        title: 'Peak memory on one large mail with attachments (RSS, MB; each function in a fresh Node process, bundled as deployed, against the local emulators)',
        header: ['function', 'mail MB', 'baseline RSS', 'peak RSS', 'above baseline', 'ratio to mail size'],
        rows: measurements.map((measurement) => [
          measurement.function === 'deliver' ? `deliver (original ${measurement.original})` : measurement.function,
          mb(measurement.mailBytes),
          mb(measurement.memory.baselineRssBytes),
          mb(measurement.memory.peakRssBytes),
          mb(aboveBaseline(measurement)),
          `${ratio(measurement).toFixed(2)}×`,
        ]),
        notes: [
          'baseline: the same process after loading the function and handling one small mail (warm); peak: the kernel high-water mark (VmHWM, reset before the mail) and 2 ms samples',
          `target (ingest, ${mb(ingest.mailBytes)} MB mail): peak above baseline ≤ ${TARGET_RATIO}× the mail size — ${met ? 'met' : 'NOT met'} (${ratio(ingest).toFixed(2)}×)`,
          'deliver links the original instead of attaching it above acknowledgement.maxAttachmentBytes (25 MB by default)',
          ...(attached.length ? [`deliver (original attached): a ${mb(attached[0]!.mailBytes)} MB mail, near the largest forward the local SES emulator takes (25 MB per request; SES itself takes 40 MB per message)`] : []),
        ],
      },
      relay.table,
    ],
    json: {
      memoryRatio: Math.round(ratio(ingest) * 1000) / 1000,
      memory: {
        mailBytes: ingest.mailBytes,
        targetRatio: TARGET_RATIO,
        targetMet: met,
        ingest: details(ingest),
        deliver: { original: deliver.original, ...details(deliver) },
        ...(attached.length ? { originalAttached: { mailBytes: attached[0]!.mailBytes, ...Object.fromEntries(attached.map((measurement) => [measurement.function, details(measurement)])) } } : {}),
        sesRelayBody: relay.json,
      },
    },
  };
}
