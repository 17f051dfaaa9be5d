import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
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
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'lambdas', 'local', 'tools', 'lib', 'bench', 'test', 'cli'],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(result.summary.totalCruised).toBeGreaterThan(200);
  return result.summary.violations.map((violation) =>
    violation.cycle ? `${violation.rule.name}: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}` : `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
}

/** Sizes a reader can hold in mind at once: a core file, and one function in it. */
const MAX_CORE_FILE_LINES = 300;
const MAX_CORE_FUNCTION_LINES = 60;

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? typescriptFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Core files over the line limit, and functions (of any kind, nested too) over theirs. */
function oversizedCode(): string[] {
  return typescriptFiles(join(ROOT, 'lambdas/core')).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const name = relative(ROOT, path);
    const found: string[] = [];
    const lines = text.split('\n').length;
    if (lines > MAX_CORE_FILE_LINES) found.push(`${name}: ${lines} lines`);
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const length = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
        if (length > MAX_CORE_FUNCTION_LINES) found.push(`${name}:${first + 1} ${node.name?.getText(source) ?? '(anonymous)'}: ${length} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

describe('the dependency rules', () => {
  it('hold everywhere: no import cycle, schemas never import the core, the core never imports adapters or the AWS SDK', { timeout: 180_000 }, async () => {
    expect(await dependencyViolations()).toEqual([]);
  });
});

describe('the core', () => {
  it('has no file over 300 lines and no function over 60', () => {
    expect(oversizedCode()).toEqual([]);
  });
});
