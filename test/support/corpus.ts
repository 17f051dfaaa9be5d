import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_CORPUS_DIR, sharedCorpusDir } from '../../tools/dev/shared-data.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * The shared corpus: real mails from public projects' test suites (auto-replies,
 * bounces, lists, notifications, complaint reports, many charsets), with licence
 * notices per folder. Third-party mail is not committed here; `tools/dev/shared-data.ts`
 * says where it is read from.
 */
export const CORPUS_DIR = sharedCorpusDir();

/** Why the corpus tests skip, in their own name, where the corpus is absent. */
export const CORPUS_ABSENT = `skipped: no shared corpus at ${SHARED_CORPUS_DIR} (third-party mail stays outside the repo; set REPLYLINE_CORPUS_DIR to its folder)`;

/** A corpus file's bytes; only called inside tests that skip without the corpus. */
export function corpusFile(path: string): Buffer {
  if (!CORPUS_DIR) throw new Error(CORPUS_ABSENT);
  return readFileSync(join(CORPUS_DIR, path));
}

/** The repo's own hand-written machine and people mails (see their manifests). */
export const SCREENING_FIXTURES = join(REPO_ROOT, 'test/fixtures/screening');
