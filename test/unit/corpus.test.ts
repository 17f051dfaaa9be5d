import { DELIVER_EFFECTS } from '../../lambdas/core/deliver-effects.js';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { returnPathAddress } from '../../lambdas/core/mail.js';
import { ingestMail, type IngestResult } from '../../lambdas/core/ingest.js';
import { addressedTo, corpusSet, isMachineKind } from '../../tools/dev/eval-screening.js';
import { CORPUS_ABSENT, CORPUS_DIR, corpusFile } from '../support/corpus.js';
import { memoryDependencies, receive } from '../support/fixtures.js';

/**
 * Real mails from public projects' test suites (the shared corpus outside the
 * repo): auto-replies, bounces, lists, notifications, complaint reports, spam,
 * broken MIME, many charsets. Each is addressed To support@example.com, as
 * customer mail arrives, and run through the whole ingest.
 */
const rows = CORPUS_DIR ? corpusSet(CORPUS_DIR).rows() : [];

describe.skipIf(!CORPUS_DIR)(`the shared corpus${CORPUS_DIR ? '' : ` (${CORPUS_ABSENT})`}`, () => {
  const results = new Map<string, { kind: string; result: IngestResult; routed: boolean; teamToldWhy: boolean }>();

  it('every file is ingested without a crash and ends in exactly one recorded state', { timeout: 300_000 }, async () => {
    for (const { path, kind } of rows) {
      const raw = addressedTo(corpusFile(path), 'support@example.com');
      const deps = memoryDependencies();
      const parsed = await parseMail(raw);
      const envelopeSender = returnPathAddress(parsed) ?? parsed.from?.address ?? '';
      const result = await ingestMail(receive(deps, raw, { envelopeSender }), deps);
      const recorded = deps.threads.processing.get(result.dedupeKey);
      expect(recorded?.disposition, path).toBe(result.disposition);
      // Only the deliver function's own effect may remain: ingest finished everything it owes.
      expect(recorded?.pending.filter((effect) => !(DELIVER_EFFECTS as readonly string[]).includes(effect)), path).toEqual([]);
      expect(deps.mailer.sent.length, path).toBe(result.acknowledge ? 1 : 0);
      if (result.disposition === 'quarantine') expect(deps.threads.quarantined, path).toHaveLength(1);
      else expect(deps.threads.threads.size, path).toBe(1);
      const routed = deps.routing.sent.length > 0;
      results.set(path, { kind, result, routed, teamToldWhy: deps.routing.sent.some(({ message }) => Boolean(message.unacknowledgedBecause)) });
    }
    expect(results.size).toBe(rows.length);
  });

  it('acknowledges none of the auto-replies, bounces, list mails, feedback reports and system notifications', () => {
    const machines = [...results].filter(([, { kind }]) => isMachineKind(kind));
    const answered = machines.filter(([, { result }]) => result.acknowledge).map(([path]) => path);
    expect(machines.length).toBeGreaterThan(100);
    expect(answered).toEqual([]);
  });

  it('acknowledges at least 95 % of the human inquiries that open a thread', () => {
    const inquiries = [...results.values()].filter(({ kind, result }) => kind === 'inquiry' && result.disposition !== 'quarantine');
    const acknowledged = inquiries.filter(({ result }) => result.acknowledge);
    expect(inquiries.length).toBeGreaterThan(100);
    expect(acknowledged.length / inquiries.length).toBeGreaterThanOrEqual(0.95);
  });

  it('tells the team why, whenever a mail reaches them without an acknowledgement', () => {
    const silent = [...results].filter(([, { result, routed, teamToldWhy }]) => routed && result.disposition !== 'follow-up' && !result.acknowledge && !teamToldWhy);
    expect(silent.map(([path]) => path)).toEqual([]);
  });
});
