import type { DonationWords } from './types';

const often: Record<string, string> = {
  weekly: 'kassavaitinę',
  monthly: 'mėnesinę',
  quarterly: 'ketvirtinę',
  yearly: 'metinę',
};
const oftenPaid: Record<string, string> = {
  weekly: 'kas savaitę',
  monthly: 'kas mėnesį',
  quarterly: 'kas ketvirtį',
  yearly: 'kasmet',
};

/** Lithuanian words of the portal gift emails (Jūs). */
export const lt: DonationWords = {
  locale: 'lt',
  hello: (name) => `Laba diena, ${name},`,
  subject: (org, ref, pledge) =>
    `${pledge ? 'Jūsų pažadas paremti' : 'Jūsų parama'} „${org}“ – mokėjimo paskirtis ${ref}`,
  thanks: ({ what, organization, fund }) =>
    `Dėkojame, kad siūlote ${what} organizacijai „${organization}“${fund ? ` (paskirtis: ${fund})` : ''}.`,
  what: (kind, amount, frequency, installments) =>
    kind === 'pledge'
      ? `pažadą skirti ${amount} paramą${frequency ? `, mokant ${oftenPaid[frequency] ?? frequency}` : ''}${installments ? ` (${installments} mokėjimai)` : ''}`
      : kind === 'recurring'
        ? `${often[frequency ?? ''] ?? frequency} ${amount} paramą`
        : `${amount} paramą`,
  transfer: (amount) => `Prašome pervesti ${amount} į mūsų sąskaitą:`,
  labels: {
    accountName: 'Gavėjas',
    iban: 'Sąskaitos numeris (IBAN)',
    bic: 'BIC',
    bankName: 'Bankas',
    reference: 'Mokėjimo paskirtis',
  },
  quote: 'Mokėjimo paskirtyje būtinai nurodykite šį kodą – pagal jį atpažinsime Jūsų paramą.',
  cheque: (amount, payableTo, ref) =>
    `Prašome išrašyti ${amount} čekį gavėjui ${payableTo} ir kitoje pusėje užrašyti kodą ${ref}.`,
  cash: (amount, at, ref) => `Prašome atnešti ${amount} adresu ${at} ir nurodyti kodą ${ref}.`,
  afterwards: (pledge) =>
    pledge
      ? 'Jūsų pažadą užregistravome. Kiekvienas mokėjimas, atliktas kaip nurodyta, bus įskaitytas.'
      : 'Padėkosime, kai tik Jūsų parama pasieks mus.',
  online: 'Jūsų parama mums:',
  confirm: (minutes) =>
    `Jūsų pažadas bus užregistruotas tik jį patvirtinus: prisijunkite prie savo paramos šia nuoroda (ji veikia vieną kartą, ${minutes} min.; vėliau portale paprašykite naujos prisijungimo nuorodos) ir patvirtinkite pažadą:`,
  notYou: 'Jei šio pasiūlymo neteikėte, šį laišką galite ignoruoti – nieko nebus nuskaičiuota.',
  regards: (org) => `Su dėkingumu\n${org}`,
};
