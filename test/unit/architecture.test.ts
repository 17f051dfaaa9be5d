import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Runs the project's dependency rules (.dependency-cruiser.cjs) over every source folder. */
async function dependencyViolations(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'lambdas', 'local', 'lib', 'bench', 'test'],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(result.summary.totalCruised).toBeGreaterThan(200);
  return result.summary.violations.map((violation) =>
    violation.cycle ? `${violation.rule.name}: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}` : `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
}

describe('the dependency rules', () => {
  it('hold everywhere: no import cycle, schemas never import the core, the core never imports adapters or the AWS SDK', { timeout: 180_000 }, async () => {
    expect(await dependencyViolations()).toEqual([]);
  });
});
