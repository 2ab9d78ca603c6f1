import type { ContactsCatalogue } from './en';

/** Українська: the staff console's contacts pages. */
export const uk: ContactsCatalogue = {
  nav: 'Контакти',
};
