import type { Clock, EffectClaim, EffectDetails, EventPublisher, Mailer, RawMailStore, SentMail, SideEffect, ThreadStore } from '../../lambdas/ports/index.js';
import type { InboundProcessing, InboundRecord, MessageRecord, RecordOutcome, ThreadRecord } from '../../lambdas/core/records.js';
import type { OutgoingMail } from '../../lambdas/core/outgoing.js';
import type { DomainEvent } from '../../lambdas/core/events.js';
import type { RawMailLocation } from '../../lambdas/core/mail.js';

/** In-memory stand-ins for the ports, with the same atomicity the real adapters give. */
export class MemoryThreadStore implements ThreadStore {
  readonly threads = new Map<string, ThreadRecord>();
  readonly messages: MessageRecord[] = [];
  readonly processing = new Map<string, InboundProcessing>();
  readonly outboundLinks = new Map<string, string>();

  async recordInbound(record: InboundRecord): Promise<RecordOutcome> {
    const existing = this.processing.get(record.processing.dedupeKey);
    if (existing) return { kind: 'duplicate', processing: structuredClone(existing) };
    if (record.thread.kind === 'new' && this.threads.has(record.thread.record.ref)) return { kind: 'ref-taken' };
    if (record.thread.kind === 'new') this.threads.set(record.thread.record.ref, structuredClone(record.thread.record));
    this.messages.push(structuredClone(record.message));
    this.processing.set(record.processing.dedupeKey, structuredClone(record.processing));
    return { kind: 'recorded' };
  }

  async getProcessing(dedupeKey: string): Promise<InboundProcessing | undefined> {
    const found = this.processing.get(dedupeKey);
    return found && structuredClone(found);
  }

  async getThread(ref: string): Promise<ThreadRecord | undefined> {
    const found = this.threads.get(ref);
    return found && structuredClone(found);
  }

  readonly leases = new Map<string, Date>();

  async claimEffect(dedupeKey: string, effect: SideEffect, now: Date, leaseMs: number): Promise<EffectClaim> {
    const processing = this.processing.get(dedupeKey);
    if (!processing?.pending.includes(effect)) return { status: 'done' };
    const leaseKey = `${dedupeKey}|${effect}`;
    const lease = this.leases.get(leaseKey);
    if (lease && lease > now) return { status: 'busy', leaseUntil: lease };
    this.leases.set(leaseKey, new Date(now.getTime() + leaseMs));
    return { status: 'claimed', reclaimed: Boolean(lease) };
  }

  async releaseEffect(dedupeKey: string, effect: SideEffect): Promise<void> {
    this.leases.delete(`${dedupeKey}|${effect}`);
  }

  async completeEffect(dedupeKey: string, effect: SideEffect, details: EffectDetails = {}): Promise<void> {
    const processing = this.processing.get(dedupeKey);
    if (!processing?.pending.includes(effect)) return;
    processing.pending = processing.pending.filter((pending) => pending !== effect);
    this.leases.delete(`${dedupeKey}|${effect}`);
    for (const id of details.sentMessageIds ?? []) this.outboundLinks.set(id, details.threadRef ?? processing.threadRef);
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<SentMail> {
    this.sent.push(structuredClone(mail));
    return { providerMessageId: `mem-${this.sent.length}`, wireMessageIds: [mail.messageId] };
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

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => (now = new Date(next)),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}
