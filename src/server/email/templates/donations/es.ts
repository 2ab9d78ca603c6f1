import type { DonationWords } from './types';

const often: Record<string, string> = {
  weekly: 'semanal',
  monthly: 'mensual',
  quarterly: 'trimestral',
  yearly: 'anual',
};
const oftenPaid: Record<string, string> = {
  weekly: 'cada semana',
  monthly: 'cada mes',
  quarterly: 'cada trimestre',
  yearly: 'cada año',
};

/** Spanish words of the portal gift emails (usted). */
export const es: DonationWords = {
  locale: 'es',
  hello: (name) => `Hola, ${name}:`,
  subject: (org, ref, pledge) =>
    `${pledge ? 'Su compromiso de donación' : 'Su donativo'} a ${org}: referencia ${ref}`,
  thanks: ({ what, organization, fund }) =>
    `Gracias por ofrecer ${what} a ${organization}${fund ? ` para ${fund}` : ''}.`,
  what: (kind, amount, frequency, installments) =>
    kind === 'pledge'
      ? `un compromiso de ${amount}${frequency ? `, pagado ${oftenPaid[frequency] ?? frequency}` : ''}${installments ? ` en ${installments} pagos` : ''}`
      : kind === 'recurring'
        ? `un donativo ${often[frequency ?? ''] ?? frequency} de ${amount}`
        : `un donativo de ${amount}`,
  transfer: (amount) => `Por favor, transfiera ${amount} a nuestra cuenta:`,
  labels: {
    accountName: 'Titular',
    iban: 'IBAN',
    bic: 'BIC',
    bankName: 'Banco',
    reference: 'Referencia',
  },
  quote: 'Indique la referencia para que podamos identificar su donativo.',
  cheque: (amount, payableTo, ref) =>
    `Extienda su cheque de ${amount} a nombre de ${payableTo} y escriba la referencia ${ref} en el reverso.`,
  cash: (amount, at, ref) => `Traiga ${amount} a ${at} e indique la referencia ${ref}.`,
  afterwards: (pledge) =>
    pledge
      ? 'Hemos registrado su compromiso. Cada pago, hecho como se indica arriba, cuenta para él.'
      : 'Le daremos las gracias en cuanto llegue su donativo.',
  online: 'Sus donativos con nosotros:',
  confirm: (minutes) =>
    `Su promesa no queda registrada hasta que la confirme: entre en sus donativos con este enlace (funciona una vez, durante ${minutes} minutos; después pida un nuevo enlace de acceso en nuestro portal) y confírmela allí:`,
  notYou: 'Si usted no hizo esta oferta, puede ignorar este correo: no se le cobrará nada.',
  regards: (org) => `Con gratitud,\n${org}`,
};
