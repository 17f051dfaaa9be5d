import type { z } from 'zod';

/** Checks shared by the config schemas, and how their readers name what a schema refused. */

/** Each issue as `path: message` (`whole` stands for the value itself); zod's messages never quote the value. */
export function issueList(error: z.ZodError, whole: string): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`);
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_MESSAGE = 'expected an IANA time zone such as Asia/Shanghai or Europe/Berlin';
