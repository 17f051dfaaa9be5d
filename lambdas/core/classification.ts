import type { ReplylineConfig } from '../schemas/config.js';
import { classify, type Classification } from './classify/classify.js';
import type { InboundMail } from './mail.js';
import type { ServiceAddress } from './service-address.js';

/** What ingest records about a mail's classification (DESIGN "classify"). */
export type MailClassification = Classification;

export interface ClassificationContext {
  /** Earlier customer mails of this thread still awaiting our first reply (escalation). */
  awaitingFirstReplyRepeat: number;
}

/** Config rules, then built-in intents, language, urgency and escalation, for the address the mail was sent to. */
export function classifyMail(mail: InboundMail, service: ServiceAddress, config: ReplylineConfig, context: ClassificationContext = { awaitingFirstReplyRepeat: 0 }): MailClassification {
  const sender = mail.replyTo[0]?.address ?? mail.from?.address ?? '';
  return classify(
    {
      subject: mail.subject,
      text: mail.text,
      recipient: service.entry.address,
      sender,
      headers: mail.headers,
      awaitingFirstReplyRepeat: context.awaitingFirstReplyRepeat,
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
