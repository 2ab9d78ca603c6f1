import type { SettingsCatalogue } from './en';

/** Lietuvių: the staff console's settings pages. */
export const lt: SettingsCatalogue = {
  nav: 'Nustatymai',
};
