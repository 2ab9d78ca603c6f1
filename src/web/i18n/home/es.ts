import type { HomeCatalogue } from './en';

/** Español: the staff console's home pages. */
export const es: HomeCatalogue = {
  nav: 'Inicio',
};
