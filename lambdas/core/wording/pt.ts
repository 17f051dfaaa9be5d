import type { Moment, Wording } from './types.js';

/** Brazilian Portuguese with "você", friendly as Brazilian support teams write. */
export const pt: Wording = {
  locale: 'pt-BR',
  greeting: (name) => (name ? `Olá, ${name}!` : 'Olá!'),
  received: (team, due) =>
    `Obrigado pelo contato! Seu e-mail foi recebido por ${team}, e uma pessoa da nossa equipe vai responder ${due ? `até ${due}` : 'o quanto antes'}.`,
  reference: (ref) => `O número do seu atendimento é ${ref}. Se quiser acrescentar alguma informação, é só responder a este e-mail que ela fica junto com a sua solicitação.`,
  faqIntro: 'Enquanto isso, estas respostas talvez já ajudem:',
  attachments: (size) =>
    `Seus anexos (${size}) eram maiores do que conseguimos encaminhar. Sua mensagem chegou normalmente; se precisarmos dos arquivos, vamos pedir que você os envie de outra forma.`,
  closing: 'Um abraço,',
  subjectPrefix: 'Re: ',
  withheldAttachments: (count, size, agent) =>
    `Os anexos desta resposta (${count} ${count === 1 ? 'arquivo' : 'arquivos'}, ${size}) eram grandes demais para enviar por e-mail. ${agent} vai compartilhá-los com você de outra forma.`,
  // Brazilians write "14h" and "9h30".
  clock: (hour, minute) => `${hour}h${minute ? String(minute).padStart(2, '0') : ''}`,
  // "segunda-feira, 30 de novembro, às 14h (horário de Pequim)"
  due: (company, zone) => `${company.date}, ${atTime(company)} (${zone})`,
  // "segunda-feira, 30 de novembro, às 15h no seu horário (UTC+9), ou seja, às 14h (horário de Pequim)"
  dueForCustomer: (customer, offset, company, zone, sameDay) =>
    `${customer.date}, ${atTime(customer)} no seu horário (${offset}), ou seja, ${sameDay ? '' : `${company.date}, `}${atTime(company)} (${zone})`,
};

/** "à 0h", "à 1h30", "às 14h". */
function atTime(moment: Moment): string {
  return `${moment.hour <= 1 ? 'à' : 'às'} ${moment.time}`;
}
