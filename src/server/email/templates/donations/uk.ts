import type { DonationWords } from './types';

const often: Record<string, string> = {
  weekly: 'щотижневий',
  monthly: 'щомісячний',
  quarterly: 'щоквартальний',
  yearly: 'щорічний',
};
const oftenPaid: Record<string, string> = {
  weekly: 'щотижня',
  monthly: 'щомісяця',
  quarterly: 'щокварталу',
  yearly: 'щороку',
};

/** Ukrainian words of the portal gift emails (ви). */
export const uk: DonationWords = {
  locale: 'uk',
  hello: (name) => `Вітаємо, ${name}!`,
  subject: (org, ref, pledge) =>
    `${pledge ? 'Ваша обіцянка пожертви' : 'Ваша пожертва'} для «${org}» — призначення ${ref}`,
  thanks: ({ what, organization, fund }) =>
    `Дякуємо, що пропонуєте ${what} для «${organization}»${fund ? ` (на ${fund})` : ''}.`,
  what: (kind, amount, frequency, installments) =>
    kind === 'pledge'
      ? `обіцянку пожертви на ${amount}${frequency ? `, яку ви сплачуватимете ${oftenPaid[frequency] ?? frequency}` : ''}${installments ? ` (платежів: ${installments})` : ''}`
      : kind === 'recurring'
        ? `${often[frequency ?? ''] ?? frequency} внесок ${amount}`
        : `пожертву ${amount}`,
  transfer: (amount) => `Будь ласка, перекажіть ${amount} на наш рахунок:`,
  labels: {
    accountName: 'Отримувач',
    iban: 'IBAN',
    bic: 'BIC',
    bankName: 'Банк',
    reference: 'Призначення платежу',
  },
  quote: 'Вкажіть це призначення платежу, щоб ми могли впізнати вашу пожертву.',
  cheque: (amount, payableTo, ref) =>
    `Випишіть чек на ${amount} на ім’я ${payableTo} і напишіть на звороті ${ref}.`,
  cash: (amount, at, ref) => `Принесіть ${amount} за адресою ${at} і назвіть код ${ref}.`,
  afterwards: (pledge) =>
    pledge
      ? 'Ми записали вашу обіцянку. Кожен платіж, зроблений як зазначено вище, зараховується до неї.'
      : 'Ми подякуємо вам, щойно пожертва надійде.',
  online: 'Ваші пожертви нам:',
  confirm: (minutes) =>
    `Вашу обіцянку буде зареєстровано лише після підтвердження: увійдіть до своїх пожертв за цим посиланням (воно діє один раз, ${minutes} хв; пізніше попросіть нове посилання для входу на нашому порталі) і підтвердьте її там:`,
  notYou:
    'Якщо ви не робили цієї пропозиції, просто проігноруйте цей лист: з вас нічого не спишуть.',
  regards: (org) => `З вдячністю,\n${org}`,
};
