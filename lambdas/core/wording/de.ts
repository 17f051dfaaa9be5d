import type { Wording } from './types.js';

/**
 * German with "Sie", warm but not gushing. Without the customer's gender there is
 * no "Frau/Herr", so the greeting takes the full name. After the salutation's
 * comma a German letter goes on in lower case, hence "vielen Dank".
 */
export const de: Wording = {
  locale: 'de-DE',
  greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
  received: (team, due) =>
    `vielen Dank für Ihre Nachricht – sie ist bei ${team} angekommen. Jemand aus unserem Team antwortet Ihnen ${due ? `persönlich, spätestens bis ${due}` : 'so bald wie möglich persönlich'}.`,
  reference: (ref) => `Ihre Vorgangsnummer ist ${ref}. Wenn Sie noch etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail – so bleibt alles bei Ihrem Anliegen.`,
  faqIntro: 'Vielleicht helfen Ihnen diese Antworten schon weiter:',
  attachments: (size) =>
    `Ihre Anhänge (${size}) waren größer, als wir weiterleiten können. Ihre Nachricht selbst ist angekommen; falls wir die Dateien brauchen, sagen wir Ihnen, wie Sie sie uns anders schicken können.`,
  closing: 'Viele Grüße',
  // Outlook in German marks replies "AW:", and that is what German customers expect.
  subjectPrefix: 'AW: ',
  withheldAttachments: (count, size, agent) =>
    `Die Anhänge dieser Antwort (${count} ${count === 1 ? 'Datei' : 'Dateien'}, ${size}) waren zu groß für den Versand per E-Mail. ${agent} lässt sie Ihnen auf einem anderen Weg zukommen.`,
  // "Montag, 30. November, 14:00 Uhr (Pekinger Zeit)"
  due: (company, zone) => `${company.date}, ${company.time} Uhr (${zone})`,
  // "Montag, 30. November, 15:00 Uhr Ihrer Ortszeit (UTC+9) – das ist 14:00 Uhr Pekinger Zeit"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.date}, ${customer.time} Uhr Ihrer Ortszeit (${offset}) – das ist ${sameDay ? '' : `${company.date}, `}${company.time} Uhr ${zone}`,
};
