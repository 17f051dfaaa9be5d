import type { ReplylineConfig } from '../../schemas/config.js';
import { firstHeader, type InboundMail, type ReceiptVerdicts, type VerdictStatus } from '../mail.js';
import type { Reason } from '../../schemas/reasons.js';
import type { ScreeningFacts } from './signals.js';

/** Why a mail may not enter a thread at all: spam, virus, spoofed, or no one to answer. */
export function quarantineReasons(mail: InboundMail, verdicts: ReceiptVerdicts): Reason[] {
  const reasons: Reason[] = [];
  if (mail.sizeBytes === 0 || (mail.headers.size === 0 && mail.text.trim() === '')) reasons.push({ code: 'empty', detail: 'the mail has no headers and no content' });
  if (verdicts.spam === 'FAIL') reasons.push({ code: 'spam-verdict', detail: 'SES spam scan failed' });
  if (verdicts.virus === 'FAIL') reasons.push({ code: 'virus-verdict', detail: 'SES virus scan failed' });
  if (verdicts.dmarc === 'FAIL') reasons.push({ code: 'dmarc-fail', detail: "the From domain's DMARC check failed (likely spoofed)" });
  if (/^\s*yes\b/i.test(firstHeader(mail, 'x-spam-flag') ?? '')) reasons.push({ code: 'spam-flag', detail: 'an upstream filter marked it X-Spam-Flag: YES' });
  if (!(mail.replyTo[0]?.address ?? mail.from?.address)) reasons.push({ code: 'no-sender', detail: 'the mail has no From or Reply-To address' });
  return reasons;
}

/** Why a mail that reaches the team must not be answered automatically, whoever wrote it. */
export function unanswerableReasons(mail: InboundMail, verdicts: ReceiptVerdicts, noReplyPattern: RegExp, config: ReplylineConfig, facts: ScreeningFacts): Reason[] {
  const reasons: Reason[] = [];
  if (verdicts.spf === 'FAIL' && verdicts.dkim === 'FAIL' && verdicts.dmarc !== 'FAIL') {
    reasons.push({ code: 'unauthenticated-sender', detail: 'SPF and DKIM both failed; an answer could be backscatter' });
  }
  const sender = mail.replyTo[0]?.address ?? mail.from?.address;
  if (sender && noReplyPattern.test(sender)) reasons.push({ code: 'noreply-sender', detail: 'the sender address does not take replies' });
  if (facts.suppressed) reasons.push({ code: 'suppressed', detail: 'the sender is on the suppression list' });
  if (!config.acknowledgement.enabled) reasons.push({ code: 'acknowledgements-disabled', detail: 'acknowledgement.enabled is false' });
  return reasons;
}

/**
 * SES puts its verdicts in the receipt notification; the stored mail carries
 * X-SES-* headers and Authentication-Results. Locally neither exists: "not scanned".
 * Only the topmost header counts: anything below it was written by the sender.
 */
export function effectiveVerdicts(fromReceipt: ReceiptVerdicts, mail: InboundMail): ReceiptVerdicts {
  const headerVerdict = (name: string): VerdictStatus | undefined => {
    const value = firstHeader(mail, name)?.trim().toUpperCase();
    return value === 'PASS' || value === 'FAIL' || value === 'GRAY' || value === 'PROCESSING_FAILED' ? value : undefined;
  };
  const authResults = firstHeader(mail, 'authentication-results') ?? '';
  const fromAuthResults = (method: string): VerdictStatus | undefined => {
    if (!/^\s*amazonses\.com\b/i.test(authResults)) return undefined;
    const match = new RegExp(`\\b${method}=(pass|fail|softfail|none|neutral|temperror|permerror)\\b`, 'i').exec(authResults);
    if (!match) return undefined;
    return match[1]!.toLowerCase() === 'pass' ? 'PASS' : match[1]!.toLowerCase() === 'fail' ? 'FAIL' : 'GRAY';
  };
  return {
    spam: fromReceipt.spam ?? headerVerdict('x-ses-spam-verdict'),
    virus: fromReceipt.virus ?? headerVerdict('x-ses-virus-verdict'),
    spf: fromReceipt.spf ?? fromAuthResults('spf'),
    dkim: fromReceipt.dkim ?? fromAuthResults('dkim'),
    dmarc: fromReceipt.dmarc ?? fromAuthResults('dmarc'),
  };
}
