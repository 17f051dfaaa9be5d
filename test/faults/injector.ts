import { trackingKeyFor, type SendingLog } from '../../lambdas/core/feedback.js';
import { waitFor } from '../support/local-instance.js';
import type { OutgoingMail } from '../../lambdas/core/outgoing.js';
import type { InboundRecord, RecordOutcome, SideEffect } from '../../lambdas/core/records.js';
import { MailNotSentError, type SentRecord, type EffectClaim, type EventPublisher, type Mailer, type RawMailStore, type RoutingQueue, type ThreadStore } from '../../lambdas/ports/index.js';

/**
 * Faults injected around the real adapters (the emulators stay real): transient
 * errors before a call, lost answers after a call that did happen, and process
 * crashes between a side effect and its record (in both orders).
 *
 * Claims keep the production lease, so a live holder is never overtaken however
 * slow the machine. Where a fault leaves a claim that no live holder will finish
 * (a crash, a lost answer, a record that failed after a send), the injector ends
 * its lease as time would, but only once any mail sent under it is in the
 * sent-log: production relies on the same order (SES's Send event arrives within
 * seconds, the lease lasts minutes), and here it does not depend on the load.
 */
export type FaultKind =
  | 'dynamodb-throttled'
  | 'dynamodb-answer-lost'
  | 'ses-throttled'
  | 'ses-answer-lost'
  | 'sqs-send-failed'
  | 'sqs-answer-lost'
  | 's3-read-failed'
  | 'eventbridge-failed'
  | 'crash-after-send-before-record'
  | 'crash-after-claim-before-send';

export class CrashError extends Error {
  override name = 'SimulatedCrash';
}

/** Mulberry32: a small seeded PRNG, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  readonly counts = new Map<FaultKind, number>();
  private readonly next: () => number;
  /** The live claim behind each tracking key, so a fault can end the lease of a holder that is gone. */
  private readonly claims = new Map<string, { dedupeKey: string; effect: SideEffect; leaseUntil: Date }>();

  constructor(
    private readonly probability: number,
    seed: number,
  ) {
    this.next = random(seed);
  }

  private hit(kind: FaultKind): boolean {
    if (this.next() >= this.probability) return false;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    return true;
  }

  private fail(kind: FaultKind, name: string, message: string): never {
    throw Object.assign(new Error(`injected: ${message}`), { name, $fault: kind });
  }

  /** `sendingLog` is needed where mail is sent under claims (ingest, deliver); the agent-events function sends none. */
  threads(real: ThreadStore, sendingLog: SendingLog | undefined): ThreadStore {
    const writes = new Set(['recordInbound', 'consumeAckAllowance', 'recordQuarantine', 'completeEffects', 'claimEffect', 'updateThread', 'settleOwedRecovery']);
    const faulty = new Proxy(real, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(property);
        return async (...args: unknown[]) => {
          // A completion that records a sent mail (acknowledgement, relay, forward) names it in `sent`.
          const sent = name === 'completeEffects' ? (args[2] as SentRecord | undefined) : undefined;
          const sentKey = sent?.sentMessageIds.length ? trackingKeyFor(args[0] as string, sent.effect) : undefined;
          if (sentKey && this.hit('crash-after-send-before-record')) {
            await this.endLease(real, sendingLog, sentKey, true);
            throw new CrashError(`crash after sending "${sent!.effect}", before recording it`);
          }
          if (this.hit('dynamodb-throttled')) {
            // The holder gives up, keeping its claim if the mail went out: either way its lease runs out.
            if (name === 'releaseEffect') await real.releaseEffect(...(args as [string, SideEffect, Date]));
            if (sentKey) await this.endLease(real, sendingLog, sentKey, true);
            this.fail('dynamodb-throttled', 'ProvisionedThroughputExceededException', `DynamoDB throttled ${name}`);
          }
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          const taken = this.claimsTaken(name, args, result);
          for (const claim of taken) this.claims.set(trackingKeyFor(claim.dedupeKey, claim.effect), claim);
          if (writes.has(name) && this.hit('dynamodb-answer-lost')) {
            // A claim taken but never heard of has no holder: its lease runs out.
            for (const claim of taken) await this.endLease(real, sendingLog, trackingKeyFor(claim.dedupeKey, claim.effect), false);
            this.fail('dynamodb-answer-lost', 'TimeoutError', `DynamoDB ${name} applied, answer lost`);
          }
          return result;
        };
      },
    });
    return faulty;
  }

  /** The claims a store call took: by `claimEffect`, or with the record by `recordInbound`. */
  private claimsTaken(name: string, args: unknown[], result: unknown): { dedupeKey: string; effect: SideEffect; leaseUntil: Date }[] {
    if (name === 'claimEffect') {
      const claim = result as EffectClaim;
      return claim.status === 'claimed' ? [{ dedupeKey: args[0] as string, effect: args[1] as SideEffect, leaseUntil: claim.leaseUntil }] : [];
    }
    if (name === 'recordInbound' && (result as RecordOutcome).kind === 'recorded') {
      const record = args[0] as InboundRecord;
      return (record.claims?.effects ?? []).map((effect) => ({ dedupeKey: record.processing.dedupeKey, effect, leaseUntil: record.claims!.until }));
    }
    return [];
  }

  /**
   * What time does to a claim whose holder is gone: the lease runs out, after the Send event
   * of any mail sent under it has reached the sent-log (waited for, never slept on).
   */
  private async endLease(real: ThreadStore, sendingLog: SendingLog | undefined, trackingKey: string, sent: boolean): Promise<void> {
    const claim = this.claims.get(trackingKey);
    if (!claim) throw new Error('a lease ended that the fault injector never saw claimed');
    if (sent && !sendingLog) throw new Error('a mail was sent by a function the fault injector was given no sent-log for');
    if (sent) await waitFor(() => sendingLog!.sentFor(trackingKey), `the Send event of ${trackingKey} in the sent-log`, 120_000);
    await real.releaseEffect(claim.dedupeKey, claim.effect, claim.leaseUntil);
  }

  /** `threads` is the unfaulty store, used only to end the leases of holders that are gone. */
  mailer(real: Mailer, sendingLog: SendingLog, threads: ThreadStore): Mailer {
    return {
      sentAs: (mail, id) => real.sentAs(mail, id),
      send: async (mail: OutgoingMail) => {
        if (this.hit('crash-after-claim-before-send')) {
          await this.endLease(threads, sendingLog, mail.trackingKey, false);
          throw new CrashError('crash after claiming, before sending');
        }
        // As the SES adapter reports a refusal: certainly not sent.
        if (this.hit('ses-throttled')) throw Object.assign(new MailNotSentError('Throttling: injected: Maximum sending rate exceeded'), { $fault: 'ses-throttled' });
        const sent = await real.send(mail);
        if (this.hit('ses-answer-lost')) {
          // The holder keeps its claim (the mail may have gone out); its lease runs out once SES's Send event is logged.
          await this.endLease(threads, sendingLog, mail.trackingKey, true);
          this.fail('ses-answer-lost', 'TimeoutError', 'SES accepted the mail, answer lost');
        }
        return sent;
      },
    };
  }

  routing(real: RoutingQueue): RoutingQueue {
    return {
      send: async (team, message) => {
        if (this.hit('sqs-send-failed')) this.fail('sqs-send-failed', 'ServiceUnavailable', 'SQS SendMessage failed');
        await real.send(team, message);
        if (this.hit('sqs-answer-lost')) this.fail('sqs-answer-lost', 'TimeoutError', 'SQS accepted the message, answer lost');
      },
    };
  }

  rawMail(real: RawMailStore): RawMailStore {
    return {
      open: async (location) => {
        if (this.hit('s3-read-failed')) this.fail('s3-read-failed', 'SlowDown', 'S3 GetObject failed');
        return real.open(location);
      },
    };
  }

  events(real: EventPublisher): EventPublisher {
    return {
      publish: async (events) => {
        if (this.hit('eventbridge-failed')) this.fail('eventbridge-failed', 'InternalException', 'EventBridge PutEvents failed');
        await real.publish(events);
      },
    };
  }
}
