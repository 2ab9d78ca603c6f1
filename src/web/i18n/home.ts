// The `home` namespace in every language.
export { en } from './home/en';
export { es } from './home/es';
export { lt } from './home/lt';
export { uk } from './home/uk';
