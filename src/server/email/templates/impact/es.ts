import type { ImpactWords } from './types';

/** Spanish words of the impact report email. */
export const es: ImpactWords = {
  locale: 'es',
  subject: (org) => `Lo que tu generosidad hizo posible en ${org}`,
  hello: (name) => `Hola, ${name}:`,
  intro: (from, to, org) =>
    `Esto es lo que tus donaciones del ${from} al ${to} ayudaron a hacer a ${org}. Gracias.`,
  yourGifts: 'Tus donaciones',
  whereMostNeeded: 'donde más se necesite',
  noGifts: 'Ninguna donación en este periodo.',
  whatTheyDid: 'Lo que hicieron los programas que apoyas',
  period: (from, to) => `${from} – ${to}`,
  closing: (org) => `Con gratitud,\n${org}`,
};
