import type { ImpactWords } from './types';

/** Ukrainian words of the impact report email. */
export const uk: ImpactWords = {
  locale: 'uk',
  subject: (org) => `Що стало можливим завдяки вашій підтримці — ${org}`,
  hello: (name) => `Шановна/шановний ${name},`,
  intro: (from, to, org) =>
    `Ось що ваші пожертви з ${from} по ${to} допомогли зробити організації «${org}». Дякуємо.`,
  yourGifts: 'Ваші пожертви',
  whereMostNeeded: 'де найбільше потрібно',
  noGifts: 'У цей період пожертв не було.',
  whatTheyDid: 'Що зробили програми, які ви підтримуєте',
  period: (from, to) => `${from} – ${to}`,
  closing: (org) => `З вдячністю,\n${org}`,
};
