import { MailNotSentError, type Mailer, type SentMail } from '../ports/index.js';
import type { SendAttempt } from './effect-runner.js';
import type { SendingLog } from './feedback.js';
import { MailTooLargeError } from './message-size.js';
import type { OutgoingMail } from './outgoing.js';

/** What sending a mail of a side effect needs: the provider, and the sent-log its Send events fill. */
export interface SendingDependencies {
  mailer: Mailer;
  sendingLog: SendingLog;
}

/** What sendOnce sent: the provider's answer, and which mail went out (the mail itself, or its `ifTooLarge`). */
export type SentOnce = SentMail & { mail: OutgoingMail };

/**
 * Sends a mail unless an earlier attempt already did: a worker may have died after
 * sending, or SES may have accepted a request whose answer was lost. The sent-log
 * (SES Send events, tagged with the effect's tracking key) says whether the mail
 * went out, and a sent mail is not sent again. Checked on every attempt, not only
 * after a takeover, because a lost answer looks exactly like a failed send. Notes in
 * `attempt` whether the mail may have gone out.
 *
 * A mail the provider refuses as too large is sent once more as its `ifTooLarge` (without
 * its attachments) instead of failing on every redelivery into the dead-letter queue;
 * the refused one certainly did not go out, and both carry the same tracking key.
 */
export async function sendOnce(mail: OutgoingMail, deps: SendingDependencies, attempt: SendAttempt): Promise<SentOnce> {
  const providerMessageId = attempt.sentLogMayKnow ? await deps.sendingLog.sentFor(mail.trackingKey) : undefined;
  if (providerMessageId) return { ...(await deps.mailer.sentAs(mail, providerMessageId)), mail };
  try {
    return await sendNow(mail, deps.mailer, attempt);
  } catch (error) {
    if (!(error instanceof MailTooLargeError) || !mail.ifTooLarge) throw error;
    return sendNow(mail.ifTooLarge, deps.mailer, attempt);
  }
}

async function sendNow(mail: OutgoingMail, mailer: Mailer, attempt: SendAttempt): Promise<SentOnce> {
  attempt.mayHaveSent = true;
  try {
    return { ...(await mailer.send(mail)), mail };
  } catch (error) {
    if (error instanceof MailNotSentError) attempt.mayHaveSent = false;
    throw error;
  }
}
