import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulators } from '../../local/emulators.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: { dynamodb: string; s3: string; sqs: string; ses: string; events: string; secrets: string };
  }
}

/** One set of emulators for the whole integration run, on free ports; each test file provisions its own named instance on them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const stateDir = mkdtempSync(join(tmpdir(), 'replyline-test-'));
  const emulators = await startEmulators({ ports: { dynamodb: 0, s3: 0, sqs: 0, ses: 0, events: 0, secrets: 0 }, stateDir, persist: false });
  project.provide('emulators', emulators.endpoints);
  return async () => {
    await emulators.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
