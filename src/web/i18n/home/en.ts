/** English texts of the staff console's home pages (namespace `home`): the reference. */
export const en = {
  nav: 'Home',
};

/** The shape every language's `home` catalogue has. */
export type HomeCatalogue = typeof en;
