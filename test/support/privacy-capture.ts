import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { observeLogs } from '../../lambdas/adapters/logger.js';

/**
 * Setup file of the integration and fault projects: every log entry the handlers
 * write in this worker is kept, so the global teardown can check that none
 * carries a customer address, a subject or a body (test/support/global-setup.ts).
 */
const dir = inject('privacyDir');
// The mail builder (test/support/mail-builder.ts) records there what must never be logged.
process.env.REPLYLINE_PRIVACY_DIR = dir;
const file = join(dir, `logs-${process.pid}.jsonl`);
observeLogs((entry) => appendFileSync(file, `${JSON.stringify(entry)}\n`));
