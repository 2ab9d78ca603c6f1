// The `contacts` namespace in every language.
export { en } from './contacts/en';
export { es } from './contacts/es';
export { lt } from './contacts/lt';
export { uk } from './contacts/uk';
