import type { SettingsCatalogue } from './en';

/** Español: the staff console's settings pages. */
export const es: SettingsCatalogue = {
  nav: 'Configuración',
};
