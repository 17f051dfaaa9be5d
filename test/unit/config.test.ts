import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../lambdas/schemas/config.js';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';

const valid = {
  domain: 'example.com',
  timeZone: 'Asia/Shanghai',
  addresses: [{ address: 'support@example.com', team: 'support' }],
  teams: { support: { name: 'Support', destination: { type: 'mailbox', address: 'team@mail.example.com' } } },
};

function problems(input: unknown): string[] {
  try {
    parseConfig(input, 'test.json');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('accepts the shipped example and fills defaults', () => {
    const config = readConfigFile('replyline.config.json');
    expect(config.addresses.map((entry) => entry.address)).toEqual(['support@example.com', 'sales@example.com', 'mei@example.com']);
    expect(config.acknowledgement.maxPerSender).toBe(3);
    expect(parseConfig(valid).retention).toEqual({ rawMailDays: 365, threadDays: 730 });
  });

  it('names the path of each bad field and what was expected', () => {
    const found = problems({ ...valid, timeZone: 'Mars/Olympus', addresses: [{ address: 'not-an-address', team: 'support' }] });
    expect(found).toContain('timeZone: expected an IANA time zone such as Asia/Shanghai or Europe/Berlin');
    expect(found).toContain('addresses[0].address: expected an e-mail address like support@example.com');
  });

  it('catches references to teams and agents that do not exist, and foreign domains', () => {
    const found = problems({ ...valid, addresses: [{ address: 'help@other.org', team: 'nope' }, { address: 'x@example.com', agent: 'ghost' }] });
    expect(found).toEqual(
      expect.arrayContaining([
        'addresses[0].address: must be an address of the domain "example.com"',
        'addresses[0].team: unknown team "nope"; known: support',
        'addresses[1].agent: unknown agent "ghost"; known: none',
      ]),
    );
  });

  it('rejects unknown keys, so a typo never silently falls back to a default', () => {
    expect(problems({ ...valid, acknowledgment: { enabled: false } })).toEqual(['(top level): Unrecognized key: "acknowledgment"']);
  });

  it('reports an unreadable file or invalid JSON as a config error, not a crash', () => {
    expect(() => readConfigFile('/nonexistent/replyline.json')).toThrow(/cannot read the file \(ENOENT\)/);
  });
});
