import type { ReplylineConfig } from '../../schemas/config.js';
import type { Reason } from '../../schemas/reasons.js';
import type { ScreeningSignalCode } from '../../schemas/screening-config.js';
import { withoutEarlierMail } from '../classify/quotes.js';
import type { InboundMail, ReceiptEnvelope } from '../mail.js';
import { isOurMessageId } from '../message-ids.js';
import { isServiceAddress } from '../service-address.js';
import { ADDRESS_SIGNALS } from './address-signals.js';
import { HEADER_SIGNALS } from './header-signals.js';
import { hardRules } from './hard-rules.js';
import { effectiveVerdicts, quarantineReasons, unanswerableReasons } from './quarantine.js';
import { DEFAULT_SIGNAL_WEIGHTS, type Screening, type ScreeningFacts, type SignalInput, type WeighedSignal } from './signals.js';
import { TEXT_SIGNALS } from './text-signals.js';

export type { Screening, ScreeningFacts } from './signals.js';

/**
 * Machine evidence that mail clients produce too: a template's text (an absence note, a mass
 * mailing's footer) sent by rule or Bcc, and list traffic, which people write in their clients.
 */
const CLIENT_MADE_SIGNALS: ReadonlySet<ScreeningSignalCode> = new Set<ScreeningSignalCode>([
  'out-of-office-text',
  'out-of-office-subject',
  'out-of-office-prefix',
  'unsubscribe-footer',
  'view-in-browser',
  'newsletter-footer-line',
  'list-footer',
  'list-subject-tag',
  'list-recipient',
  'patch-subject-tag',
]);

/** Own text read for signals: its opening and its end, where greetings, "view in browser", absence notes and footers sit. */
const OWN_TEXT_EDGE = 3_000;
const OWN_TEXT_LIMIT = 60_000;

/**
 * Screening answers two questions about a received mail, each with named reasons:
 * may it enter a thread at all (or is it quarantined: spam, virus, spoofed, unusable),
 * and may we answer it automatically. The second is an explainable score: named
 * signals with weights add up, and the thresholds in config decide. Unambiguous
 * machine mail (Auto-Submitted, delivery and complaint reports, our own mail) is
 * decided by hard rules that no score can outweigh.
 */
export function screenMail(mail: InboundMail | undefined, envelope: ReceiptEnvelope, config: ReplylineConfig, facts: ScreeningFacts): Screening {
  if (!mail) {
    return { quarantine: true, acknowledge: false, automated: false, score: 0, signals: [], heldBack: undefined, reasons: [facts.unparseable ?? { code: 'unparseable', detail: 'the raw mail could not be parsed' }] };
  }
  const verdicts = effectiveVerdicts(envelope.verdicts, mail);
  const noReplyPattern = new RegExp(config.acknowledgement.noReplySenderPattern, 'iu');
  const quarantine = quarantineReasons(mail, verdicts);
  const hard = hardRules(mail, config, facts);
  const signals = weighSignals({ mail, envelope, noReplyPattern, isOurMessageId: (messageId) => isOurMessageId(messageId, config.domain) }, config);
  const score = signals.reduce((sum, { weight }) => sum + weight, 0);
  const { holdBackAt, machineAt } = config.screening;
  const automated = hard.length > 0 || score >= machineAt;
  const unanswerable = unanswerableReasons(mail, verdicts, noReplyPattern, config, facts);
  const scoreReason: Reason[] = signals.length ? [{ code: 'screening-score', detail: `${score} (acknowledgement held back at ${holdBackAt}, machine mail at ${machineAt})` }] : [];
  const held: Reason[] = !automated && score >= holdBackAt ? [{ code: 'held-back', detail: `machine-mail score ${score} reaches ${holdBackAt}; a person may still have written it` }] : [];
  const withheld = automated ? [] : [...held, ...unanswerable];
  return {
    quarantine: quarantine.length > 0,
    acknowledge: quarantine.length === 0 && !automated && withheld.length === 0,
    automated,
    score,
    signals,
    heldBack: withheld.length ? withheld.map(({ detail }) => detail).join('; ') : undefined,
    reasons: [...quarantine, ...mail.defects, ...hard, ...signals.map(signalReason), ...scoreReason, ...held, ...unanswerable],
  };
}

/** Every weighted signal that fired, with its weight from config (or the built-in one). */
function weighSignals(given: Pick<SignalInput, 'mail' | 'envelope' | 'noReplyPattern' | 'isOurMessageId'>, config: ReplylineConfig): WeighedSignal[] {
  const { mail } = given;
  const input: SignalInput = {
    ...given,
    ownText: edges(withoutEarlierMail(mail.text.slice(0, OWN_TEXT_LIMIT))),
    addressedToUs: [...mail.to, ...mail.cc].some((recipient) => isServiceAddress(recipient.address, config)),
  };
  const fired = [...HEADER_SIGNALS, ...ADDRESS_SIGNALS, ...TEXT_SIGNALS].flatMap((check) => check(input) ?? []);
  // Beside evidence that clients produce too, the mail client is no evidence of a person.
  const clientMade = fired.some(({ code }) => CLIENT_MADE_SIGNALS.has(code));
  return fired
    .filter(({ code }) => !(clientMade && code === 'personal-mail-client'))
    .map((found) => ({ ...found, weight: config.screening.weights[found.code] ?? DEFAULT_SIGNAL_WEIGHTS[found.code] }))
    .filter(({ weight }) => weight !== 0);
}

function edges(text: string): string {
  return text.length <= 2 * OWN_TEXT_EDGE ? text : `${text.slice(0, OWN_TEXT_EDGE)}\n${text.slice(-OWN_TEXT_EDGE)}`;
}

function signalReason({ code, weight, detail }: WeighedSignal): Reason {
  return { code, detail: `${weight > 0 ? '+' : ''}${weight} ${detail}` };
}
