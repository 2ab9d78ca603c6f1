/** English texts of the staff console's contacts pages (namespace `contacts`): the reference. */
export const en = {
  nav: 'Contacts',
};

/** The shape every language's `contacts` catalogue has. */
export type ContactsCatalogue = typeof en;
