import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keys, linkedIdOf, PREFIX, slaIndexKeys, SLA_INDEX_SHARDS } from '../../lambdas/adapters/table-layout.js';

const ROOT = join(import.meta.dirname, '../..');
const LAYOUT = 'lambdas/adapters/table-layout.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('the table layout', () => {
  it('is the only place a key prefix is spelt (functions, operator tools, stack, bench, tests)', () => {
    const prefixes = [...new Set(Object.values(PREFIX))];
    const spelt = ['lambdas', 'local', 'tools', 'lib', 'bench', 'test', 'cli']
      .flatMap((dir) => {
        try {
          return sourceFiles(join(ROOT, dir));
        } catch {
          return [];
        }
      })
      .filter((path) => relative(ROOT, path) !== LAYOUT && !path.endsWith('table-layout.test.ts'))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        return prefixes.filter((prefix) => new RegExp(`['\`]${prefix}`).test(text)).map((prefix) => `${relative(ROOT, path)}: ${prefix}`);
      });
    expect(spelt).toEqual([]);
  });

  it('reads back the id a Message-ID item is keyed by, and spreads open clocks over the index shards', () => {
    expect(linkedIdOf(keys.messageLink('a#b@customer.example.org'))).toBe('a#b@customer.example.org');
    const shards = new Set(Array.from({ length: 200 }, (_, index) => slaIndexKeys(`RL-${String(index).padStart(6, '0')}`, new Date(0)).GSI2PK));
    expect(shards.size).toBe(SLA_INDEX_SHARDS);
    expect(slaIndexKeys('RL-7K3F9Q', undefined)).toEqual({});
  });
});
