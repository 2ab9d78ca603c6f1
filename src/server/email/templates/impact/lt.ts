import type { ImpactWords } from './types';

/** Lithuanian words of the impact report email. */
export const lt: ImpactWords = {
  locale: 'lt',
  subject: (org) => `Ką Jūsų parama įgalino nuveikti: ${org}`,
  hello: (name) => `Gerb. ${name},`,
  intro: (from, to, org) =>
    `Štai ką Jūsų parama nuo ${from} iki ${to} padėjo nuveikti organizacijai „${org}“. Ačiū.`,
  yourGifts: 'Jūsų parama',
  whereMostNeeded: 'kur labiausiai reikia',
  noGifts: 'Šiuo laikotarpiu paramos nebuvo.',
  whatTheyDid: 'Ką nuveikė Jūsų remiamos programos',
  period: (from, to) => `${from} – ${to}`,
  closing: (org) => `Su dėkingumu\n${org}`,
};
