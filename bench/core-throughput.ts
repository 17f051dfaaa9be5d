import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { parseMail } from '../lambdas/adapters/mail-parser.js';
import { createSla } from '../lambdas/adapters/wiring.js';
import { ingestMail } from '../lambdas/core/ingest.js';
import { returnPathAddress, type ReceiptEnvelope } from '../lambdas/core/mail.js';
import { CORPUS_ABSENT, CORPUS_DIR } from '../test/support/corpus.js';
import { memoryDependencies, RECEIVED_AT } from '../test/support/fixtures.js';
import { fixedClock, MemoryRawMail, memorySecrets } from '../test/support/memory-ports.js';
import type { BenchOptions, BenchSection } from './support.js';

/** The target: the whole in-process ingest at no less than this share of mailparser's own rate. */
const TARGET_RATIO = 1.0;

interface CorpusMail {
  path: string;
  raw: Buffer;
  /** What SES would give as the envelope sender: the Return-Path, else the From address. */
  envelopeSender: string;
}

interface Round {
  ms: number;
  /** Milliseconds per corpus file, in corpus order. */
  perMail: number[];
}

/**
 * Core throughput: parse + screen + thread-match + classify + record + render and "send" the
 * acknowledgement, in-process (the real `ingestMail` with in-memory ports), over every corpus file,
 * against mailparser's `simpleParser` with default options on the same bytes. I/O is excluded
 * from both sides (files are read first). Rounds alternate baseline/Replyline after a warm-up;
 * the median round of each side is reported.
 */
export async function benchCoreThroughput(options: BenchOptions): Promise<BenchSection> {
  const corpus = await loadCorpus();
  const megabytes = corpus.reduce((sum, mail) => sum + mail.raw.length, 0) / 1e6;
  const ours = replylineRunner(corpus);
  const rounds = options.quick ? 3 : 9;
  options.log(`core-throughput: ${corpus.length} corpus files, ${megabytes.toFixed(1)} MB; 1 warm-up + ${rounds} rounds per side`);

  await baselineRound(corpus);
  const warm = await ours.round();
  const acks = warm.acknowledged;
  if (acks === 0) throw new Error('core-throughput: no acknowledgement was rendered; the Replyline path is not doing its work');

  const baseline: Round[] = [];
  const replyline: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    baseline.push(await baselineRound(corpus));
    replyline.push(await ours.round());
    options.log(`core-throughput: round ${round + 1}/${rounds}: baseline ${baseline.at(-1)!.ms.toFixed(0)} ms, replyline ${replyline.at(-1)!.ms.toFixed(0)} ms`);
  }

  const baselineMedian = medianRound(baseline);
  const oursMedian = medianRound(replyline);
  const rate = (round: Round) => corpus.length / (round.ms / 1000);
  const baselineRate = rate(baselineMedian);
  const oursRate = rate(oursMedian);
  const ratio = oursRate / baselineRate;
  const row = (path: string, round: Round) => [path, corpus.length, megabytes.toFixed(1), Math.round(round.ms), Math.round(rate(round)), (megabytes / (round.ms / 1000)).toFixed(1), Math.round((rate(round) / baselineRate) * 100) / 100];

  // Slowest files by their median time over the Replyline rounds (one round's figure is too noisy).
  const perFile = (rounds: Round[], index: number) => median(rounds.map((round) => round.perMail[index]!));
  const slowest = corpus
    .map((mail, index) => ({ mail, ours: perFile(replyline, index), baseline: perFile(baseline, index) }))
    .sort((a, b) => b.ours - a.ours)
    .slice(0, 5);

  return {
    tables: [
      {
        title: `Core throughput, in-process, every corpus file (median of ${rounds} alternating rounds after a warm-up; I/O excluded)`,
        header: ['path', 'mails', 'MB', 'total ms', 'mails/s', 'MB/s', 'ratio'],
        rows: [row('baseline: mailparser simpleParser, default options', baselineMedian), row('replyline: parse+screen+thread+classify+record+ack', oursMedian)],
        notes: [
          `replyline = the real ingestMail with in-memory ports (fresh store per mail); ${acks} of ${corpus.length} mails got a rendered acknowledgement.`,
          `target ≥ ${TARGET_RATIO}× the baseline: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×).`,
        ],
      },
      {
        title: 'Slowest 5 corpus files for Replyline (median ms per file over the rounds)',
        header: ['file', 'KB', 'ms', 'ms baseline'],
        rows: slowest.map(({ mail, ours, baseline }) => [mail.path, Math.round(mail.raw.length / 1024), round2(ours), round2(baseline)]),
      },
    ],
    json: {
      coreThroughputRatio: Math.round(ratio * 1000) / 1000,
      coreMailsPerSecond: Math.round(oursRate),
      baselineMailsPerSecond: Math.round(baselineRate),
    },
  };
}

async function loadCorpus(): Promise<CorpusMail[]> {
  const dir = CORPUS_DIR;
  if (!dir) throw new Error(`core-throughput reads the shared corpus: ${CORPUS_ABSENT}`);
  const paths = readFileSync(join(dir, 'manifest.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0]!);
  const corpus: CorpusMail[] = [];
  for (const path of paths) {
    const raw = readFileSync(join(dir, path));
    // The envelope is SES's, not part of the measured work: derived once, up front.
    const parsed = await parseMail(raw);
    const returnPath = returnPathAddress(parsed);
    corpus.push({ path, raw, envelopeSender: returnPath ?? parsed.from?.address ?? '' });
  }
  return corpus;
}

async function baselineRound(corpus: CorpusMail[]): Promise<Round> {
  const perMail: number[] = [];
  const started = performance.now();
  for (const mail of corpus) {
    const at = performance.now();
    await simpleParser(mail.raw);
    perMail.push(performance.now() - at);
  }
  return { ms: performance.now() - started, perMail };
}

/**
 * Each mail meets an empty thread store of its own, as every corpus mail is its own conversation and the
 * per-sender acknowledgement limit would otherwise silence repeated senders; config, SLA calendars and
 * the raw-mail bucket are built once, as in a warm Lambda.
 */
function replylineRunner(corpus: CorpusMail[]) {
  const config = readConfigFile('replyline.config.json');
  const slaPolicy = createSla(config, RECEIVED_AT);
  const rawMail = new MemoryRawMail();
  const locations = corpus.map((mail, index) => rawMail.put(`inbound/corpus-${index}`, mail.raw));
  const secrets = memorySecrets();
  const clock = fixedClock(RECEIVED_AT.toISOString());
  let receipts = 0;

  const round = async (): Promise<Round & { acknowledged: number }> => {
    const perMail: number[] = [];
    let acknowledged = 0;
    const started = performance.now();
    for (const [index, mail] of corpus.entries()) {
      const at = performance.now();
      const deps = memoryDependencies(config, { rawMail, slaPolicy, secrets, clock, instanceId: 'bench.example.com' });
      const envelope: ReceiptEnvelope = {
        receiptId: `bench-receipt-${++receipts}`,
        receivedAt: RECEIVED_AT,
        recipients: ['support@example.com'],
        envelopeSender: mail.envelopeSender,
        rawMail: locations[index]!,
        verdicts: {},
      };
      const result = await ingestMail(envelope, deps);
      perMail.push(performance.now() - at);
      // The acknowledgement must really have been rendered, not just owed.
      if (result.acknowledge) {
        if (!deps.mailer.sent[0]?.text) throw new Error(`core-throughput: ${mail.path} owed an acknowledgement but none was rendered`);
        acknowledged++;
      }
    }
    return { ms: performance.now() - started, perMail, acknowledged };
  };
  return { round };
}

function medianRound(rounds: Round[]): Round {
  return [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor(rounds.length / 2)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
