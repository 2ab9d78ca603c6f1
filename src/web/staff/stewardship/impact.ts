import { localeOf } from '../../format';
import { decimalSeparator } from '../../money';
import type { Figure } from './api';

/** What a donor reads of an update: in their language when it is translated, else as written. */
export type UpdateContent = {
  periodFrom: string;
  periodTo: string;
  language: string;
  title: string;
  story: string;
  figures: Figure[];
  translations: Record<string, { title: string; story: string; figureLabels?: string[] }>;
};

/** The update in one language: its translation when there is one, else the original. */
export function inLanguage(update: UpdateContent, language: string) {
  const tr = update.translations[language];
  if (language === update.language || !tr?.title) return { ...update, language: update.language };
  return {
    ...update,
    language,
    title: tr.title,
    story: tr.story || update.story,
    figures: update.figures.map((f, i) => ({ ...f, label: tr.figureLabels?.[i] || f.label })),
  };
}

/** "1 – 30 November 2026" in the reader's language. */
export function period(from: string, to: string, language: string): string {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).formatRange(day(from), day(to));
  } catch {
    return `${from} – ${to}`;
  }
}

/**
 * A figure as typed in the person's language ("42", "1 234,5", "1,250" in English, "3.5" in
 * Lithuanian) → the number; null when it is not one. Separators are read as parseMoney reads them.
 * @example figureValue('1,250', 'en') // 1250
 */
export function figureValue(text: string, language: string): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  const sign = s.startsWith('-') ? '-' : '';
  s = s.slice(sign.length);
  if (!/^[0-9.,]+$/.test(s)) return null;
  const decimal = decimalSeparator(language);
  const other = decimal === ',' ? '.' : ',';
  const parts = s.split(other);
  if (!s.includes(decimal) && parts.length === 2 && parts[1]!.length !== 3) s = parts.join('.');
  else s = parts.join('').replace(decimal, '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(sign + s) : null;
}
