import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createTransport } from 'nodemailer';
import type { Emulators } from '../local/emulators.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.js';
import { startInstance } from '../local/instance.js';
import { startQueuePoller, type QueuePoller } from '../local/queue-poller.js';
import { ensureBucket, ensureQueueWithDlq } from '../local/resources.js';
import { startSmtpInbound } from '../local/smtp-inbound.js';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { cpuMillis, percentile, sleep, type BenchOptions, type BenchSection } from './support.js';

const CONFIG = 'replyline.config.json';
/** Lambda's SQS event source starts with five concurrent batches; both paths get the same. */
const CONSUMERS = 5;
/** After the last mail is accepted, how long an acknowledgement may still take before the mail counts as lost. */
const SETTLE_MS = 30_000;
/** Share of the CPU-bound maximum rate used for the within-capacity run. */
const HEADROOM = 0.6;

export interface LatencyOptions extends BenchOptions {
  /** Mails per second, sent on a fixed schedule (not waiting for the previous one). */
  rate: number;
  durationSeconds: number;
}

interface PathResult {
  sent: number;
  /** SMTP accept (250) → arrival, per mail that arrived, in ms. */
  latencies: number[];
  lost: number;
  refused: number;
  /** Achieved sending rate (mails per second), to show the schedule was kept. */
  achievedRate: number;
  /** CPU time per mail of every process on the path (sender, emulators, functions). */
  cpuMsPerMail: number;
}

/** Each mail from its own customer: the per-sender acknowledgement limit (3 a day) would otherwise apply. */
function customerMail(customer: string): string {
  return [
    `From: Bench Customer <${customer}>`,
    'To: support@example.com',
    'Subject: Where is my parcel?',
    `Message-ID: <${randomBytes(8).toString('hex')}@bench.customer.example.org>`,
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, my parcel 4711 has not arrived yet. Could you check where it is?',
    '',
  ].join('\r\n');
}

/**
 * Sends `rate` mails a second for `durationSeconds` over one pooled SMTP client, each at
 * its scheduled time, and waits until every mail has arrived (`arrivedAt`) or is given up.
 */
async function runAtRate(
  smtpPort: number,
  options: LatencyOptions,
  childPids: readonly number[],
  arrivedAt: (customer: string) => number | undefined,
): Promise<PathResult> {
  const cpuBefore = cpuMillis(childPids);
  const transport = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 10, maxMessages: Infinity });
  const total = Math.round(options.rate * options.durationSeconds);
  const accepted = new Map<string, number>();
  let refused = 0;
  const start = performance.now() + 100;
  const sends: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const customer = `bench-${randomBytes(6).toString('hex')}@customer.example.org`;
    sends.push(
      transport.sendMail({ envelope: { from: customer, to: ['support@example.com'] }, raw: customerMail(customer) }).then(
        () => void accepted.set(customer, Date.now()),
        () => void refused++,
      ),
    );
  }
  const sentFor = (performance.now() - start) / 1000;
  await Promise.all(sends);
  transport.close();

  const latencies: number[] = [];
  const waiting = new Set(accepted.keys());
  const giveUpAt = Date.now() + SETTLE_MS;
  while (waiting.size > 0 && Date.now() < giveUpAt) {
    for (const customer of waiting) {
      const at = arrivedAt(customer);
      if (at === undefined) continue;
      latencies.push(at - accepted.get(customer)!);
      waiting.delete(customer);
    }
    if (waiting.size > 0) await sleep(20);
  }
  const cpuMsPerMail = (cpuMillis(childPids) - cpuBefore) / Math.max(1, total);
  return { sent: total, latencies, lost: waiting.size, refused, achievedRate: total / Math.max(sentFor, 1e-3), cpuMsPerMail };
}

/**
 * End-to-end acknowledgement latency at a steady rate, on the local stack: SMTP accept
 * (the 250 SES would answer) → the acknowledgement recorded by local SES. Baseline: the
 * same SMTP → S3 → SQS path at the same rate with as many consumers that do nothing,
 * i.e. the transport floor of this machine and these emulators.
 */
export async function benchAckLatency(emulators: Emulators, options: LatencyOptions): Promise<BenchSection> {
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...clientOptions, endpoint: emulators.endpoints.s3, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientOptions, endpoint: emulators.endpoints.sqs });
  const config = readConfigFile(CONFIG);

  options.log(`latency: baseline, ${options.rate} mails/s for ${options.durationSeconds} s`);
  let baseline: PathResult;
  {
    await ensureBucket(s3, 'baseline-raw-mail');
    const queue = await ensureQueueWithDlq(sqs, 'baseline-inbound', { visibilityTimeoutSeconds: 10, maxReceiveCount: 5 });
    const consumedAt = new Map<string, number>();
    const pollers: QueuePoller[] = Array.from({ length: CONSUMERS }, () =>
      startQueuePoller({
        sqs,
        queueUrl: queue.url,
        queueArn: queue.arn,
        region: LOCAL_REGION,
        handler: async (event) => {
          // The SES notification names the sender: enough to know which mail arrived.
          for (const record of event.Records) {
            const sender = /"source":"([^"]+)"/.exec(JSON.parse(record.body).Message as string)?.[1];
            if (sender) consumedAt.set(sender, Date.now());
          }
          return { batchItemFailures: [] };
        },
      }),
    );
    const smtp = await startSmtpInbound({ port: 0, config, s3, bucket: 'baseline-raw-mail', sqs, queueUrl: queue.url, topicArn: 'arn:aws:sns:us-east-1:0:baseline' });
    baseline = await runAtRate(smtp.port, options, emulators.childPids, (customer) => consumedAt.get(customer));
    await smtp.stop();
    await Promise.all(pollers.map((poller) => poller.stop()));
  }

  options.log(`latency: replyline, ${options.rate} mails/s for ${options.durationSeconds} s`);
  let replyline: PathResult;
  let withinCapacity: (PathResult & { rate?: number }) | undefined;
  {
    const instance = await startInstance(emulators.endpoints, { name: 'bench', configFile: CONFIG, smtpPort: 0, inboundConsumers: CONSUMERS });
    const ackedAt = new Map<string, number>();
    let scanned = 0;
    const arrivedAt = (customer: string) => {
      const entries = emulators.outbox.entries();
      for (; scanned < entries.length; scanned++) for (const to of entries[scanned]!.to) ackedAt.set(to.toLowerCase(), entries[scanned]!.at);
      return ackedAt.get(customer);
    };
    replyline = await runAtRate(instance.smtp.port, options, emulators.childPids, arrivedAt);
    // Past this machine's capacity mails queue up and latency measures the queue: also measure at a rate it can carry.
    const carried = Math.floor(((cpus().length * 1000) / Math.max(1, replyline.cpuMsPerMail)) * HEADROOM);
    if (carried >= 1 && carried < options.rate) {
      const durationSeconds = Math.min(options.durationSeconds, 30);
      options.log(`latency: replyline, ${carried} mails/s for ${durationSeconds} s (within this machine's capacity)`);
      withinCapacity = await runAtRate(instance.smtp.port, { ...options, rate: carried, durationSeconds }, emulators.childPids, arrivedAt);
      withinCapacity.rate = carried;
    }
    await instance.stop();
  }
  s3.destroy();
  sqs.destroy();

  const row = (path: string, result: PathResult, ratioTo?: number) => {
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    return {
      cells: [
        path,
        result.sent,
        Math.round(result.achievedRate * 10) / 10,
        percentile(sorted, 0.5),
        percentile(sorted, 0.9),
        percentile(sorted, 0.99),
        sorted.at(-1) ?? 0,
        result.lost + result.refused,
        ratioTo ? p50 / Math.max(1, ratioTo) : 1,
        Math.round(result.cpuMsPerMail),
        Math.round((cpus().length * 1000) / Math.max(1, result.cpuMsPerMail)),
      ],
      p50,
      sorted,
    };
  };
  const base = row('baseline: SMTP → S3 → SQS → no-op consumer', baseline);
  const ours = row('replyline: … → ingest → DynamoDB → SES ack', replyline, base.p50);
  const carried = withinCapacity && row(`replyline at ${withinCapacity.rate} mails/s (within capacity)`, withinCapacity, base.p50);
  const ackLatencyMs = { p50: ours.p50, p90: percentile(ours.sorted, 0.9), p99: percentile(ours.sorted, 0.99), max: ours.sorted.at(-1) ?? 0 };
  const lost = replyline.lost + replyline.refused;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return {
    tables: [
      {
        title: `End-to-end ack latency, local stack: ${options.rate} mails/s for ${options.durationSeconds} s, SMTP accept → ack in local SES (ms)`,
        header: ['path', 'mails', 'sent/s', 'p50', 'p90', 'p99', 'max', 'lost', 'p50 ratio', 'CPU ms/mail', 'max mails/s'],
        rows: [base.cells, ours.cells, ...(carried ? [carried.cells] : [])],
        notes: [
          `CPU ms/mail: every process on this machine (sender, emulators incl. DynamoDB Local's JVM, functions); max mails/s = cores × 1000 ÷ CPU ms/mail, the most this machine can sustain.`,
          ...(carried ? [`${options.rate} mails/s is past what this machine can carry for the whole local stack (max mails/s), so mails queue; the last row re-measures at ${Math.round(HEADROOM * 100)} % of that maximum. On AWS each function has its own CPU and DynamoDB, SQS, S3 and SES are not on this machine.`] : []),
          `Whole-stack CPU per mail: ${(replyline.cpuMsPerMail / Math.max(1, baseline.cpuMsPerMail)).toFixed(1)}× the transport baseline's; target ≤ 3× ${met(replyline.cpuMsPerMail <= 3 * baseline.cpuMsPerMail)}.`,
          `${CONSUMERS} concurrent consumers on each path (Lambda's initial SQS concurrency); a mail is lost if nothing arrives ${SETTLE_MS / 1000} s after the last send.`,
          `Targets at 20 mails/s: p50 ≤ 150 ms ${met(ackLatencyMs.p50 <= 150)}, p99 ≤ 500 ms ${met(ackLatencyMs.p99 <= 500)}, 0 lost ${met(lost === 0)}. Mailbox-polling help desks answer after their fetch interval: FreeScout once a minute at best, osTicket five minutes recommended (sources in the README).`,
        ],
      },
    ],
    json: {
      cpuRatioToTransport: Math.round((replyline.cpuMsPerMail / Math.max(1, baseline.cpuMsPerMail)) * 100) / 100,
      ackLatencyMs,
      lost,
      ...(carried && withinCapacity ? { ackLatencyWithinCapacityMs: { rate: withinCapacity.rate, p50: carried.p50, p90: percentile(carried.sorted, 0.9), p99: percentile(carried.sorted, 0.99), max: carried.sorted.at(-1) ?? 0, lost: withinCapacity.lost + withinCapacity.refused } } : {}),
      ackLatency: { cpuMsPerMail: Math.round(replyline.cpuMsPerMail), baselineCpuMsPerMail: Math.round(baseline.cpuMsPerMail), rate: options.rate, durationSeconds: options.durationSeconds, mails: replyline.sent, baselineMs: { p50: base.p50, p90: percentile(base.sorted, 0.9), p99: percentile(base.sorted, 0.99), max: base.sorted.at(-1) ?? 0 } },
    },
  };
}
