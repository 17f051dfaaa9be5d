import { readFileSync } from 'node:fs';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { createSla } from '../../lambdas/adapters/wiring.js';
import type { IngestDependencies } from '../../lambdas/core/ingest.js';
import type { ReceiptEnvelope } from '../../lambdas/core/mail.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { parseConfig } from '../../lambdas/schemas/config.js';
import { fixedClock, MemoryEvents, MemoryMailer, MemoryRawMail, MemoryRoutingQueue, MemorySendingLog, MemoryThreadStore, memorySecrets } from './memory-ports.js';
import { rawMail } from './mail-builder.js';

export const exampleConfig: ReplylineConfig = readConfigFile('replyline.config.json');

/** The example config with some fields replaced (validated like a real file). */
export function configWith(changes: Record<string, unknown>): ReplylineConfig {
  const raw = JSON.parse(JSON.stringify(readConfigFileRaw()));
  return parseConfig({ ...raw, ...changes }, 'test config');
}

export const PARTNERS_WEBHOOK = { url: 'https://desk.example.net/hooks/replyline', secretName: 'replyline/partners-webhook' } as const;

/** Two teams behind two addresses: `support` is a mailbox, `partners` a webhook (PARTNERS_WEBHOOK). */
export function mailboxAndWebhookConfig(): ReplylineConfig {
  return configWith({
    addresses: [
      { address: 'support@example.com', team: 'support' },
      { address: 'partners@example.com', team: 'partners' },
    ],
    teams: {
      support: { name: 'Example Support', destination: { type: 'mailbox', address: 'support-team@mail.example.com' } },
      partners: { name: 'Partner Desk', destination: { type: 'webhook', ...PARTNERS_WEBHOOK } },
    },
    agents: {},
  });
}

function readConfigFileRaw(): Record<string, unknown> {
  return JSON.parse(readFileSync('replyline.config.json', 'utf8')) as Record<string, unknown>;
}

export { rawMail };

/** Tuesday 24 Nov 2026, 10:00 in Shanghai: inside business hours. */
export const RECEIVED_AT = new Date('2026-11-24T02:00:00Z');

/** What several runs may share instead of getting their own (the bench keeps one bucket and SLA policy for every mail). */
type SharedParts = Partial<{ rawMail: MemoryRawMail; slaPolicy: IngestDependencies['slaPolicy']; secrets: IngestDependencies['secrets']; clock: ReturnType<typeof fixedClock>; instanceId: string }>;

/** Ingest's dependencies on the in-memory ports: a store, mailer, sent-log, bus and team queues of their own. */
export function memoryDependencies(config: ReplylineConfig = exampleConfig, shared: SharedParts = {}) {
  const sendingLog = new MemorySendingLog();
  const mailer = new MemoryMailer();
  mailer.sendingLog = sendingLog;
  const deps = {
    rawMail: shared.rawMail ?? new MemoryRawMail(),
    parser: { parse: parseMail },
    threads: new MemoryThreadStore(),
    mailer,
    sendingLog,
    events: new MemoryEvents(),
    routing: new MemoryRoutingQueue(),
    secrets: shared.secrets ?? memorySecrets(),
    clock: shared.clock ?? fixedClock(RECEIVED_AT.toISOString()),
    config,
    slaPolicy: shared.slaPolicy ?? createSla(config, RECEIVED_AT),
    instanceId: shared.instanceId ?? 'test.example.com',
  } satisfies IngestDependencies;
  return deps;
}

let receiptCounter = 0;
/** Stores a raw mail in the memory bucket and returns the receipt SES would have produced for it. */
export function receive(deps: ReturnType<typeof memoryDependencies>, raw: string | Buffer, overrides: Partial<ReceiptEnvelope> = {}): ReceiptEnvelope {
  const receiptId = overrides.receiptId ?? `receipt-${++receiptCounter}`;
  return {
    receiptId,
    receivedAt: RECEIVED_AT,
    recipients: ['support@example.com'],
    envelopeSender: 'jane@customer.example.org',
    rawMail: deps.rawMail.put(`inbound/${receiptId}`, raw),
    verdicts: {},
    ...overrides,
  };
}
