import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('an operator command asked for --help', () => {
  it('prints its usage line and exits 0, touching no stack', { timeout: 120_000 }, () => {
    for (const command of ['threads', 'replay', 'reconcile', 'redrive', 'export', 'forget', 'doctor']) {
      const text = execFileSync('node', ['cli/replyline.js', command, '--help'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'ERROR', REPLYLINE_DYNAMODB_PORT: '1' } });
      expect(text).toMatch(new RegExp(`^usage: replyline ${command} `));
    }
  });
});
