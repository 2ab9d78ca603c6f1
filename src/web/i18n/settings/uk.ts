import type { SettingsCatalogue } from './en';

/** Українська: the staff console's settings pages. */
export const uk: SettingsCatalogue = {
  nav: 'Налаштування',
};
