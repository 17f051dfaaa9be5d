import { firstHeader } from '../mail.js';
import { signal, type SignalCheck } from './signals.js';

/**
 * Evidence in who sent the mail, to whom, and where its bounces go: mailer
 * daemons, bounce handlers, mass-mailing role boxes, notification senders,
 * mailbox providers' complaint desks, and recipients hidden from each other.
 */

const MAILER_DAEMON = /^(mailer-daemon|mail-daemon|mailerdaemon|mail\.daemon)([+-][^@]*)?@/i;
const POSTMASTER = /^postmaster([+-][^@]*)?@/i;
/** A bounce handler in the envelope sender: `bounces+…@`, `…-bounces@`, `bounce-…@` or a `bounce.` host. */
const BOUNCE_HANDLER = /(^|[+._=-])(bounces?|bnc|bncs|return|rtn)([+._=-]|@)|@(bounces?|bnc|email-bounces?|mailer-bounces?)\./i;
const SRS = /^\s*<?srs[01][=+-]/i;
/** Role mailboxes that only mass-mail (info@, sales@ and the like are left out: small firms write from them in person). */
const BULK_SENDER = /^(e?news(letters?)?|newsflash|announce(ments?)?|marketing|promo(tions?)?|offers?|deals|campaigns?|mailings?|digest|edm|e-?mailing|rundbrief|infolettre|boletin|circolare|nieuwsbrief|bulten|ebulten|rassylka|nyhetsbrev|biuletyn|presse?|press-?office|pressestelle|media)([+._-][^@]*)?@|^[^@]*(newsletter|marketing|_newsflash|mailing)[^@]*@|@(([a-z0-9-]+\.)*)(news([-.]|letters?)|mailings?\.|marketing\.|promo\.|(e|em|email|emails|mkt|campaigns?|info-?mail)\.[a-z0-9-]+\.)/i;
/** Senders of notifications: system users and tools. */
const SYSTEM_SENDER_ADDRESS = /^(root|cron|daemon|nagios|icinga|zabbix|jenkins|gitlab|gitea|jira|bugzilla|redmine|alerts?|alerting|alertmanager|monitoring|monitor|grafana|prometheus|notifications?|notify|notifier|automailer|auto-mailer|scanner|scan|scans|fax|efax|faxserver|copier|mfp|printer|system|sysadmin|backup|builds?|ci|ci-bot|bot|robot|automation|www-data|apache|nobody|wordpress|shop|webshop|orders?|bookings?|reservations?|receipts?|invoices?|billing-noreply|statements?)([+._-][^@]*)?@/i;
const SYSTEM_SENDER_NAME = /^\s*\(?(cron daemon|anacron|logwatch|nagios|icinga|zabbix|jenkins|gitlab|github|jira|confluence|bugzilla|redmine|grafana|alertmanager|uptimerobot|scanner|scan to e-?mail|fax ?server|xerox|ricoh|konica minolta|kyocera|canon|hp digital sending)\b/i;
/** Mailbox providers' complaint desks (Hotmail's JMRP writes from staff@). */
const COMPLAINT_SENDER = /^(staff|abuse|fbl|feedback|feedbackloop|feedback-loop|complaints?|scomp|arf|spamreport|spam-report|reports?)([+._-][^@]*)?@/i;
/** Mailing-list addresses among the recipients: `…-users@`, `…-devel@`, `…-announce@`, or a `lists.` host. */
const LIST_ADDRESS = /^[^@]+-(users?|devel|dev|general|discuss|discussion|announce|talk|help|list|l|commits|bugs|patches|community|members|subscribers)@|@(lists?|listserv|groups|googlegroups)\.|@googlegroups\.com$/i;
const UNDISCLOSED = /undisclosed|unlisted|recipients? (not shown|hidden)|verborgene empfänger|destinataires inconnus|destinatarios no revelados|destinatari nascosti/i;

export const ADDRESS_SIGNALS: readonly SignalCheck[] = [
  ({ mail }) => (mail.from && MAILER_DAEMON.test(mail.from.address) ? signal('mailer-daemon', 'the sender is MAILER-DAEMON') : undefined),
  ({ mail }) => (mail.from && POSTMASTER.test(mail.from.address) ? signal('postmaster-sender', 'the sender is a postmaster') : undefined),
  ({ mail, envelope }) => {
    const sender = envelope.envelopeSender.trim();
    const returnPath = firstHeader(mail, 'return-path');
    const empty = sender === '' || sender === '<>' || (returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath));
    return empty ? signal('null-return-path', 'the envelope sender is <> (bounces and reports)') : undefined;
  },
  ({ mail, envelope }) => {
    // An SRS-rewritten sender (SRS0=…@forwarder) is a forwarder keeping SPF intact, not a mass mailer's bounce handler.
    const bounceHandler = (address: string) => BOUNCE_HANDLER.test(address) && !SRS.test(address);
    const returnPath = firstHeader(mail, 'return-path') ?? '';
    return bounceHandler(returnPath) || bounceHandler(envelope.envelopeSender) ? signal('bounce-return-path', 'the return path is a bounce handler') : undefined;
  },
  ({ mail }) => (mail.from && BULK_SENDER.test(mail.from.address) ? signal('bulk-sender-address', 'the sender is a mass-mailing mailbox') : undefined),
  ({ mail }) => {
    if (!mail.from) return undefined;
    if (SYSTEM_SENDER_NAME.test(mail.from.name)) return signal('system-sender', 'the sender is named as a system');
    return SYSTEM_SENDER_ADDRESS.test(mail.from.address) ? signal('system-sender', 'the sender is a system mailbox') : undefined;
  },
  ({ mail }) => (mail.from && COMPLAINT_SENDER.test(mail.from.address) ? signal('complaint-sender', 'the sender is a complaint or abuse desk') : undefined),
  ({ mail, noReplyPattern, addressedToUs }) => {
    if (addressedToUs || !mail.from || !noReplyPattern.test(mail.from.address)) return undefined;
    const visible = [...mail.to, ...mail.cc];
    return visible.every((recipient) => noReplyPattern.test(recipient.address)) ? signal('noreply-to-noreply', 'a no-reply sender writing to no-reply, the real recipients hidden') : undefined;
  },
  ({ mail }) => (UNDISCLOSED.test(firstHeader(mail, 'to') ?? '') ? signal('undisclosed-recipients', 'To: undisclosed recipients') : undefined),
  ({ addressedToUs }) => (addressedToUs ? undefined : signal('not-addressed-to-us', 'none of our addresses is in To or Cc (Bcc, list or redirect)')),
  ({ mail }) => ([...mail.to, ...mail.cc].some((recipient) => LIST_ADDRESS.test(recipient.address)) ? signal('list-recipient', 'a mailing list is among the recipients') : undefined),
  ({ mail }) => {
    const visible = mail.to.length + mail.cc.length;
    return visible >= 10 ? signal('many-recipients', `${visible} visible recipients`) : undefined;
  },
];
