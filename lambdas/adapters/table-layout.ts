import { createHash } from 'node:crypto';

/**
 * The one place the Replyline table's keys are spelt (see TABLE_KEYS for attribute and index names).
 *
 * | item | PK | SK |
 * |---|---|---|
 * | thread | `THREAD#<ref>` | `META` |
 * | message in a thread's history | `THREAD#<ref>` | `MSG#<at>#<hash of dedupe key>` |
 * | SLA emission record | `THREAD#<ref>` | `SLA#<clock start>#<target>#<warning\|breach>` |
 * | processing record, or a sent mail's Message-ID link | `MID#<dedupe key or Message-ID>` | `MID` |
 * | quarantined mail | `QUARANTINE#<day>` | `<received at>#<receipt id>` |
 * | acknowledgement allowance (a set of the counted mails' hashes) | `RATE#<sender>` | `ACK#<window start>` |
 * | suppressed address | `SUPPRESS#<address>` | `SUPPRESS` |
 * | sent-log entry | `SENT#<tracking key>` | `SENT` |
 * | chat alert ledger entry | `ALERT#<hash of the alert>` | `CHAT` |
 * | the sweeper's last run | `SWEEPER` | `STATUS` |
 * | what `forget` leaves of an address | `TOMBSTONE#<sha256 of the address>` | `TOMBSTONE` |
 *
 * Indexes: GSI1 `CUST#<address>` / thread creation (customer history); GSI2 `SLA#<shard>` / next SLA
 * instant (sparse: threads and emissions with something left to raise); GSI3 `OPEN#<team>` / thread
 * creation (sparse, keys only: threads owing a reply).
 */
export const PREFIX = {
  thread: 'THREAD#',
  message: 'MSG#',
  emission: 'SLA#',
  link: 'MID#',
  quarantine: 'QUARANTINE#',
  rate: 'RATE#',
  suppression: 'SUPPRESS#',
  sent: 'SENT#',
  /** The chat function's grant is limited to these partition keys. */
  alert: 'ALERT#',
  tombstone: 'TOMBSTONE#',
  customer: 'CUST#',
  slaShard: 'SLA#',
  openTeam: 'OPEN#',
} as const;

/** Sort key of the thread item itself, among the items of its partition. */
const THREAD_SK = 'META';

export const keys = {
  thread: (ref: string) => ({ PK: `${PREFIX.thread}${ref}`, SK: THREAD_SK }),
  message: (ref: string, at: Date, dedupeKey: string) => ({ PK: `${PREFIX.thread}${ref}`, SK: `${PREFIX.message}${at.toISOString()}#${shortHash(dedupeKey)}` }),
  emission: (ref: string, key: string) => ({ PK: `${PREFIX.thread}${ref}`, SK: `${PREFIX.emission}${key}` }),
  /** Links a Message-ID (ours or a customer's) to its thread. */
  messageLink: (messageId: string) => ({ PK: `${PREFIX.link}${messageId}`, SK: 'MID' }),
  /**
   * The processing record of the mail with this dedupe key. It shares the link's layout: a dedupe key is
   * the mail's Message-ID (or `receipt:<id>`), so the record also links that Message-ID to the thread.
   */
  processing: (dedupeKey: string) => keys.messageLink(dedupeKey),
  quarantineDay: (day: string) => `${PREFIX.quarantine}${day}`,
  quarantine: (receivedAt: Date, receiptId: string) => ({ PK: keys.quarantineDay(receivedAt.toISOString().slice(0, 10)), SK: `${receivedAt.toISOString()}#${receiptId}` }),
  ackAllowances: (sender: string) => `${PREFIX.rate}${sender}`,
  ackAllowance: (sender: string, windowStart: Date) => ({ PK: keys.ackAllowances(sender), SK: `ACK#${windowStart.toISOString()}` }),
  suppression: (address: string) => ({ PK: `${PREFIX.suppression}${address.toLowerCase()}`, SK: 'SUPPRESS' }),
  sent: (trackingKey: string) => ({ PK: `${PREFIX.sent}${trackingKey}`, SK: 'SENT' }),
  customer: (address: string) => `${PREFIX.customer}${address}`,
  /** One item per alert and channel; the identity is hashed (it is long, and keys need no meaning). */
  alert: (alertKey: string) => ({ PK: `${PREFIX.alert}${createHash('sha256').update(alertKey).digest('hex').slice(0, 32)}`, SK: 'CHAT' }),
  sweeperStatus: { PK: 'SWEEPER', SK: 'STATUS' } as const,
  tombstone: (address: string) => ({ PK: `${PREFIX.tombstone}${createHash('sha256').update(address.trim().toLowerCase()).digest('hex')}`, SK: 'TOMBSTONE' }),
  openTeam: (team: string) => `${PREFIX.openTeam}${team}`,
  slaShard: (shard: number) => `${PREFIX.slaShard}${shard}`,
};

/** The Message-ID or dedupe key a `MID#` item is keyed by. */
export function linkedIdOf(item: { PK?: unknown }): string {
  return String(item.PK).slice(PREFIX.link.length);
}

export const isLinkItem = (item: { PK?: unknown }) => String(item.PK).startsWith(PREFIX.link);
export const isQuarantineItem = (item: { PK?: unknown }) => String(item.PK).startsWith(PREFIX.quarantine);
export const isThreadItem = (item: { SK?: unknown }) => item.SK === THREAD_SK;

/** Open-SLA index (GSI2) partitions: spreads the sweeper's reads; each shard is queried by due time. */
export const SLA_INDEX_SHARDS = 4;

/** GSI2 keys for an item with something left to raise at `nextCheck`; none otherwise (the index is sparse). */
export function slaIndexKeys(ref: string, nextCheck: Date | undefined): { GSI2PK?: string; GSI2SK?: string } {
  if (!nextCheck) return {};
  const shard = createHash('sha256').update(ref).digest()[0]! % SLA_INDEX_SHARDS;
  return { GSI2PK: keys.slaShard(shard), GSI2SK: `${nextCheck.toISOString()}#${ref}` };
}

/** GSI3 keys while a thread owes a reply; sorted by creation, which never changes, so a follow-up rewrites no index entry. */
export function openByTeamKeys(ref: string, team: string, createdAt: Date): { GSI3PK: string; GSI3SK: string } {
  return { GSI3PK: keys.openTeam(team), GSI3SK: `${createdAt.toISOString()}#${ref}` };
}

/** 12 hex characters of a value's sha256: enough to tell a thread's or a sender's mails apart. */
export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
