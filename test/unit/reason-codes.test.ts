import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_GROUPS } from '../../lambdas/schemas/reasons.js';

/** The README's "Reasons" table: each stage with the codes listed for it. */
function readmeReasonTable(): Map<string, string[]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Reasons\n')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| stage'));
  return new Map(rows.map((row) => {
    const [stage, codes] = row.split('|').slice(1, 3).map((cell) => cell.trim());
    return [stage!, [...codes!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!)];
  }));
}

describe('reason codes', () => {
  it('are listed in the README exactly as the code defines them, stage by stage', () => {
    const table = readmeReasonTable();
    expect([...table.keys()]).toEqual(Object.keys(REASON_GROUPS));
    for (const [stage, codes] of Object.entries(REASON_GROUPS)) expect(table.get(stage), stage).toEqual([...codes]);
  });

  it('are each spelt once, as events and logs carry them', () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) expect(code).toMatch(/^[a-z][a-z-]*$/);
  });
});
