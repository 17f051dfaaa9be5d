import type { Wording } from './types.js';

/** French with "vous", as French support desks write: "Bonjour …," and "Bien cordialement,". */
export const fr: Wording = {
  locale: 'fr-FR',
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  received: (team, due) =>
    `Merci pour votre message. Il est bien arrivé chez ${team}, et une personne de notre équipe vous répondra ${due ? `d’ici le ${due}` : 'dans les meilleurs délais'}.`,
  reference: (ref) => `Votre numéro de dossier est ${ref}. Pour ajouter une précision, il vous suffit de répondre à ce message : elle sera jointe à votre demande.`,
  faqIntro: 'En attendant, ces réponses pourront peut-être déjà vous aider :',
  attachments: (size) =>
    `Vos pièces jointes (${size}) dépassaient la taille que nous pouvons transmettre. Votre message nous est bien parvenu ; si nous avons besoin des fichiers, nous vous indiquerons un autre moyen de nous les envoyer.`,
  closing: 'Bien cordialement,',
  subjectPrefix: 'RE : ',
  byteUnits: { mega: 'Mo', kilo: 'Ko' },
  withheldAttachments: (count, size, agent) =>
    `Les pièces jointes de cette réponse (${count} ${count === 1 ? 'fichier' : 'fichiers'}, ${size}) étaient trop volumineuses pour être envoyées par e-mail. ${agent} vous les transmettra par un autre moyen.`,
  // French writes hours as "14 h" and "9 h 30", not "14:00".
  clock: (hour, minute) => `${hour} h${minute ? ` ${String(minute).padStart(2, '0')}` : ''}`,
  // "lundi 30 novembre à 14 h (heure de Pékin)"
  due: (company, zone) => `${company.date} à ${company.time} (${zone})`,
  // "lundi 30 novembre à 15 h, votre heure locale (UTC+9), soit 14 h heure de Pékin"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.date} à ${customer.time}, votre heure locale (${offset}), soit ${sameDay ? '' : `le ${company.date} à `}${company.time} ${zone}`,
};
