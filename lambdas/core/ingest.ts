import type { Reason } from '../schemas/reasons.js';
import type { ThreadStore } from '../ports/index.js';
import { identifyAgent } from './agents.js';
import { classifyMail, type MailClassification } from './classification.js';
import { EFFECT_LEASE_MS } from './effect-runner.js';
import { INGEST_EFFECTS, finishEffects, type FreshRecord, type IngestDependencies } from './ingest-effects.js';
import { agentReplyRecord, followUpRecord, newThreadRecord, quarantineRecord, type QuarantineContext, type RecordContext } from './inbound-records.js';
import { UnparseableMailError, type InboundMail, type MailAddress, type ReceiptEnvelope } from './mail.js';
import { chooseDedupeKey, dedupeKeyFor } from './message-ids.js';
import type { Disposition } from '../schemas/vocabulary.js';
import type { InboundProcessing, InboundRecord, SideEffect } from './records.js';
import { screenMail, type Screening, type ScreeningFacts } from './screening/screen.js';
import { resolveServiceAddress, type ServiceAddress } from './service-address.js';
import { matchThread, referencedMessageIds, verifyThreadAddress, type ThreadLookup } from './threading.js';
import { threadRefFor } from './thread-ref.js';

export type { IngestDependencies } from './ingest-effects.js';

export interface IngestResult {
  outcome: 'recorded' | 'duplicate';
  disposition: Disposition;
  role: 'customer' | 'agent';
  threadRef: string | undefined;
  dedupeKey: string;
  acknowledge: boolean;
  reasons: Reason[];
  effectsDone: SideEffect[];
}

const MAX_ATTEMPTS = 5;

/** Everything decided about a mail before anything is stored: shared by ingest and `replyline explain`. */
interface MailAnalysis {
  mail: InboundMail | undefined;
  service: ServiceAddress | undefined;
  customer: MailAddress | undefined;
  screening: Screening;
  classification: MailClassification | undefined;
}

/** Pure: screening and classification of a parsed (or unparseable) mail. */
export function analyzeMail(
  mail: InboundMail | undefined,
  envelope: ReceiptEnvelope,
  deps: Pick<IngestDependencies, 'config'>,
  facts: ScreeningFacts,
): MailAnalysis {
  const { config } = deps;
  const candidates = [...envelope.recipients, ...(mail ? [...mail.to, ...mail.cc].map((address) => address.address) : [])];
  const service = resolveServiceAddress(candidates, config);
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;
  const screening = screenMail(mail, envelope, config, facts);
  if (!service) {
    screening.quarantine = true;
    screening.acknowledge = false;
    screening.reasons.push({ code: 'not-for-us', detail: 'none of the recipients is a configured Replyline address' });
  }
  const classification = mail && service && !screening.quarantine ? classifyMail(mail, service, config) : undefined;
  return { mail, service, customer, screening, classification };
}

/**
 * One received mail, start to finish: parse, screen, match its thread (or see an
 * agent answering one), record it idempotently, then the side effects still owed.
 * Safe to call again for the same receipt: nothing is recorded twice and only
 * unfinished effects run.
 */
export async function ingestMail(envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<IngestResult> {
  const { mail, unparseable } = await readMail(envelope, deps);
  const customer = mail ? (mail.replyTo[0] ?? mail.from) : undefined;
  // Everything the decisions below need from the table, in one read.
  const byMessageId = dedupeKeyFor(mail?.messageId, envelope.receiptId);
  const lookup = await deps.threads.lookupInbound(byMessageId, customer?.address, mail ? referencedMessageIds(mail) : []);
  const { dedupeKey, prior } = await dedupeKeyAndPrior(byMessageId, lookup.sentByUs ? 'sent-by-us' : lookup.processing, envelope, customer?.address, deps.threads);
  if (prior) return performOwedEffects(prior, 'duplicate', mail, envelope, deps);

  const analysis = analyzeMail(mail, envelope, deps, { suppressed: lookup.suppressed, sentByUs: lookup.sentByUs, unparseable });
  const decided = { envelope, screening: analysis.screening, dedupeKey, config: deps.config, slaPolicy: deps.slaPolicy, now: deps.clock.now() };
  if (!isThreadable(analysis)) return recordQuarantined(analysis, { ...decided, mail: analysis.mail }, envelope, deps);
  const context = (parsed: InboundMail): RecordContext => ({ ...decided, mail: parsed });
  return recordThreaded(analysis, dedupeKey, context, lookup.knownMessageIds, envelope, deps);
}

/** A mail that can be threaded: parsed, for one of our addresses, from someone, classified and not quarantined. */
type ThreadableAnalysis = MailAnalysis & { mail: InboundMail; service: ServiceAddress; customer: MailAddress; classification: MailClassification };

function isThreadable(analysis: MailAnalysis): analysis is ThreadableAnalysis {
  return !analysis.screening.quarantine && Boolean(analysis.mail && analysis.service && analysis.customer && analysis.classification);
}

async function recordQuarantined(analysis: MailAnalysis, context: QuarantineContext, envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<IngestResult> {
  const { record, processing } = quarantineRecord(context, analysis.customer?.address);
  const outcome = await deps.threads.recordQuarantine(record, processing);
  if (outcome.kind === 'duplicate') return performOwedEffects(outcome.processing, 'duplicate', analysis.mail, envelope, deps);
  return performOwedEffects(processing, 'recorded', analysis.mail, envelope, deps, { thread: undefined, claimedUntil: undefined });
}

/**
 * Records a threadable mail: as an agent's reply to the thread its address names, or as a
 * customer's new thread or follow-up. Tried again when the generated ref is taken or the
 * thread changed since it was read; the acknowledgement allowance is counted before the record.
 */
async function recordThreaded(
  analysis: ThreadableAnalysis,
  dedupeKey: string,
  context: (mail: InboundMail) => RecordContext,
  knownMessageIds: Map<string, string>,
  envelope: ReceiptEnvelope,
  deps: IngestDependencies,
): Promise<IngestResult> {
  const { mail: parsed, customer } = analysis;
  const key = await deps.secrets.threadAddressKey();
  const sender = parsed.from ?? customer;
  const agent = identifyAgent(sender.address, sender.name, deps.config);
  const agentThreadRef = agent ? envelope.recipients.map((recipient) => verifyThreadAddress(recipient, key)).find(Boolean) : undefined;

  let rateLimited: string | undefined;
  const extraReasons: Reason[] = [];
  if (agent && !agentThreadRef) extraReasons.push({ code: 'agent-mail', detail: 'from an agent but not to a thread address; handled as customer mail, not relayed' });
  // The first attempt threads with the Message-IDs read with the processing record; a retry (the thread changed) reads again.
  const prefetched: ThreadLookup = { getThread: (ref) => deps.threads.getThread(ref), threadsOfMessageIds: async () => knownMessageIds };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let record: InboundRecord;
    const agentThread = agent && agentThreadRef ? await deps.threads.getThread(agentThreadRef) : undefined;
    if (agent && agentThread) {
      record = agentReplyRecord(context(parsed), agent, sender.address, agentThread);
    } else {
      const match = await matchThread(parsed, envelope.recipients, customer.address, key, attempt === 0 ? prefetched : deps.threads);
      record = match.kind === 'existing' ? followUpRecord(context(parsed), customer, match) : newThreadRecord(context(parsed), analysis, match, threadRefFor(dedupeKey, attempt), rateLimited);
    }
    record.processing.reasons.push(...extraReasons);
    // Counted on its own (idempotent per mail), not in the record's transaction, where every write bills twice.
    if (record.ackAllowance && !(await deps.threads.consumeAckAllowance(record.ackAllowance, dedupeKey))) {
      rateLimited = `${deps.config.acknowledgement.maxPerSender} acknowledgements per ${deps.config.acknowledgement.windowHours} h already sent to this sender`;
      extraReasons.push({ code: 'rate-limited', detail: rateLimited });
      attempt--; // not a collision: the same ref is still free
      continue;
    }
    const outcome = await deps.threads.recordInbound(withClaims(record, deps));
    if (outcome.kind === 'recorded') return performOwedEffects(record.processing, 'recorded', parsed, envelope, deps, { thread: record.thread.record, claimedUntil: record.claims?.until });
    if (outcome.kind === 'duplicate') return performOwedEffects(outcome.processing, 'duplicate', parsed, envelope, deps);
  }
  throw new Error(`could not record the mail after ${MAX_ATTEMPTS} attempts (thread ref collisions or concurrent updates)`);
}

/** The record, claiming with it the effects this run performs next, so a new mail costs no claim requests. */
function withClaims(record: InboundRecord, deps: IngestDependencies): InboundRecord {
  const claimed = record.processing.pending.filter((effect) => INGEST_EFFECTS.includes(effect));
  if (claimed.length) record.claims = { effects: claimed, until: new Date(deps.clock.now().getTime() + (deps.effectLeaseMs ?? EFFECT_LEASE_MS)) };
  return record;
}

/** Performs what the recorded mail still owes (nothing for a duplicate that was finished) and says what happened. */
async function performOwedEffects(processing: InboundProcessing, outcome: IngestResult['outcome'], mail: InboundMail | undefined, envelope: ReceiptEnvelope, deps: IngestDependencies, fresh?: FreshRecord): Promise<IngestResult> {
  const effectsDone = await finishEffects({ processing, mail, rawMail: envelope.rawMail, receivedAt: envelope.receivedAt }, deps, fresh);
  return {
    outcome,
    disposition: processing.disposition,
    role: processing.role,
    threadRef: processing.threadRef,
    dedupeKey: processing.dedupeKey,
    acknowledge: processing.acknowledge,
    reasons: processing.reasons,
    effectsDone,
  };
}

/**
 * Streams and parses the stored mail. If parsing fails, the whole object is read
 * again into memory and parsed once more, so a broken download (retried) is told
 * apart from a mail that cannot be parsed (quarantined).
 */
async function readMail(envelope: ReceiptEnvelope, deps: IngestDependencies): Promise<{ mail: InboundMail | undefined; unparseable?: Reason | undefined }> {
  try {
    return { mail: await deps.parser.parse(await deps.rawMail.open(envelope.rawMail)) };
  } catch (error) {
    if (error instanceof UnparseableMailError) return { mail: undefined, unparseable: error.reason };
    const chunks: Uint8Array[] = [];
    for await (const chunk of await deps.rawMail.open(envelope.rawMail)) chunks.push(chunk);
    try {
      return { mail: await deps.parser.parse(Buffer.concat(chunks)) };
    } catch (retryError) {
      return { mail: undefined, unparseable: retryError instanceof UnparseableMailError ? retryError.reason : undefined };
    }
  }
}

/** The key the mail is recorded under (chooseDedupeKey) and the processing record already held under it. */
async function dedupeKeyAndPrior(
  byMessageId: string,
  holder: InboundProcessing | 'sent-by-us' | undefined,
  envelope: ReceiptEnvelope,
  sender: string | undefined,
  threads: ThreadStore,
): Promise<{ dedupeKey: string; prior: InboundProcessing | undefined }> {
  const dedupeKey = chooseDedupeKey(byMessageId, holder, envelope.receiptId, sender);
  return { dedupeKey, prior: dedupeKey === byMessageId && holder !== 'sent-by-us' ? holder : await threads.getProcessing(dedupeKey) };
}
