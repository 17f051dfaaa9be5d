import { join } from 'node:path';

/**
 * The mail corpus: a byte-for-byte copy of the workplace's ../shared/corpus (real mails
 * from public projects' test suites, licence notices per folder), kept in the repo so a
 * clean clone tests the same 398 files anywhere. REPLYLINE_CORPUS_DIR points elsewhere.
 */
export const CORPUS_DIR = process.env.REPLYLINE_CORPUS_DIR ?? join(import.meta.dirname, '../corpus');
