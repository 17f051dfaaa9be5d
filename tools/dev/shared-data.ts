import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Third-party data the project reads and never commits (real mails from other
 * projects' test suites, the Bitext sample). The workplace keeps it in a `shared`
 * folder beside the checkout; REPLYLINE_SHARED_DIR points elsewhere, and
 * REPLYLINE_CORPUS_DIR at another corpus.
 */
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const SHARED_DATA_DIR = process.env.REPLYLINE_SHARED_DIR ?? resolve(REPO_ROOT, '..', 'shared');

/** Where the shared corpus is expected (its `manifest.tsv` says it is there). */
export const SHARED_CORPUS_DIR = process.env.REPLYLINE_CORPUS_DIR ?? join(SHARED_DATA_DIR, 'corpus');

export const BITEXT_SAMPLE_PATH = join(SHARED_DATA_DIR, 'labeled', 'bitext-customer-support', 'Bitext_Sample_Customer_Support_Training_Dataset.csv');

/** The shared corpus's folder, or undefined when it is absent (a checkout without the workplace's data). */
export function sharedCorpusDir(): string | undefined {
  return existsSync(join(SHARED_CORPUS_DIR, 'manifest.tsv')) ? SHARED_CORPUS_DIR : undefined;
}
