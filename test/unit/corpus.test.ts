import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { firstHeader } from '../../lambdas/core/mail.js';
import { ingestMail, type IngestResult } from '../../lambdas/core/ingest.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { memoryDependencies, receive } from '../support/fixtures.js';

/**
 * Real mails from public projects' test suites (test/corpus, copied from ../shared/corpus): auto-replies,
 * bounces, lists, spam, broken MIME, many charsets. Each one is delivered to
 * support@example.com as SES would deliver it and run through the whole ingest.
 */
const rows = readFileSync(join(CORPUS_DIR, 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [path, , kind] = line.split('\t');
    return { path: path!, kind: kind! };
  });

const NEVER_ANSWERED = ['auto_reply', 'bounce', 'list'];

describe('the shared corpus', () => {
  const results = new Map<string, { kind: string; result: IngestResult }>();

  it('every file is ingested without a crash and ends in exactly one recorded state', { timeout: 60_000 }, async () => {
    for (const { path, kind } of rows) {
      const raw = readFileSync(join(CORPUS_DIR, path));
      const deps = memoryDependencies();
      const parsed = await parseMail(raw);
      const returnPath = firstHeader(parsed, 'return-path')?.replace(/[<>\s]/g, '');
      const envelopeSender = returnPath !== undefined ? returnPath : (parsed.from?.address ?? '');
      const result = await ingestMail(receive(deps, raw, { envelopeSender }), deps);
      results.set(path, { kind, result });
      const recorded = deps.threads.processing.get(result.dedupeKey);
      expect(recorded?.disposition, path).toBe(result.disposition);
      // Only the deliver function's own effect may remain: ingest finished everything it owes.
      expect(recorded?.pending.filter((effect) => effect !== 'deliver'), path).toEqual([]);
      expect(deps.mailer.sent.length, path).toBe(result.acknowledge ? 1 : 0);
      if (result.disposition === 'quarantine') expect(deps.threads.quarantined, path).toHaveLength(1);
      else expect(deps.threads.threads.size, path).toBe(1);
    }
    expect(results.size).toBe(rows.length);
  });

  it('acknowledges none of the auto-replies, bounces and mailing-list mails', () => {
    const answered = [...results].filter(([, { kind, result }]) => NEVER_ANSWERED.includes(kind) && result.acknowledge);
    expect(answered.map(([path]) => path)).toEqual([]);
  });

  it('acknowledges most human inquiries, and reports the share per kind', () => {
    const byKind = new Map<string, { total: number; acked: number; quarantined: number }>();
    for (const { kind, result } of results.values()) {
      const entry = byKind.get(kind) ?? { total: 0, acked: 0, quarantined: 0 };
      entry.total++;
      if (result.acknowledge) entry.acked++;
      if (result.disposition === 'quarantine') entry.quarantined++;
      byKind.set(kind, entry);
    }
    const lines = [...byKind]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, { total, acked, quarantined }]) => `${kind.padEnd(11)} ${String(total).padStart(4)} ${String(acked).padStart(6)} ${(acked / total).toFixed(2).padStart(6)} ${String(quarantined).padStart(12)}`);
    console.log(['corpus: kind        n  acked  share  quarantined', ...lines].join('\n'));
    const inquiry = byKind.get('inquiry')!;
    expect(inquiry.acked / inquiry.total).toBeGreaterThan(0.85);
  });
});
