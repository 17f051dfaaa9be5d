import type { ReplylineConfig } from '../schemas/config.js';
import { classify, type Classification } from './classify/classify.js';
import type { InboundMail } from './mail.js';
import type { ServiceAddress } from './service-address.js';

/** What ingest records about the classification of a mail that opens a thread. */
export type MailClassification = Classification;

/**
 * Config rules, then built-in intents, language and urgency, for the address the mail was sent
 * to. A follow-up is not classified again: a customer writing again while unanswered raises the
 * thread's priority by the SLA policy's repeat-contact rule.
 */
export function classifyMail(mail: InboundMail, service: ServiceAddress, config: ReplylineConfig): MailClassification {
  const sender = mail.replyTo[0]?.address ?? mail.from?.address ?? '';
  return classify(
    {
      subject: mail.subject,
      text: mail.text,
      recipient: service.entry.address,
      sender,
      headers: mail.headers,
    },
    config.classification,
    {
      team: service.team,
      agent: service.agent,
      // A template tag (`zh-Hant`) names the language `zh`: a thread's language is ISO 639-1.
      language: (service.entry.language ?? config.defaultLanguage).split('-')[0]!,
      agentTeams: Object.fromEntries(Object.entries(config.agents).map(([id, agent]) => [id, agent.team])),
    },
  );
}
