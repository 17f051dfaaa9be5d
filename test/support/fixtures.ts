import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import type { IngestDependencies } from '../../lambdas/core/ingest.js';
import type { ReceiptEnvelope } from '../../lambdas/core/mail.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { fixedClock, MemoryEvents, MemoryMailer, MemoryRawMail, MemoryThreadStore } from './memory-ports.js';
import { rawMail } from './mail-builder.js';

export const exampleConfig: ReplylineConfig = readConfigFile('replyline.config.json');

export { rawMail };

export function memoryDependencies(config: ReplylineConfig = exampleConfig) {
  const deps = {
    rawMail: new MemoryRawMail(),
    parser: { parse: parseMail },
    threads: new MemoryThreadStore(),
    mailer: new MemoryMailer(),
    events: new MemoryEvents(),
    clock: fixedClock('2026-11-24T02:00:00Z'),
    config,
    instanceId: 'test.example.com',
  } satisfies IngestDependencies;
  return deps;
}

let receiptCounter = 0;
/** Stores a raw mail in the memory bucket and returns the receipt SES would have produced for it. */
export function receive(deps: ReturnType<typeof memoryDependencies>, raw: string, overrides: Partial<ReceiptEnvelope> = {}): ReceiptEnvelope {
  const receiptId = overrides.receiptId ?? `receipt-${++receiptCounter}`;
  return {
    receiptId,
    receivedAt: new Date('2026-11-24T02:00:00Z'),
    recipients: ['support@example.com'],
    envelopeSender: 'jane@customer.example.org',
    rawMail: deps.rawMail.put(`inbound/${receiptId}`, raw),
    verdicts: {},
    ...overrides,
  };
}
