/** English texts of the staff console's settings pages (namespace `settings`): the reference. */
export const en = {
  nav: 'Settings',
};

/** The shape every language's `settings` catalogue has. */
export type SettingsCatalogue = typeof en;
