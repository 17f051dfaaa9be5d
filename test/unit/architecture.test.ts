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

/**
 * Exports no other file imports (tests count as importers: they are the callers of a pure
 * function's edge cases). A construct's `*Props` stays exported as CDK's convention, and a
 * function's `handler` (and a config file's default) is imported by name by its runner, not by a TypeScript import.
 */
function exportsNobodyImports(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json is unreadable');
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const ours = program.getSourceFiles().filter((file) => file.fileName.startsWith(ROOT) && !file.fileName.includes('/node_modules/'));
  const original = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const importers = new Map<ts.Symbol, Set<string>>();
  const noteImport = (symbol: ts.Symbol | undefined, file: string) => {
    if (!symbol) return;
    const target = original(symbol);
    importers.set(target, (importers.get(target) ?? new Set()).add(file));
  };
  const allExportsOf = (moduleSymbol: ts.Symbol | undefined, file: string) => {
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) noteImport(exported, file);
  };
  for (const file of ours) {
    const visit = (node: ts.Node) => {
      if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) noteImport(checker.getSymbolAtLocation(node.name), file.fileName);
      else if (ts.isImportClause(node) && node.name) noteImport(checker.getSymbolAtLocation(node.name), file.fileName);
      else if (ts.isNamespaceImport(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        allExportsOf(symbol && original(symbol), file.fileName);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const specifier = node.arguments[0];
        const resolved = specifier && ts.isStringLiteral(specifier) ? ts.resolveModuleName(specifier.text, file.fileName, config.options, ts.sys).resolvedModule : undefined;
        const target = resolved && program.getSourceFile(resolved.resolvedFileName);
        allExportsOf(target && checker.getSymbolAtLocation(target), file.fileName);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return ours
    .filter((file) => !/\/(test|bench)\//.test(file.fileName))
    .flatMap((file) => {
      const moduleSymbol = checker.getSymbolAtLocation(file);
      const name = relative(ROOT, file.fileName);
      return (moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [])
        .filter((exported) => original(exported).declarations?.[0]?.getSourceFile() === file)
        .filter((exported) => exported.name !== 'handler' && exported.name !== 'default' && !(name.startsWith('lib/constructs/') && exported.name.endsWith('Props')))
        .filter((exported) => ![...(importers.get(original(exported)) ?? [])].some((importer) => importer !== file.fileName))
        .map((exported) => `${name}: ${exported.name}`);
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

describe('the exports', () => {
  it('are each imported somewhere: what only its own file uses is not exported', { timeout: 180_000 }, () => {
    expect(exportsNobodyImports()).toEqual([]);
  });
});
