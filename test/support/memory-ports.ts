import type { RoutingMessage } from '../../lambdas/schemas/routing.js';
import type { Clock, EffectClaim, HttpClient, HttpResponse, RoutingQueue, InboundLookup, SentRecord, EventPublisher, Mailer, RawMailStore, Secrets, SentMail, ThreadStore } from '../../lambdas/ports/index.js';
import type { PendingSlaEmission, RecordEmissionsOutcome, SlaIndex, SlaIndexEntry } from '../../lambdas/ports/sla-sweep.js';
import { EFFECT_ORDER, nextSlaCheck, type AckAllowance, type InboundProcessing, type InboundRecord, type MessageRecord, type QuarantineRecord, type RecordOutcome, type SideEffect, type ThreadRecord } from '../../lambdas/core/records.js';
import type { OutgoingMail } from '../../lambdas/core/outgoing.js';
import { MailTooLargeError } from '../../lambdas/core/message-size.js';
import type { DomainEvent } from '../../lambdas/core/events.js';
import type { SendingLog } from '../../lambdas/core/feedback.js';
import type { RawMailLocation } from '../../lambdas/core/mail.js';

/** In-memory stand-ins for the ports, with the same atomicity and conditions the real adapters give. */
export class MemoryThreadStore implements ThreadStore {
  readonly threads = new Map<string, ThreadRecord>();
  readonly messages: MessageRecord[] = [];
  readonly processing = new Map<string, InboundProcessing>();
  readonly quarantined: QuarantineRecord[] = [];
  /** Message-ID → thread ref, for customers' and our own Message-IDs. */
  readonly messageLinks = new Map<string, string>();
  /** Sender and window → the mails counted against it. */
  readonly allowances = new Map<string, Set<string>>();
  readonly suppressed = new Set<string>();
  readonly leases = new Map<string, Date>();
  /** Message-IDs of the mails we sent, whose keys hold links to their threads. */
  readonly sentMessageIds = new Set<string>();

  async recordInbound(record: InboundRecord): Promise<RecordOutcome> {
    const existing = this.processing.get(record.processing.dedupeKey);
    if (existing) return { kind: 'duplicate', processing: asRead(existing) };
    const { thread } = record;
    if (thread.kind === 'new' && this.threads.has(thread.record.ref)) return { kind: 'ref-taken' };
    if (thread.kind === 'update' && this.threads.get(thread.record.ref)?.version !== thread.expectedVersion) return { kind: 'thread-changed' };
    this.threads.set(thread.record.ref, structuredClone(thread.record));
    this.messages.push(structuredClone(record.message));
    this.processing.set(record.processing.dedupeKey, structuredClone(record.processing));
    if (record.processing.threadRef) this.messageLinks.set(record.processing.dedupeKey, record.processing.threadRef);
    for (const effect of record.claims?.effects ?? []) this.leases.set(`${record.processing.dedupeKey}|${effect}`, record.claims!.until);
    return { kind: 'recorded' };
  }

  async consumeAckAllowance(allowance: AckAllowance, dedupeKey: string): Promise<boolean> {
    const key = `${allowance.sender}|${allowance.windowStart.toISOString()}`;
    const counted = this.allowances.get(key) ?? new Set<string>();
    if (!counted.has(dedupeKey) && counted.size >= allowance.max) return false;
    this.allowances.set(key, counted.add(dedupeKey));
    return true;
  }

  async recordQuarantine(record: QuarantineRecord, processing: InboundProcessing): Promise<RecordOutcome> {
    const existing = this.processing.get(processing.dedupeKey);
    if (existing) return { kind: 'duplicate', processing: asRead(existing) };
    this.quarantined.push(structuredClone(record));
    this.processing.set(processing.dedupeKey, structuredClone(processing));
    return { kind: 'recorded' };
  }

  async getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined> {
    const found = this.processing.get(dedupeKey);
    return found && asRead(found);
  }

  async lookupInbound(dedupeKey: string, sender: string | undefined, messageIds: readonly string[]): Promise<InboundLookup> {
    return {
      processing: await this.getProcessing(dedupeKey),
      sentByUs: !this.processing.has(dedupeKey) && this.sentMessageIds.has(dedupeKey),
      suppressed: sender ? await this.isSuppressed(sender) : false,
      knownMessageIds: await this.threadsOfMessageIds([...messageIds]),
    };
  }

  async getThread(ref: string): Promise<ThreadRecord | undefined> {
    const found = this.threads.get(ref);
    return found && structuredClone(found);
  }

  async threadsOfMessageIds(messageIds: string[]): Promise<Map<string, string>> {
    return new Map(messageIds.filter((id) => this.messageLinks.has(id)).map((id) => [id, this.messageLinks.get(id)!]));
  }

  async customerHistory(address: string, limit: number): Promise<ThreadRecord[]> {
    return [...this.threads.values()]
      .filter((thread) => thread.customer.address === address.toLowerCase())
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map((thread) => structuredClone(thread));
  }

  async updateThread(thread: ThreadRecord, expectedVersion: number): Promise<boolean> {
    if (this.threads.get(thread.ref)?.version !== expectedVersion) return false;
    this.threads.set(thread.ref, structuredClone(thread));
    return true;
  }

  async settleOwedRecovery(threadRef: string, repliedAt: Date): Promise<void> {
    const thread = this.threads.get(threadRef);
    if (thread?.owedRecovery?.repliedAt.getTime() !== repliedAt.getTime()) return;
    this.threads.set(threadRef, { ...thread, owedRecovery: undefined, version: thread.version + 1 });
  }

  async isSuppressed(address: string): Promise<boolean> {
    return this.suppressed.has(address.toLowerCase());
  }

  async claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim> {
    const processing = await this.getProcessing(dedupeKey);
    if (!processing?.pending.includes(effect)) return { status: 'done', processing };
    const leaseKey = `${dedupeKey}|${effect}`;
    const lease = this.leases.get(leaseKey);
    // Live up to and including its end, as DynamoThreadStore's condition (`lease < now` to take over).
    if (lease && lease >= now) return { status: 'busy', leaseUntil: lease };
    const leaseUntil = new Date(now.getTime() + leaseMs);
    this.leases.set(leaseKey, leaseUntil);
    return { status: 'claimed', reclaimed: Boolean(lease), leaseUntil, processing };
  }

  async releaseEffect(dedupeKey: string, effect: SideEffect, leaseUntil: Date): Promise<void> {
    const leaseKey = `${dedupeKey}|${effect}`;
    if (this.leases.get(leaseKey)?.getTime() === leaseUntil.getTime()) this.leases.delete(leaseKey);
  }

  async completeEffects(dedupeKey: string, effects: readonly SideEffect[], sent?: SentRecord): Promise<void> {
    for (const id of sent?.sentMessageIds ?? []) {
      // As the table: the key of a recorded mail's processing record is not overwritten by a link.
      if (this.processing.has(id)) continue;
      this.messageLinks.set(id, sent!.threadRef);
      this.sentMessageIds.add(id);
    }
    const processing = this.processing.get(dedupeKey);
    if (!processing) return;
    processing.pending = processing.pending.filter((pending) => !effects.includes(pending));
    for (const effect of effects) this.leases.delete(`${dedupeKey}|${effect}`);
  }
}

/** A processing record as DynamoThreadStore reads it back: a copy whose owed effects are in the order they run (EFFECT_ORDER), each once. */
function asRead(processing: InboundProcessing): InboundProcessing {
  const copy = structuredClone(processing);
  copy.pending = EFFECT_ORDER.filter((effect) => processing.pending.includes(effect));
  return copy;
}

export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  /** Mails refused as too large (as SES refuses a message over its limit), in order. */
  readonly refusedAsTooLarge: OutgoingMail[] = [];
  /** Plays SES's Send event into a sent-log, when given one. */
  sendingLog: MemorySendingLog | undefined;
  /** Which mails the provider refuses as too large; none by default. */
  tooLarge: (mail: OutgoingMail) => boolean = () => false;
  async send(mail: OutgoingMail): Promise<SentMail> {
    if (this.tooLarge(mail)) {
      this.refusedAsTooLarge.push(structuredClone(mail));
      throw new MailTooLargeError('MessageRejected: the message is too large');
    }
    this.sent.push(structuredClone(mail));
    const providerMessageId = `mem-${this.sent.length}`;
    await this.sendingLog?.markSent(mail.trackingKey, providerMessageId, new Date(0));
    return this.sentAs(mail, providerMessageId);
  }
  /** The Message-ID the recipient of a sent mail sees, which a reply to it references. */
  wireMessageIdOf(mail: Pick<OutgoingMail, 'messageId'>): string {
    const index = this.sent.findIndex((sent) => sent.messageId === mail.messageId);
    if (index < 0) throw new Error(`the memory mailer sent no mail ${mail.messageId}`);
    return memoryWireMessageId(`mem-${index + 1}`);
  }
  async sentAs(mail: OutgoingMail, providerMessageId: string): Promise<SentMail> {
    // As SES does, the provider replaces our Message-ID with its own.
    return { providerMessageId, wireMessageIds: [memoryWireMessageId(providerMessageId)] };
  }
}

/** The Message-ID a recipient of the memory mailer's `providerMessageId` sees. */
export const memoryWireMessageId = (providerMessageId: string) => `${providerMessageId}@memory.example`;

export class MemorySendingLog implements SendingLog {
  readonly sent = new Map<string, string>();
  readonly suppressed = new Map<string, string>();
  async markSent(trackingKey: string, providerMessageId: string, _at?: Date): Promise<void> {
    this.sent.set(trackingKey, providerMessageId);
  }
  async sentFor(trackingKey: string): Promise<string | undefined> {
    return this.sent.get(trackingKey);
  }
  async suppress(address: string, reason: string): Promise<void> {
    this.suppressed.set(address.toLowerCase(), reason);
  }
}

export class MemoryRoutingQueue implements RoutingQueue {
  readonly sent: { team: string; message: RoutingMessage }[] = [];
  async send(team: string, message: RoutingMessage): Promise<void> {
    this.sent.push(structuredClone({ team, message }));
  }
}

export class MemoryEvents implements EventPublisher {
  readonly published: DomainEvent[] = [];
  async publish(events: DomainEvent[]): Promise<void> {
    this.published.push(...structuredClone(events));
  }
}

export class MemoryRawMail implements RawMailStore {
  readonly objects = new Map<string, Buffer>();
  put(key: string, raw: string | Buffer, bucket = 'raw-mail'): RawMailLocation {
    this.objects.set(`${bucket}/${key}`, Buffer.from(raw));
    return { bucket, key };
  }
  async open(location: RawMailLocation): Promise<AsyncIterable<Uint8Array>> {
    const found = this.objects.get(`${location.bucket}/${location.key}`);
    if (!found) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
    return (async function* () {
      yield found;
    })();
  }
}

export const memorySecrets = (key = 'test-thread-key', named: Record<string, string> = {}): Secrets => ({
  threadAddressKey: async () => key,
  value: async (name: string) => {
    if (!(name in named)) throw Object.assign(new Error(`Secrets Manager can't find the specified secret: ${name}`), { name: 'ResourceNotFoundException' });
    return named[name]!;
  },
});

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => (now = new Date(next)),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

import type { SweepHeartbeat, SweepHeartbeatStore } from '../../lambdas/ports/sla-sweep.js';

/** The sweeper's heartbeat, as DynamoSweeperStatus keeps it: the last one written wins; `failWith` makes writes throw. */
export class MemorySweepHeartbeat implements SweepHeartbeatStore {
  readonly written: SweepHeartbeat[] = [];
  failWith: Error | undefined;

  get last(): SweepHeartbeat | undefined {
    return this.written.at(-1);
  }

  async record(heartbeat: SweepHeartbeat): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.written.push(structuredClone(heartbeat));
  }
}

type AlertDeliveryLedger = import('../../lambdas/ports/index.js').AlertDeliveryLedger;
type AlertClaim = import('../../lambdas/ports/index.js').AlertClaim;

/** The chat alert ledger in memory, with the DynamoDB adapter's conditions (done wins; a live lease blocks; release only with our lease). */
export class MemoryAlertLedger implements AlertDeliveryLedger {
  readonly entries = new Map<string, { leaseUntil?: Date; doneAt?: Date }>();

  async claim(alertKey: string, now: Date, leaseMs: number): Promise<AlertClaim> {
    const entry = this.entries.get(alertKey) ?? {};
    if (entry.doneAt) return { status: 'done', at: new Date(entry.doneAt) };
    if (entry.leaseUntil && entry.leaseUntil >= now) return { status: 'busy', leaseUntil: new Date(entry.leaseUntil) };
    const leaseUntil = new Date(now.getTime() + leaseMs);
    this.entries.set(alertKey, { leaseUntil });
    return { status: 'claimed', reclaimed: Boolean(entry.leaseUntil), leaseUntil };
  }

  async complete(alertKey: string, at: Date): Promise<void> {
    const entry = this.entries.get(alertKey);
    this.entries.set(alertKey, { doneAt: entry?.doneAt ?? at });
  }

  async release(alertKey: string, leaseUntil: Date): Promise<void> {
    const entry = this.entries.get(alertKey);
    if (entry && !entry.doneAt && entry.leaseUntil?.getTime() === leaseUntil.getTime()) this.entries.delete(alertKey);
  }
}

/** A webhook receiver that answers with the given statuses in turn, then `status` (200), recording each request. */
export class MemoryWebhook implements HttpClient {
  readonly requests: { url: string; body: string; headers: Record<string, string>; timeoutMs: number }[] = [];
  /** The answer once the scripted ones are used up. */
  status = 200;
  constructor(private readonly answers: (number | Error | HttpResponse)[] = []) {}
  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpResponse> {
    this.requests.push({ url, body, headers, timeoutMs });
    const answer = this.answers.shift() ?? this.status;
    if (answer instanceof Error) throw answer;
    return typeof answer === 'number' ? { status: answer, retryAfterSeconds: undefined } : answer;
  }
  /** Bodies of every request, in order. */
  get bodies(): string[] {
    return this.requests.map((request) => request.body);
  }
}

/** Same semantics as DynamoSlaIndex: version-conditional records, lease-conditional claims. */
export class MemorySlaIndex implements SlaIndex {
  readonly threads = new Map<string, ThreadRecord>();
  readonly emissions = new Map<string, PendingSlaEmission & { publishedAt?: Date }>();
  failMarkPublished = false;

  put(record: ThreadRecord) {
    this.threads.set(record.ref, structuredClone(record));
  }

  async dueBy(until: Date): Promise<SlaIndexEntry[]> {
    const entries: SlaIndexEntry[] = [];
    for (const record of this.threads.values()) {
      const next = nextSlaCheck(record.slaClock);
      if (next && next <= until) entries.push({ kind: 'thread', at: next, thread: structuredClone(record) });
    }
    for (const emission of this.emissions.values()) {
      if (!emission.publishedAt && emission.leaseUntil <= until) entries.push({ kind: 'pending', at: emission.leaseUntil, emission: structuredClone(emission) });
    }
    return entries;
  }

  async getThread(ref: string) {
    return structuredClone(this.threads.get(ref));
  }

  async recordEmissions(record: ThreadRecord, expectedVersion: number, emissions: PendingSlaEmission[]): Promise<RecordEmissionsOutcome> {
    await Promise.resolve();
    if (this.threads.get(record.ref)?.version !== expectedVersion) return 'thread-changed';
    for (const emission of emissions) if (this.emissions.has(`${emission.ref}/${emission.key}`)) throw new Error('already recorded');
    this.put(record);
    for (const emission of emissions) this.emissions.set(`${emission.ref}/${emission.key}`, structuredClone(emission));
    return 'recorded';
  }

  async claimPending(emission: PendingSlaEmission, leaseUntil: Date) {
    await Promise.resolve();
    const stored = this.emissions.get(`${emission.ref}/${emission.key}`);
    if (!stored || stored.publishedAt || stored.leaseUntil.getTime() !== emission.leaseUntil.getTime()) return undefined;
    stored.leaseUntil = leaseUntil;
    stored.attempts++;
    return structuredClone(stored);
  }

  async markPublished(emission: PendingSlaEmission, publishedAt: Date) {
    if (this.failMarkPublished) throw new Error('crashed before marking the emission published');
    this.emissions.get(`${emission.ref}/${emission.key}`)!.publishedAt = publishedAt;
  }
}
