import type { ContactsCatalogue } from './en';

/** Español: the staff console's contacts pages. */
export const es: ContactsCatalogue = {
  nav: 'Contactos',
};
