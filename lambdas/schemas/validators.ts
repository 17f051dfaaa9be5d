/** Checks shared by the config schemas. */

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_MESSAGE = 'expected an IANA time zone such as Asia/Shanghai or Europe/Berlin';
