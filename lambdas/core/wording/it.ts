import type { Moment, Wording } from './types.js';

/** Italian with "Lei", its forms capitalised (Suo, Le) as Italian companies write to customers. */
export const it: Wording = {
  locale: 'it-IT',
  greeting: (name) => (name ? `Buongiorno ${name},` : 'Buongiorno,'),
  received: (team, due) =>
    `La ringraziamo per averci scritto. Il Suo messaggio è stato ricevuto da ${team} e una persona del nostro team Le risponderà ${due ? `entro ${due}` : 'il prima possibile'}.`,
  reference: (ref) => `Il numero della Sua richiesta è ${ref}. Se desidera aggiungere qualcosa, Le basta rispondere a questa e-mail: il messaggio verrà unito alla Sua richiesta.`,
  faqIntro: 'Nell’attesa, queste risposte potrebbero già esserLe utili:',
  attachments: (size) =>
    `I Suoi allegati (${size}) superavano le dimensioni che possiamo inoltrare. Il Suo messaggio ci è arrivato regolarmente; se avremo bisogno dei file, Le indicheremo un altro modo per inviarceli.`,
  closing: 'Un cordiale saluto,',
  // Outlook in Italian marks replies "R:".
  subjectPrefix: 'R: ',
  withheldAttachments: (count, size, agent) =>
    `Gli allegati di questa risposta (${count} file, ${size}) erano troppo grandi per essere inviati via e-mail. ${agent} Le farà avere i file in un altro modo.`,
  // "alle 9:00", as Italian writes it, rather than "alle 09:00".
  clock: (hour, minute) => `${hour}:${String(minute).padStart(2, '0')}`,
  // "lunedì 30 novembre alle 14:00 (ora di Pechino)"
  due: (company, zone) => `${company.date} ${atTime(company)} (${zone})`,
  // "lunedì 30 novembre alle 15:00 secondo il Suo fuso orario (UTC+9), ovvero alle 14:00 (ora di Pechino)"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.date} ${atTime(customer)} secondo il Suo fuso orario (${offset}), ovvero ${sameDay ? '' : `${company.date} `}${atTime(company)} (${zone})`,
};

/** "all’1:30" (all'una), "alle 14:00". */
function atTime(moment: Moment): string {
  return moment.hour === 1 ? `all’${moment.time}` : `alle ${moment.time}`;
}
