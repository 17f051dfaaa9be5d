import { describe, expect, it } from 'vitest';
import { utcOffsetOfDateHeader } from '../../lambdas/core/mail-date.js';

describe("the sender's UTC offset from the Date header", () => {
  it('reads numeric offsets, with a comment or a colon', () => {
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 +0900')).toBe(540);
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 -0330 (NST)')).toBe(-210);
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 +05:30')).toBe(330);
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 +0000')).toBe(0);
  });

  it('reads the obsolete zone names mail clients still send', () => {
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 GMT')).toBe(0);
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 PST')).toBe(-480);
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 EDT')).toBe(-240);
  });

  it('says nothing when the sender does not: -0000, no zone, an impossible offset, no header', () => {
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 -0000')).toBeUndefined();
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00')).toBeUndefined();
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 +2500')).toBeUndefined();
    expect(utcOffsetOfDateHeader('Tue, 1 Dec 2026 09:15:00 XYZ')).toBeUndefined();
    expect(utcOffsetOfDateHeader(undefined)).toBeUndefined();
  });
});
