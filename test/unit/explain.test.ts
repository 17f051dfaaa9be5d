import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'explain-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const explain = (...args: string[]) =>
  execFileSync('node', ['cli/replyline.js', 'explain', '--json', '--at', '2026-11-24T10:00:00+08:00', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'ERROR' } })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('replyline explain', () => {
  it('prints one JSON object per file with the decision, reasons, language, team, priority and promised time', { timeout: 300_000 }, () => {
    const customer = file('customer.eml', 'From: Jane <jane@customer.example.org>\r\nTo: support@example.com\r\nSubject: Where is my parcel?\r\n\r\nMy parcel has not arrived yet, can you check the delivery?\r\n');
    const vacation = file('vacation.eml', 'From: jane@customer.example.org\r\nTo: support@example.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\nAway.\r\n');
    const followUp = file('follow-up.eml', 'From: jane@customer.example.org\r\nTo: support@example.com\r\nSubject: Re: parcel [#RL-7K3F9Q]\r\nIn-Reply-To: <x@y>\r\n\r\nAny news?\r\n');
    const [first, second, third] = explain(customer, vacation, followUp);
    expect(first).toMatchObject({ disposition: 'new-thread', acknowledge: true, language: 'en', team: 'support', priority: 'normal', firstReplyDue: '2026-11-24T08:00:00.000Z', faq: ['delivery-time'] });
    expect(second).toMatchObject({ disposition: 'machine-mail', acknowledge: false, firstReplyDue: null });
    expect(second!.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'auto-submitted' }), expect.objectContaining({ code: 'out-of-office-subject' })]));
    expect(third).toMatchObject({ disposition: 'follow-up', acknowledge: false });
    expect(third!.threadEvidence).toEqual(expect.arrayContaining([expect.stringMatching(/In-Reply-To/), expect.stringMatching(/RL-7K3F9Q/)]));
  });

  it('shows every screening signal that fired, its weight and the total against the thresholds', { timeout: 300_000 }, () => {
    const away = file('away.eml', 'From: Jan <jan@customer.example.org>\r\nTo: support@example.com\r\nSubject: Out of office\r\nDate: Tue, 24 Nov 2026 07:00:00 +0100\r\nMessage-ID: <away.1@customer.example.org>\r\n\r\nI am out of the office until 5 May. For urgent matters please call Anna.\r\n');
    const [result] = explain(away);
    expect(result).toMatchObject({
      disposition: 'machine-mail',
      acknowledge: false,
      screening: {
        score: 9,
        holdBackAt: 5,
        machineAt: 8,
        signals: [
          { code: 'out-of-office-subject', weight: 3, detail: 'the subject mentions absence' },
          { code: 'out-of-office-text', weight: 4, detail: 'the text says the writer is away' },
          { code: 'out-of-office-return', weight: 2, detail: 'and when they are back or whom to ask meanwhile' },
        ],
      },
    });
    const text = execFileSync('node', ['cli/replyline.js', 'explain', away], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'ERROR' } });
    expect(text).toMatch(/no-ack .* score 9\n/);
    expect(text).toContain('out-of-office-text: +4 the text says the writer is away');
    expect(text).toContain('screening-score: 9 (acknowledgement held back at 5, machine mail at 8)');
  });

  it('never crashes on a bad file: it is quarantined with the reason, and the exit code stays 0', { timeout: 300_000 }, () => {
    const empty = file('empty.eml', Buffer.alloc(0));
    const [missing, zero] = explain(join(dir, 'missing.eml'), empty);
    expect(missing).toMatchObject({ disposition: 'quarantine', acknowledge: false, reasons: [{ code: 'unreadable', detail: 'ENOENT' }] });
    expect(zero).toMatchObject({ disposition: 'quarantine' });
  });

  it('exits non-zero with the readable error when the config is invalid', { timeout: 300_000 }, () => {
    const bad = file('bad.json', JSON.stringify({ domain: 'example.com' }));
    let stderr = '';
    let status = 0;
    try {
      execFileSync('node', ['cli/replyline.js', 'explain', '--config', bad, 'x.eml'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
      status = (error as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('timeZone:');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
