import type { HomeCatalogue } from './en';

/** Українська: the staff console's home pages. */
export const uk: HomeCatalogue = {
  nav: 'Головна',
};
