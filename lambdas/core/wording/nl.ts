import type { Wording } from './types.js';

/**
 * Dutch with "je": Dutch webshops and service desks (bol.com, Coolblue and most
 * of their peers) write to customers with "je"; "u" reads distant and official there.
 */
export const nl: Wording = {
  locale: 'nl-NL',
  greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
  received: (team, due) =>
    `Bedankt voor je bericht! Het is goed aangekomen bij ${team}. Een collega uit ons team stuurt je ${due ? `een persoonlijk antwoord, uiterlijk ${due}` : 'zo snel mogelijk een persoonlijk antwoord'}.`,
  reference: (ref) => `Je referentienummer is ${ref}. Wil je nog iets aanvullen? Beantwoord dan gewoon deze mail, dan komt het bij je vraag terecht.`,
  faqIntro: 'Misschien helpen deze antwoorden je alvast verder:',
  attachments: (size) =>
    `Je bijlagen (${size}) waren groter dan we kunnen doorsturen. Je bericht zelf hebben we ontvangen; als we de bestanden nodig hebben, laten we je weten hoe je ze op een andere manier kunt sturen.`,
  closing: 'Met vriendelijke groet,',
  subjectPrefix: 'Re: ',
  withheldAttachments: (count, size, agent) =>
    `De bijlagen bij dit antwoord (${count} ${count === 1 ? 'bestand' : 'bestanden'}, ${size}) waren te groot om per e-mail te versturen. ${agent} deelt ze op een andere manier met je.`,
  // "maandag 30 november om 14:00 uur (Chinese tijd)"
  due: (company, zone) => `${company.date} om ${company.time} uur (${zone})`,
  // "maandag 30 november om 15:00 uur jouw tijd (UTC+9), dat is 14:00 uur Chinese tijd"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.date} om ${customer.time} uur jouw tijd (${offset}), dat is ${sameDay ? '' : `${company.date} om `}${company.time} uur ${zone}`,
};
