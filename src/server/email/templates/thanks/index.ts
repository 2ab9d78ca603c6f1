import type { EmailLanguage } from '../types';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import type { ThanksTexts } from './types';
import { uk } from './uk';

export type { ThanksTemplateData, ThanksText, ThanksTexts } from './types';

/** The texts of thank-yous and tributes in each language Tend writes. */
export const thanksTexts: Record<EmailLanguage, ThanksTexts> = { en, es, lt, uk };
