import type { GiftsCatalogue } from './en';
import { en } from './en';

export const es: GiftsCatalogue = en;
