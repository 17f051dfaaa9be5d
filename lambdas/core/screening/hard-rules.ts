import type { ReplylineConfig } from '../../schemas/config.js';
import { firstHeader, type InboundMail } from '../mail.js';
import { isOurMessageId, LOOP_HEADER } from '../message-ids.js';
import { isServiceAddress } from '../service-address.js';
import type { Reason } from '../../schemas/reasons.js';
import { clip, type ScreeningFacts } from './signals.js';

/**
 * Machine mail beyond doubt, decided without a score: a sender that declares
 * itself automatic (RFC 3834), delivery and read reports (RFC 3464, 8098),
 * complaint reports (ARF), and mail that Replyline itself sent.
 */
export function hardRules(mail: InboundMail, config: ReplylineConfig, facts: Pick<ScreeningFacts, 'sentByUs'>): Reason[] {
  const reasons: Reason[] = [];
  const autoSubmitted = firstHeader(mail, 'auto-submitted');
  if (autoSubmitted !== undefined && !/^\s*no\b/i.test(autoSubmitted)) reasons.push({ code: 'auto-submitted', detail: clip(autoSubmitted) });
  const reportType = (mail.contentTypeParams['report-type'] ?? '').toLowerCase();
  const partTypes = mail.attachments.map((attachment) => attachment.contentType);
  if (reportType === 'feedback-report' || partTypes.includes('message/feedback-report')) {
    reasons.push({ code: 'feedback-report', detail: 'ARF complaint or authentication-failure report' });
  } else if (mail.contentType === 'multipart/report' || partTypes.some((type) => type === 'message/delivery-status' || type === 'message/global-delivery-status' || type === 'message/disposition-notification')) {
    reasons.push({ code: 'delivery-report', detail: `${mail.contentType}${reportType ? `; report-type=${reportType}` : ''}` });
  }
  if (mail.from && isServiceAddress(mail.from.address, config)) reasons.push({ code: 'own-address', detail: 'the mail is from one of our own addresses' });
  if (firstHeader(mail, LOOP_HEADER) !== undefined) reasons.push({ code: 'loop-header', detail: `${LOOP_HEADER} present (sent by a Replyline install)` });
  if (isOurMessageId(mail.messageId, config.domain)) reasons.push({ code: 'own-message-id', detail: 'the Message-ID is one we generated' });
  else if (facts.sentByUs) reasons.push({ code: 'own-message-id', detail: 'the Message-ID is that of a mail we sent' });
  return reasons;
}
