import type { EmailContent, EmailLanguage } from '../types';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import { impactEmail, type ImpactTemplateData, type ImpactWords } from './types';
import { uk } from './uk';

export type { ImpactTemplateData } from './types';

const words: Record<EmailLanguage, ImpactWords> = { en, es, lt, uk };

/** The impact report email in one language, to spread into that language's catalogue. */
export function impactTemplates(language: EmailLanguage): {
  impact_report: (d: ImpactTemplateData['impact_report']) => EmailContent;
} {
  return { impact_report: (d) => impactEmail(words[language], d) };
}
