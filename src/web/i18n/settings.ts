// The `settings` namespace in every language.
export { en } from './settings/en';
export { es } from './settings/es';
export { lt } from './settings/lt';
export { uk } from './settings/uk';
