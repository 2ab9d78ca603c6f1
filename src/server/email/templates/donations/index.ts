import type { EmailContent, EmailLanguage } from '../types';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import { donationEmail, type DonationTemplateData, type DonationWords } from './types';
import { uk } from './uk';

export type { DonationTemplateData } from './types';

const words: Record<EmailLanguage, DonationWords> = { en, es, lt, uk };

/** The portal gift emails in one language, to spread into that language's catalogue. */
export function donationTemplates(language: EmailLanguage): {
  donation_instructions: (d: DonationTemplateData['donation_instructions']) => EmailContent;
} {
  return { donation_instructions: (d) => donationEmail(words[language], d) };
}
