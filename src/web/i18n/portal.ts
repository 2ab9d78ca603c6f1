// The `portal` namespace in every language.
export { en } from './portal/en';
export { es } from './portal/es';
export { lt } from './portal/lt';
export { uk } from './portal/uk';
