import type { Moment, Wording } from './types.js';

/**
 * Neutral international Spanish with "usted": it reads as respectful from Madrid
 * to Buenos Aires, where "tú" would sound too familiar to part of the readers.
 * The salutation ends with a colon, as Spanish letters do.
 */
export const es: Wording = {
  locale: 'es',
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  received: (team, due) =>
    `Gracias por escribirnos. Su mensaje ha llegado a ${team} y una persona de nuestro equipo le responderá ${due ? `a más tardar el ${due}` : 'lo antes posible'}.`,
  reference: (ref) => `Su número de referencia es ${ref}. Si desea agregar algo, solo tiene que responder a este correo y se sumará a su solicitud.`,
  faqIntro: 'Mientras tanto, quizá estas respuestas ya le sean útiles:',
  attachments: (size) =>
    `Sus archivos adjuntos (${size}) superaban el tamaño que podemos reenviar. Hemos recibido su mensaje; si necesitamos los archivos, le indicaremos otra forma de enviarlos.`,
  closing: 'Saludos cordiales,',
  subjectPrefix: 'RE: ',
  withheldAttachments: (count, size, agent) =>
    `Los archivos adjuntos de esta respuesta (${count} ${count === 1 ? 'archivo' : 'archivos'}, ${size}) eran demasiado grandes para enviarlos por correo. ${agent} se los hará llegar por otra vía.`,
  // "a las 9:00", as Spanish writes it, rather than "a las 09:00".
  clock: (hour, minute) => `${hour}:${String(minute).padStart(2, '0')}`,
  // "lunes 30 de noviembre a las 14:00 (hora de Pekín)"
  due: (company, zone) => `${company.weekday} ${company.dayMonth} ${atTime(company)} (${zone})`,
  // "lunes 30 de noviembre a las 15:00 según su hora local (UTC+9), es decir, a las 14:00 (hora de Pekín)"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.weekday} ${customer.dayMonth} ${atTime(customer)} según su hora local (${offset}), es decir, ${sameDay ? '' : `el ${company.weekday} ${company.dayMonth} `}${atTime(company)} (${zone})`,
};

/** "a la 1:30", "a las 14:00". */
function atTime(moment: Moment): string {
  return `${moment.hour === 1 ? 'a la' : 'a las'} ${moment.time}`;
}
