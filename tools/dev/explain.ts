import { renderReason, type Reason } from '../../lambdas/schemas/reasons.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { createSla } from '../../lambdas/adapters/wiring.js';
import { analyzeMail } from '../../lambdas/core/ingest.js';
import { returnPathAddress, UnparseableMailError, type InboundMail, type ReceiptEnvelope } from '../../lambdas/core/mail.js';
import { suggestFaq } from '../../lambdas/core/faq.js';
import { FOLLOW_UP_REASON, threadedDisposition } from '../../lambdas/core/inbound-records.js';
import type { Disposition } from '../../lambdas/schemas/vocabulary.js';
import { normalizeThreadRef } from '../../lambdas/core/thread-ref.js';
import { isServiceAddress } from '../../lambdas/core/service-address.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { replyLanguageFor } from '../../lambdas/core/reply-language.js';
import { looksLikeThreadAddress } from '../../lambdas/core/threading.js';

/** What `replyline explain` reports per file (the `--json` shape). */
interface Explanation {
  file: string;
  disposition: Disposition;
  acknowledge: boolean;
  reasons: Reason[];
  /** The machine-mail score, the thresholds it was held against, and every signal that fired (`replyline explain` shows them). */
  screening: { score: number; holdBackAt: number; machineAt: number; signals: { code: string; weight: number; detail: string }[] };
  /** ISO 639-1 of the customer's new text (or the address's default). */
  language: string | undefined;
  /** The language the acknowledgement is written in. */
  replyLanguage: string | undefined;
  team: string | undefined;
  agent: string | undefined;
  category: string | undefined;
  priority: string | undefined;
  firstReplyDue: string | undefined;
  /** Headers that would join this mail to an existing thread, if that thread exists. */
  threadEvidence: string[];
  faq: string[];
}

interface ExplainOptions {
  config: ReplylineConfig;
  /** The time the mail is taken to arrive (for the promised reply time). */
  receivedAt: Date;
  /** Envelope recipient when the mail names none of ours (like `send --to`). */
  to?: string | undefined;
}

/**
 * Runs what ingest decides, with no store and no side effects. A mail is judged as
 * if it reached a fresh install: evidence that would join it to an existing
 * thread is listed; if the mail carries any, it is reported as a follow-up.
 */
export async function explainFile(file: string, options: ExplainOptions): Promise<Explanation> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    return quarantined(file, { code: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  let mail: InboundMail | undefined;
  let refused: Reason | undefined;
  try {
    mail = await parseMail(raw);
  } catch (error) {
    mail = undefined;
    refused = error instanceof UnparseableMailError ? error.reason : { code: 'unparseable', detail: (error as Error).message.slice(0, 200) };
  }
  const { config } = options;
  const ours = mail ? [...mail.to, ...mail.cc].map((address) => address.address).filter((address) => isServiceAddress(address, config)) : [];
  const recipients = options.to ? [options.to] : ours.length ? ours : [config.addresses[0]!.address];
  const returnPath = mail ? returnPathAddress(mail) : undefined;
  const envelope: ReceiptEnvelope = {
    receiptId: `explain-${basename(file)}`,
    receivedAt: options.receivedAt,
    recipients,
    envelopeSender: returnPath ?? mail?.from?.address ?? '',
    rawMail: { bucket: 'explain', key: file },
    verdicts: {},
  };
  const analysis = analyzeMail(mail, envelope, options, { suppressed: false, unparseable: refused });
  const { screening, classification, service } = analysis;
  const scored = { score: screening.score, holdBackAt: config.screening.holdBackAt, machineAt: config.screening.machineAt, signals: screening.signals };
  if (screening.quarantine || !mail || !classification) return { ...quarantined(file), reasons: screening.reasons, screening: scored };

  const evidence = threadEvidence(mail, recipients);
  const followUp = evidence.length > 0;
  const acknowledge = screening.acknowledge && !followUp;
  const sla = createSla(config, options.receivedAt);
  return {
    file,
    disposition: threadedDisposition({ automated: screening.automated, followUp, acknowledge }),
    acknowledge,
    screening: scored,
    reasons: [...screening.reasons, ...classification.reasons, ...(followUp ? [FOLLOW_UP_REASON] : [])],
    language: classification.language,
    replyLanguage: replyLanguageFor(classification, service?.entry.language, config),
    team: classification.team,
    agent: classification.agent,
    category: classification.category,
    priority: classification.priority,
    firstReplyDue: screening.automated ? undefined : sla.firstReplyDue(options.receivedAt, classification.priority, classification.team).toISOString(),
    threadEvidence: evidence,
    faq: acknowledge ? suggestFaq(`${mail.subject}\n${mail.text}`, replyLanguageFor(classification, service?.entry.language, config), config).map((entry) => entry.id) : [],
  };
}

function threadEvidence(mail: InboundMail, recipients: string[]): string[] {
  const evidence: string[] = [];
  for (const recipient of recipients) if (looksLikeThreadAddress(recipient)) evidence.push(`thread address ${recipient} (signature checked on ingest)`);
  const referenced = mail.references.length + mail.inReplyTo.length;
  if (referenced) evidence.push(`In-Reply-To/References name ${referenced} Message-ID(s)`);
  const ref = normalizeThreadRef(mail.subject);
  if (ref) evidence.push(`subject ref ${ref} (counts only from a participant of that thread)`);
  return evidence;
}

function quarantined(file: string, reason?: Reason): Explanation {
  return {
    file,
    disposition: 'quarantine',
    acknowledge: false,
    reasons: reason ? [reason] : [],
    screening: { score: 0, holdBackAt: 0, machineAt: 0, signals: [] },
    language: undefined,
    replyLanguage: undefined,
    team: undefined,
    agent: undefined,
    category: undefined,
    priority: undefined,
    firstReplyDue: undefined,
    threadEvidence: [],
    faq: [],
  };
}

/** One readable line per file. */
export function formatExplanation(explanation: Explanation): string {
  const parts = [
    explanation.file,
    explanation.disposition,
    explanation.acknowledge ? 'ack' : 'no-ack',
    explanation.language && explanation.replyLanguage && explanation.replyLanguage !== explanation.language
      ? `${explanation.language} (ack ${explanation.replyLanguage})`
      : (explanation.language ?? '-'),
    explanation.team ? `${explanation.team}${explanation.agent ? `(${explanation.agent})` : ''}/${explanation.category}/${explanation.priority}` : '-',
    explanation.firstReplyDue ? `due ${explanation.firstReplyDue}` : 'no promise',
    ...(explanation.screening.signals.length ? [`score ${explanation.screening.score}`] : []),
  ];
  const details = [...explanation.reasons.map(renderReason), ...explanation.threadEvidence.map((evidence) => `thread evidence: ${evidence}`), ...explanation.faq.map((id) => `faq ${id}`)];
  return `${parts.join('  ')}${details.length ? `\n    ${details.join('\n    ')}` : ''}`;
}
