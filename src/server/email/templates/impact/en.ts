import type { ImpactWords } from './types';

/** English words of the impact report email. */
export const en: ImpactWords = {
  locale: 'en',
  subject: (org) => `What your giving made possible at ${org}`,
  hello: (name) => `Dear ${name},`,
  intro: (from, to, org) =>
    `Here is what your gifts from ${from} to ${to} helped ${org} do. Thank you.`,
  yourGifts: 'Your gifts',
  whereMostNeeded: 'where most needed',
  noGifts: 'No gifts in this period.',
  whatTheyDid: 'What the programs you support did',
  period: (from, to) => `${from} – ${to}`,
  closing: (org) => `With gratitude,\n${org}`,
};
