import type { GiftsCatalogue } from './en';
import { en } from './en';

export const uk: GiftsCatalogue = en;
