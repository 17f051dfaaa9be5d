import { describe, expect, it } from 'vitest';
import { screenSets, screeningSets, summarize, type ScreenedMail } from '../../tools/dev/eval-screening.js';
import { SCREENING_FIXTURES } from '../support/corpus.js';
import { exampleConfig } from '../support/fixtures.js';

/**
 * The repo's own mails, written the way the machines and people write them:
 * out-of-office replies without auto headers in many languages, newsletters
 * without List-* headers, system notifications, complaint reports; and people who
 * each carry one signal that looks like bulk mail. Each file is addressed To the
 * support address. `replyline eval --screening` prints the same figures per half.
 */
const sets = screeningSets(undefined, SCREENING_FIXTURES);

describe("the repo's own machine and people mails", () => {
  let screened: ScreenedMail[] = [];

  it('are all screened, each into one outcome', { timeout: 300_000 }, async () => {
    screened = await screenSets(sets, exampleConfig, ['tuning', 'held-out']);
    expect(screened.length).toBeGreaterThan(200);
    expect([...new Set(screened.map((mail) => mail.set))]).toEqual(expect.arrayContaining(['machine', 'people']));
  });

  it('acknowledge no machine mail of the tuning half', () => {
    const answered = screened.filter((mail) => mail.half === 'tuning' && mail.set === 'machine' && mail.outcome === 'acknowledged');
    expect(answered.map((mail) => mail.path)).toEqual([]);
  });

  it('acknowledge at least 95 % of the people in each half, none of them taken for machine mail', () => {
    for (const { half, peopleAcked, peopleMails } of summarize(screened)) expect(peopleAcked / peopleMails, half).toBeGreaterThanOrEqual(0.95);
    expect(screened.filter((mail) => mail.set === 'people' && mail.outcome === 'machine').map((mail) => mail.path)).toEqual([]);
  });

  it('answer fewer than 15 % of the machine mails of the held-out half (a floor: the README has the figure)', () => {
    const heldOut = screened.filter((mail) => mail.half === 'held-out' && mail.set === 'machine');
    const answered = heldOut.filter((mail) => mail.outcome === 'acknowledged');
    expect(heldOut.length).toBeGreaterThan(40);
    expect(answered.length / heldOut.length, answered.map((mail) => mail.path).join(', ')).toBeLessThan(0.15);
  });
});
