import { trackingKeyFor } from '../../lambdas/core/feedback.js';
import type { OutgoingMail } from '../../lambdas/core/outgoing.js';
import { MailNotSentError, type EventPublisher, type Mailer, type RawMailStore, type RoutingQueue, type SideEffect, type ThreadStore } from '../../lambdas/ports/index.js';

/**
 * Faults injected around the real adapters (the emulators stay real): transient
 * errors before a call, lost answers after a call that did happen, and process
 * crashes between a side effect and its record (in both orders). A crash leaves
 * its claim in place, as a dead process would; everything else fails cleanly.
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
  /** Tracking keys of effects whose worker "died": their claim must survive (no release). */
  private readonly crashed = new Set<string>();

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

  threads(real: ThreadStore): ThreadStore {
    const writes = new Set(['recordInbound', 'recordQuarantine', 'completeEffect', 'claimEffect', 'updateThread']);
    const faulty = new Proxy(real, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(property);
        return async (...args: unknown[]) => {
          if (name === 'releaseEffect') {
            const [dedupeKey, effect] = args as [string, SideEffect];
            if (this.crashed.delete(trackingKeyFor(dedupeKey, effect))) return; // the process is gone: nobody releases
          }
          if (name === 'completeEffect') {
            const [dedupeKey, effect] = args as [string, SideEffect];
            if ((effect === 'acknowledge' || effect === 'deliver' || effect === 'relay') && this.hit('crash-after-send-before-record')) {
              this.crashed.add(trackingKeyFor(dedupeKey, effect));
              throw new CrashError(`crash after sending "${effect}", before recording it`);
            }
          }
          if (this.hit('dynamodb-throttled')) this.fail('dynamodb-throttled', 'ProvisionedThroughputExceededException', `DynamoDB throttled ${name}`);
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (writes.has(name) && this.hit('dynamodb-answer-lost')) this.fail('dynamodb-answer-lost', 'TimeoutError', `DynamoDB ${name} applied, answer lost`);
          return result;
        };
      },
    });
    return faulty;
  }

  mailer(real: Mailer): Mailer {
    return {
      sentAs: (mail, id) => real.sentAs(mail, id),
      send: async (mail: OutgoingMail) => {
        if (this.hit('crash-after-claim-before-send')) {
          this.crashed.add(mail.trackingKey);
          throw new CrashError('crash after claiming, before sending');
        }
        // As the SES adapter reports a refusal: certainly not sent.
        if (this.hit('ses-throttled')) throw Object.assign(new MailNotSentError('Throttling: injected: Maximum sending rate exceeded'), { $fault: 'ses-throttled' });
        const sent = await real.send(mail);
        if (this.hit('ses-answer-lost')) this.fail('ses-answer-lost', 'TimeoutError', 'SES accepted the mail, answer lost');
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
