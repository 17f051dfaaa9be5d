import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulators } from '../../local/emulators.js';

declare module 'vitest' {
  export interface ProvidedContext {
    privacyDir: string;
    emulators: { dynamodb: string; s3: string; sqs: string; ses: string; events: string; secrets: string };
  }
}

/** One set of emulators for the whole integration run, on free ports; each test file provisions its own named instance on them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const stateDir = mkdtempSync(join(tmpdir(), 'replyline-test-'));
  const emulators = await startEmulators({ ports: { dynamodb: 0, s3: 0, sqs: 0, ses: 0, events: 0, secrets: 0 }, stateDir, persist: false });
  project.provide('emulators', emulators.endpoints);
  const privacyDir = mkdtempSync(join(tmpdir(), 'replyline-privacy-'));
  project.provide('privacyDir', privacyDir);
  return async () => {
    await emulators.stop();
    rmSync(stateDir, { recursive: true, force: true });
    try {
      scanLogsForPersonalData(privacyDir);
    } finally {
      rmSync(privacyDir, { recursive: true, force: true });
    }
  };
}

/**
 * Privacy check over the whole run: no log entry of any handler may contain a
 * customer address, a subject or a body of the mails the tests sent. Fails the run otherwise.
 */
function scanLogsForPersonalData(dir: string): void {
  const read = (prefix: string) =>
    readdirSync(dir)
      .filter((name) => name.startsWith(prefix))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean));
  const secrets = new Map<string, string>();
  for (const line of read('mails-')) {
    const mail = JSON.parse(line) as { addresses: string[]; subject: string; body: string };
    for (const address of mail.addresses) secrets.set(address.toLowerCase(), 'address');
    if (mail.subject.length >= 12) secrets.set(mail.subject.toLowerCase(), 'subject');
    if (mail.body.length >= 12) secrets.set(mail.body.toLowerCase(), 'body');
  }
  const entries = read('logs-');
  const leaks: string[] = [];
  for (const entry of entries) {
    const text = entry.toLowerCase();
    for (const [secret, kind] of secrets) if (text.includes(secret)) leaks.push(`${kind} in a log entry: ${entry.slice(0, 200)}`);
  }
  console.log(`privacy: ${entries.length} log entries scanned for ${secrets.size} addresses, subjects and bodies of test mails: ${leaks.length} found`);
  if (leaks.length) throw new Error(`Logs contain personal data:\n${[...new Set(leaks)].slice(0, 10).join('\n')}`);
}
