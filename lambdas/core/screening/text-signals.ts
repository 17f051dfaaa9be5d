import { ABSENCE_SUBJECT_WORDS, ABSENCE_TEXT, NAMED_ABSENCE_SUBJECT, OUT_OF_OFFICE_PREFIX, RETURN_OR_STAND_IN_TEXT } from './out-of-office.js';
import { AUTOMATED_TEXT, BOUNCE_SUBJECT, FOOTER_LINE, GROUP_GREETING, LIST_FOOTER, PROMOTIONAL_SUBJECT, TRANSACTIONAL_TEXT, CAMPAIGN_LINK, COMPLAINT_SUBJECT, NOTIFICATION_SUBJECT, TRANSACTIONAL_SUBJECT, UNSUBSCRIBE_FOOTER, VIEW_IN_BROWSER } from './machine-text.js';
import { signal, type SignalCheck } from './signals.js';

/**
 * Evidence in the subject and the sender's own text. Each check names the kind of
 * phrase it found, never the phrase: the words are the sender's.
 */

/** A list tag like `[notmuch]` or `[PATCH]` at the start of the subject (our own `[#RL-…]` and people's `[URGENT]` or `[Order #1]` excepted). */
const LIST_SUBJECT_TAG = /^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rif|回复|答复|转发|返信|転送)\s*[:：]\s*)*\[(?!#?RL-)(?!(urgent|important|external|extern|ext|ext\.|caution|warning|spam|suspected spam|order|ticket|case|invoice|ref|#)\b)[a-z0-9][a-z0-9_.+-]{1,30}\]/iu;
const PATCH_SUBJECT_TAG = /^\s*((re|aw)\s*:\s*)*(\[[^\]]{1,30}\]\s*)?\[(patch|rfc|ann|announce|pull|git pull)\b[^\]]*\]/i;
const CHALLENGE_RESPONSE_HEADER = /^x-(bluebottle|boxbe|spamarrest|mailblocks|choicemail|sanebox|cr-)/i;
const CHALLENGE_RESPONSE_TEXT = /(added to|add you to|verify (that )?you are|confirm (that )?you are)[^.]{0,60}(allowed|approved|white|safe|sender)[- ]?list|protected by [^.]{0,40}(challenge|spam)/iu;
/** People answer and forward advertising; mass mailings do not start with Re: or Fwd:. */
const REPLY_OR_FORWARD = /^\s*(re|fw|fwd|aw|wg|sv|vs|tr|rif|enc|res|回复|答复|转发|返信|転送|답장|전달)\s*[:：]/iu;
const LINK = /https?:\/\/[^\s<>"')]+/g;

export const TEXT_SIGNALS: readonly SignalCheck[] = [
  ({ mail }) => {
    if (OUT_OF_OFFICE_PREFIX.test(mail.subject)) return signal('out-of-office-prefix', 'the subject starts with an auto-reply prefix');
    if (NAMED_ABSENCE_SUBJECT.test(mail.subject)) return signal('out-of-office-subject', 'the subject says someone is out of the office');
    return ABSENCE_SUBJECT_WORDS.test(mail.subject) ? signal('out-of-office-subject', 'the subject mentions absence') : undefined;
  },
  ({ ownText }) => {
    if (!ABSENCE_TEXT.test(ownText)) return undefined;
    const away = signal('out-of-office-text', 'the text says the writer is away');
    return RETURN_OR_STAND_IN_TEXT.test(ownText) ? [away, signal('out-of-office-return', 'and when they are back or whom to ask meanwhile')] : away;
  },
  ({ mail }) => (BOUNCE_SUBJECT.test(mail.subject) ? signal('bounce-subject', 'the subject reads like a bounce') : undefined),
  ({ mail }) => (COMPLAINT_SUBJECT.test(mail.subject) ? signal('complaint-subject', 'the subject reads like a complaint report') : undefined),
  ({ mail }) => (NOTIFICATION_SUBJECT.test(mail.subject) ? signal('notification-subject', 'the subject reads like a monitoring, CI, cron, scanner or fax notice') : undefined),
  ({ mail }) => (PROMOTIONAL_SUBJECT.test(mail.subject) && !REPLY_OR_FORWARD.test(mail.subject) ? signal('promotional-subject', 'the subject advertises') : undefined),
  ({ mail }) => (TRANSACTIONAL_SUBJECT.test(mail.subject) ? signal('transactional-subject', 'the subject reads like a receipt, order or account notice') : undefined),
  ({ mail, isOurMessageId }) => {
    if (!LIST_SUBJECT_TAG.test(mail.subject)) return undefined;
    // The tag inside a conversation of several mails, none of them ours: a reply on the list, its headers gone.
    const chain = new Set([...mail.references, ...mail.inReplyTo]);
    const tag = signal('list-subject-tag', 'a list tag in the subject');
    return chain.size >= 2 && ![...chain].some(isOurMessageId) ? [tag, signal('list-thread-reply', `the tagged subject continues a conversation of ${chain.size} mails, none of them ours`)] : tag;
  },
  ({ mail }) => (PATCH_SUBJECT_TAG.test(mail.subject) ? signal('patch-subject-tag', 'a patch or announcement tag in the subject') : undefined),
  ({ ownText }) => (LIST_FOOTER.test(ownText) ? signal('list-footer', 'a list manager\'s footer or archive note') : undefined),
  ({ ownText }) => (VIEW_IN_BROWSER.test(ownText) ? signal('view-in-browser', '"view in your browser" text') : undefined),
  ({ ownText }) => (UNSUBSCRIBE_FOOTER.test(ownText) ? signal('unsubscribe-footer', 'a mass mailing\'s unsubscribe footer') : undefined),
  ({ ownText }) => (GROUP_GREETING.test(ownText.slice(0, 300)) ? signal('group-greeting', 'a greeting to a group of readers') : undefined),
  ({ ownText }) => (FOOTER_LINE.test(ownText) ? signal('newsletter-footer-line', 'a footer line of links (unsubscribe, preferences, privacy) or a copyright line') : undefined),
  ({ ownText }) => (TRANSACTIONAL_TEXT.test(ownText) ? signal('transactional-text', 'the text thanks for an order or names a shop platform') : undefined),
  ({ ownText }) => (AUTOMATED_TEXT.test(ownText) ? signal('automated-text', 'the text says it was sent automatically or must not be answered') : undefined),
  ({ mail, ownText }) => {
    const links = ownText.match(LINK) ?? [];
    if (links.some((link) => CAMPAIGN_LINK.test(link))) return signal('campaign-links', 'links with campaign tracking');
    return links.length >= 25 || (mail.hasHtml && links.length >= 12 && links.length * 60 > ownText.length) ? signal('many-links', `${links.length} links`) : undefined;
  },
  ({ mail }) => {
    const attached = mail.attachments.some((attachment) => attachment.contentType === 'message/rfc822' || attachment.contentType === 'text/rfc822-headers');
    return attached ? signal('attached-message', 'another mail is attached whole') : undefined;
  },
  ({ mail }) => {
    const header = [...mail.headers.keys()].some((name) => CHALLENGE_RESPONSE_HEADER.test(name));
    return header || CHALLENGE_RESPONSE_TEXT.test(mail.text.slice(0, 4000)) ? signal('challenge-response', 'a spam filter asks the sender to verify themselves') : undefined;
  },
];
