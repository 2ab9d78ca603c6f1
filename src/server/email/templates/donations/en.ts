import type { DonationWords } from './types';

const often: Record<string, string> = {
  weekly: 'weekly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  yearly: 'yearly',
};

/** English words of the portal gift emails. */
export const en: DonationWords = {
  locale: 'en',
  hello: (name) => `Hello ${name},`,
  subject: (org, ref, pledge) =>
    `${pledge ? 'Your pledge' : 'Your gift'} to ${org} — reference ${ref}`,
  thanks: ({ what, organization, fund }) =>
    `Thank you for offering ${what} to ${organization}${fund ? ` for ${fund}` : ''}.`,
  what: (kind, amount, frequency, installments) =>
    kind === 'pledge'
      ? `a pledge of ${amount}${frequency ? `, paid ${often[frequency] ?? frequency}` : ''}${installments ? ` in ${installments} payments` : ''}`
      : kind === 'recurring'
        ? `a ${often[frequency ?? ''] ?? frequency} gift of ${amount}`
        : `a gift of ${amount}`,
  transfer: (amount) => `Please transfer ${amount} to our account:`,
  labels: {
    accountName: 'Account name',
    iban: 'IBAN',
    bic: 'BIC',
    bankName: 'Bank',
    reference: 'Reference',
  },
  quote: 'Please quote the reference, so that we can match your gift to you.',
  cheque: (amount, payableTo, ref) =>
    `Please make your cheque for ${amount} payable to ${payableTo} and write the reference ${ref} on the back.`,
  cash: (amount, at, ref) => `Please bring ${amount} to ${at} and mention the reference ${ref}.`,
  afterwards: (pledge) =>
    pledge
      ? 'We have recorded your pledge. Each payment, made as above, counts towards it.'
      : 'We will thank you as soon as your gift arrives.',
  online: 'Your giving with us:',
  confirm: (minutes) =>
    `Your pledge is not recorded until you confirm it: please sign in to your giving with this link (it works once, for ${minutes} minutes; afterwards ask for a new sign-in link on our portal) and confirm it there:`,
  notYou: 'If you did not make this offer, you can ignore this email: nothing is taken from you.',
  regards: (org) => `With gratitude,\n${org}`,
};
