import type { ContactsCatalogue } from './en';

/** Lietuvių: the staff console's contacts pages. */
export const lt: ContactsCatalogue = {
  nav: 'Kontaktai',
};
