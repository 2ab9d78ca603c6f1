import type { HomeCatalogue } from './en';

/** Lietuvių: the staff console's home pages. */
export const lt: HomeCatalogue = {
  nav: 'Pradžia',
};
