/** The RFC 5322 obsolete zone names mail clients still send. */
const NAMED_ZONES: Readonly<Record<string, number>> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/**
 * The sender's UTC offset in minutes from a Date header ("Tue, 1 Dec 2026 09:15:00 +0900"
 * → 540), so a promised time can be shown in the customer's own clock. `-0000` says the
 * sender's zone is unknown (RFC 5322 3.3), and a value outside ±14 h is not a real zone:
 * both give undefined.
 */
export function utcOffsetOfDateHeader(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const bare = value.replace(/\([^)]*\)/g, ' ').trim();
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(bare);
  if (numeric) {
    if (numeric[0].replace(':', '') === '-0000') return undefined;
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (minutes > 14 * 60 || Number(numeric[3]) >= 60) return undefined;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = /\b([A-Z]{1,3})$/i.exec(bare)?.[1]?.toUpperCase();
  return named !== undefined ? NAMED_ZONES[named] : undefined;
}
