import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../lambdas/core/business-time.js';
import { createSlaPolicy, warningAt } from '../../lambdas/core/sla-policy.js';
import { loadCalendars } from '../../lambdas/adapters/holidays.js';
import { slaConfigSchema, type SlaConfigInput } from '../../lambdas/schemas/sla-config.js';

const HOUR = 3_600_000;
const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

const at = (timeZone: string, local: string): Date => {
  const [date, time] = local.split(' ');
  const [h, m] = time!.split(':').map(Number);
  return zonedInstant(date!, h! * 60 + m!, timeZone);
};
const local = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

function policyFor(input: SlaConfigInput = {}) {
  const base: SlaConfigInput = {
    calendars: { emea: { timeZone: BERLIN, hours: { 'mon-fri': '09:00-12:00,13:00-17:00' } } },
    teams: { sales: 'emea' },
  };
  const sla = slaConfigSchema.parse({ ...base, ...input });
  const calendars = loadCalendars({ timeZone: SH, sla }, [2026]);
  return { policy: createSlaPolicy(sla, calendars), calendars };
}

describe('firstReplyDue (the time the acknowledgement promises)', () => {
  const { policy } = policyFor();

  it('a normal mail at 17:30 Friday in Shanghai is due 14:30 Monday (6 business hours)', () => {
    expect(local(policy.firstReplyDue(at(SH, '2026-03-06 17:30'), 'normal'), SH)).toBe('2026-03-09 14:30');
  });

  it('a high-priority mail is due 4 business hours later', () => {
    expect(local(policy.firstReplyDue(at(SH, '2026-03-04 10:00'), 'high'), SH)).toBe('2026-03-04 14:00');
  });

  it('an urgent mail at 03:00 on Saturday is due at 04:00 Saturday: urgent runs around the clock', () => {
    expect(local(policy.firstReplyDue(at(SH, '2026-03-07 03:00'), 'urgent'), SH)).toBe('2026-03-07 04:00');
  });

  it('a low-priority mail on Monday 09:00 is due Wednesday 15:00 (24 business hours, 9 a day)', () => {
    expect(local(policy.firstReplyDue(at(SH, '2026-03-09 09:00'), 'low'), SH)).toBe('2026-03-11 15:00');
  });

  it('a team with its own calendar counts in its own zone and hours (Berlin, lunch 12–13)', () => {
    // Fri 16:30 Berlin, 4h: 0.5h Friday, Mon 09–12 (3h), 13:00 + 0.5h.
    expect(local(policy.firstReplyDue(at(BERLIN, '2026-03-06 16:30'), 'high', 'sales'), BERLIN)).toBe('2026-03-09 13:30');
    expect(policy.calendarFor('high', 'sales').name).toBe('emea');
  });

  it('a team without a calendar of its own uses "default"', () => {
    expect(policy.calendarFor('normal', 'support').name).toBe('default');
    expect(policy.calendarFor('normal').name).toBe('default');
  });

  it('a policy naming a calendar wins over the team\'s calendar', () => {
    const { policy: named } = policyFor({ policies: { high: { businessHours: 'default' } } });
    expect(named.calendarFor('high', 'sales').name).toBe('default');
    expect(named.calendarFor('urgent', 'sales').name).toBe('24x7');
  });
});

describe('nextReplyDue (after the customer writes back)', () => {
  it('uses the next-reply target: a normal thread answered, customer replies Tue 14:00 → due Wed 13:00 (8h)', () => {
    const { policy } = policyFor();
    expect(local(policy.nextReplyDue(at(SH, '2026-03-10 14:00'), 'normal'), SH)).toBe('2026-03-11 13:00');
    expect(policy.targetMs('nextReply', 'normal')).toBe(8 * HOUR);
    expect(policy.targetMs('firstResponse', 'normal')).toBe(6 * HOUR);
  });

  it('urgent next reply is 2 hours around the clock', () => {
    const { policy } = policyFor();
    expect(local(policy.nextReplyDue(at(SH, '2026-03-08 23:30'), 'urgent'), SH)).toBe('2026-03-09 01:30');
  });
});

describe('warningAt', () => {
  it('80% of a 4h target started Friday 17:00 (due Monday 12:00) is Monday 11:12, not Sunday', () => {
    const { policy, calendars } = policyFor();
    const started = at(SH, '2026-03-06 17:00');
    const due = policy.firstReplyDue(started, 'high');
    expect(local(due, SH)).toBe('2026-03-09 12:00');
    expect(local(policy.warningAt(started, due, 'high'), SH)).toBe('2026-03-09 11:12');
    expect(local(warningAt(started, due, calendars.get('default')!, 0.8), SH)).toBe('2026-03-09 11:12');
  });

  it('for urgent (24x7) the warning comes at 48 minutes of a 1h target', () => {
    const { policy } = policyFor();
    const started = at(SH, '2026-03-07 03:00');
    expect(local(policy.warningAt(started, policy.firstReplyDue(started, 'urgent'), 'urgent'), SH)).toBe('2026-03-07 03:48');
  });

  it('follows the configured threshold', () => {
    const { policy } = policyFor({ warningThreshold: 0.5 });
    const started = at(SH, '2026-03-04 10:00');
    expect(local(policy.warningAt(started, policy.firstReplyDue(started, 'normal'), 'normal'), SH)).toBe('2026-03-04 13:00');
  });

  it('a due time that was moved earlier warns at the threshold of the shorter span', () => {
    const { calendars } = policyFor();
    const started = at(SH, '2026-03-04 10:00');
    expect(local(warningAt(started, at(SH, '2026-03-04 12:00'), calendars.get('default')!, 0.75), SH)).toBe('2026-03-04 11:30');
  });

  it('rejects a threshold outside 0..1', () => {
    const { calendars } = policyFor();
    expect(() => warningAt(new Date(0), new Date(HOUR), calendars.get('24x7')!, 1.5)).toThrow(/threshold/);
  });
});

describe('repeatContact (customer writes again while unanswered)', () => {
  const received = at(SH, '2026-03-09 09:00');

  it('by default raises the priority one step, keeps the promised time, and says why', () => {
    const { policy } = policyFor();
    const due = policy.firstReplyDue(received, 'normal'); // 15:00
    const outcome = policy.repeatContact({ priority: 'normal', dueAt: due }, at(SH, '2026-03-09 10:00'));
    expect(outcome.priority).toBe('high');
    expect(outcome.dueAt).toEqual(due);
    expect(outcome.reasons).toEqual([{ code: 'repeat-contact', detail: 'the customer wrote again while unanswered: priority normal → high' }]);
  });

  it('with shortenDueOnRepeatContact, the raised target from the new mail moves the due time earlier', () => {
    const { policy } = policyFor({ escalation: { shortenDueOnRepeatContact: true } });
    const due = policy.firstReplyDue(received, 'normal'); // 15:00
    const outcome = policy.repeatContact({ priority: 'normal', dueAt: due }, at(SH, '2026-03-09 10:00'));
    expect(outcome.priority).toBe('high');
    expect(local(outcome.dueAt, SH)).toBe('2026-03-09 14:00');
    expect(outcome.reasons).toHaveLength(2);
    expect(outcome.reasons[1]!.code).toBe('due-moved-earlier');
  });

  it('never moves the due time later', () => {
    const { policy } = policyFor({ escalation: { shortenDueOnRepeatContact: true } });
    const due = policy.firstReplyDue(received, 'normal'); // 15:00; high from 13:00 would be 17:00
    expect(policy.repeatContact({ priority: 'normal', dueAt: due }, at(SH, '2026-03-09 13:00')).dueAt).toEqual(due);
  });

  it('an urgent thread stays urgent and unchanged; the option can be turned off', () => {
    const { policy } = policyFor();
    const due = at(SH, '2026-03-09 10:00');
    expect(policy.repeatContact({ priority: 'urgent', dueAt: due }, received)).toEqual({ priority: 'urgent', dueAt: due, reasons: [] });
    const { policy: calm } = policyFor({ escalation: { repeatContactRaisesPriority: false } });
    expect(calm.repeatContact({ priority: 'low', dueAt: due }, received).priority).toBe('low');
  });
});

describe('calendar lookup', () => {
  it('a missing calendar is a clear error; a function lookup works; 24x7 is built in', () => {
    const sla = slaConfigSchema.parse({ teams: { sales: 'default' } });
    const none = createSlaPolicy(sla, new Map());
    expect(() => none.firstReplyDue(new Date(0), 'normal', 'sales')).toThrow(/no business calendar named "default"/);
    expect(none.firstReplyDue(new Date(0), 'urgent').getTime()).toBe(HOUR);
    const viaFunction = createSlaPolicy(sla, (name) => loadCalendars({ timeZone: SH, sla }, [2026]).get(name));
    expect(local(viaFunction.firstReplyDue(at(SH, '2026-03-04 10:00'), 'high'), SH)).toBe('2026-03-04 14:00');
  });
});
