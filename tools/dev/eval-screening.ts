import { renderReason, type Reason } from '../../lambdas/schemas/reasons.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { analyzeMail } from '../../lambdas/core/ingest.js';
import { returnPathAddress, UnparseableMailError, type InboundMail, type ReceiptEnvelope } from '../../lambdas/core/mail.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';

/**
 * Measures screening the way customer mail arrives: every mail of a labelled set
 * is addressed To the support address (its own To replaced), and we count which
 * are acknowledged. Machine kinds must get none; people must get theirs. Each set
 * is split into a tuning half and a held-out half by a hash of the file's path, so
 * a new file lands in a half by itself and nobody chooses.
 */

/** Kinds that must never be answered, in the corpus's and the fixtures' words. */
const MACHINE_KINDS = ['auto_reply', 'bounce', 'list', 'feedback_report', 'notification'] as const;
const PERSON_KINDS = ['inquiry', 'person'] as const;
type Half = 'tuning' | 'held-out';

interface LabelledMail {
  set: string;
  path: string;
  /** The label; the corpus's "other" rows whose notes say "system notification" count as `notification`. */
  kind: string;
  half: Half;
}

export interface ScreenedMail extends LabelledMail {
  outcome: 'acknowledged' | 'held-back' | 'machine' | 'quarantined';
  score: number;
  reasons: Reason[];
}

interface LabelledSet {
  name: string;
  dir: string;
  /** Reads the set's manifest into rows; `kind` as the set labels it. */
  rows: () => { path: string; kind: string }[];
}

/** The shared corpus (third-party mail, not in the repo) and the repo's own hand-written mails. */
export function screeningSets(corpusDir: string | undefined, fixturesDir: string): LabelledSet[] {
  const own = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((name) => existsSync(join(fixturesDir, name, 'manifest.tsv'))).sort() : [];
  return [...(corpusDir ? [corpusSet(corpusDir)] : []), ...own.map((name) => fixtureSet(name, join(fixturesDir, name)))];
}

/**
 * A folder of the repo's own mails. Its manifest names each file's `kind` (machine
 * mails), or has no kind column: then every file is a person's mail.
 */
function fixtureSet(name: string, dir: string): LabelledSet {
  return {
    name,
    dir,
    rows: () => {
      const header = readFileSync(join(dir, 'manifest.tsv'), 'utf8').split(/\r?\n/, 1)[0]!.split('\t');
      const kindColumn = header.indexOf('kind');
      return manifestRows(dir, (columns) => ({ path: columns[0] ?? '', kind: kindColumn < 0 ? 'person' : (columns[kindColumn] ?? '') }));
    },
  };
}

/** The corpus's manifest: path, source, kind, charsets, notes. */
export function corpusSet(dir: string): LabelledSet {
  return { name: 'corpus', dir, rows: () => manifestRows(dir, ([path = '', , kind = '', , notes = '']) => ({ path, kind: corpusKind(kind, notes) })) };
}

function halfOf(path: string): Half {
  return createHash('sha256').update(path).digest()[0]! % 2 ? 'held-out' : 'tuning';
}

export async function screenSets(sets: LabelledSet[], config: ReplylineConfig, halves: readonly Half[]): Promise<ScreenedMail[]> {
  const screened: ScreenedMail[] = [];
  for (const set of sets) {
    for (const { path, kind } of set.rows()) {
      const half = halfOf(path);
      if (!halves.includes(half)) continue;
      const raw = addressedTo(readFileSync(join(set.dir, path)), config.addresses[0]!.address);
      screened.push({ set: set.name, path, kind, half, ...(await screenOne(raw, config)) });
    }
  }
  return screened;
}

/** What ingest would decide for this mail on a fresh install (no thread to join, no suppression). */
async function screenOne(raw: Buffer, config: ReplylineConfig): Promise<Pick<ScreenedMail, 'outcome' | 'score' | 'reasons'>> {
  let mail: InboundMail | undefined;
  let refused: Reason | undefined;
  try {
    mail = await parseMail(raw);
  } catch (error) {
    if (!(error instanceof UnparseableMailError)) throw error;
    refused = error.reason;
  }
  const returnPath = mail ? returnPathAddress(mail) : undefined;
  const envelope: ReceiptEnvelope = {
    receiptId: 'eval',
    receivedAt: new Date(0),
    recipients: [config.addresses[0]!.address],
    envelopeSender: returnPath ?? mail?.from?.address ?? '',
    rawMail: { bucket: 'eval', key: 'eval' },
    verdicts: {},
  };
  const { screening } = analyzeMail(mail, envelope, { config }, { suppressed: false, unparseable: refused });
  const outcome = screening.quarantine ? 'quarantined' : screening.automated ? 'machine' : screening.acknowledge ? 'acknowledged' : 'held-back';
  return { outcome, score: screening.score, reasons: screening.reasons };
}

/**
 * The mail as it reaches a support address: its To header replaced by `address`
 * (or one added), everything else byte for byte, line ends kept.
 */
export function addressedTo(raw: Buffer, address: string): Buffer {
  const text = raw.toString('latin1');
  const bodyStart = /\r?\n\r?\n/.exec(text);
  const headerEnd = bodyStart ? bodyStart.index : text.length;
  const head = text.slice(0, headerEnd);
  const eol = head.includes('\r\n') ? '\r\n' : '\n';
  const toHeader = /(^|\n)to:[^\n]*(\n[ \t][^\n]*)*/i;
  const replaced = toHeader.test(head)
    ? head.replace(toHeader, (whole, lineStart: string) => `${lineStart}To: ${address}${whole.endsWith('\r') ? '\r' : ''}`)
    : `${head}${eol}To: ${address}`;
  return Buffer.from(replaced + text.slice(headerEnd), 'latin1');
}

interface ScreeningFigures {
  set: string;
  kind: string;
  half: Half;
  mails: number;
  acknowledged: number;
  heldBack: number;
  machine: number;
  quarantined: number;
}

export function tally(screened: ScreenedMail[]): ScreeningFigures[] {
  const byKey = new Map<string, ScreeningFigures>();
  for (const mail of screened) {
    const key = `${mail.set}\t${mail.kind}\t${mail.half}`;
    const figures = byKey.get(key) ?? { set: mail.set, kind: mail.kind, half: mail.half, mails: 0, acknowledged: 0, heldBack: 0, machine: 0, quarantined: 0 };
    figures.mails++;
    if (mail.outcome === 'acknowledged') figures.acknowledged++;
    if (mail.outcome === 'held-back') figures.heldBack++;
    if (mail.outcome === 'machine') figures.machine++;
    if (mail.outcome === 'quarantined') figures.quarantined++;
    byKey.set(key, figures);
  }
  return [...byKey.values()].sort((a, b) => a.set.localeCompare(b.set) || a.kind.localeCompare(b.kind) || a.half.localeCompare(b.half));
}

/** The mails screening got wrong: a machine answered, or a person not answered (quarantine aside: SES verdicts decide that). */
function misses(screened: ScreenedMail[]): ScreenedMail[] {
  return screened.filter(
    (mail) => (isMachineKind(mail.kind) && mail.outcome === 'acknowledged') || (isPersonKind(mail.kind) && (mail.outcome === 'held-back' || mail.outcome === 'machine')),
  );
}

export function isMachineKind(kind: string): boolean {
  return (MACHINE_KINDS as readonly string[]).includes(kind);
}

function isPersonKind(kind: string): boolean {
  return (PERSON_KINDS as readonly string[]).includes(kind);
}

export function formatScreeningReport(screened: ScreenedMail[], options: { misses: boolean }): string {
  const header = ['set', 'kind', 'half', 'mails', 'acked', 'held back', 'machine', 'quarantined', 'goal'];
  const rows = tally(screened).map((f) => [f.set, f.kind, f.half, f.mails, f.acknowledged, f.heldBack, f.machine, f.quarantined, goalOf(f)].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const summary = summarize(screened).map(({ half, machineAcked, machineMails, peopleAcked, peopleMails }) =>
    `${half}: ${machineAcked} of ${machineMails} machine mails acknowledged; ${peopleAcked} of ${peopleMails} people's mails acknowledged (${percent(peopleAcked, peopleMails)})`,
  );
  const listed = options.misses
    ? ['', 'misses (tuning half):', ...misses(screened).map((mail) => `  ${mail.set}/${mail.path} [${mail.kind} → ${mail.outcome}, score ${mail.score}]\n      ${mail.reasons.map(renderReason).join('\n      ')}`)]
    : [];
  return [line(header), ...rows.map(line), '', ...summary, ...listed, ''].join('\n');
}

/** Per half: machine mails acknowledged (goal 0) and people's mails acknowledged among those not quarantined (goal ≥ 95 %). */
export function summarize(screened: ScreenedMail[]): { half: Half; machineAcked: number; machineMails: number; peopleAcked: number; peopleMails: number }[] {
  const halves = [...new Set(screened.map((mail) => mail.half))].sort();
  return halves.map((half) => {
    const inHalf = screened.filter((mail) => mail.half === half);
    const machines = inHalf.filter((mail) => isMachineKind(mail.kind));
    const people = inHalf.filter((mail) => isPersonKind(mail.kind) && mail.outcome !== 'quarantined');
    return {
      half,
      machineAcked: machines.filter((mail) => mail.outcome === 'acknowledged').length,
      machineMails: machines.length,
      peopleAcked: people.filter((mail) => mail.outcome === 'acknowledged').length,
      peopleMails: people.length,
    };
  });
}

function goalOf(figures: ScreeningFigures): string {
  if (isMachineKind(figures.kind)) return figures.acknowledged === 0 ? 'met' : 'MISSED';
  if (!isPersonKind(figures.kind)) return '-';
  const answerable = figures.mails - figures.quarantined;
  return answerable === 0 || figures.acknowledged / answerable >= 0.95 ? 'met' : 'MISSED';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;
}

function corpusKind(kind: string, notes: string): string {
  return kind === 'other' && /\bsystem notification\b/i.test(notes) ? 'notification' : kind;
}

function manifestRows(dir: string, pick: (columns: string[]) => { path: string; kind: string }): { path: string; kind: string }[] {
  return readFileSync(join(dir, 'manifest.tsv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => pick(line.split('\t')));
}
