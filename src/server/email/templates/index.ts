import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import type {
  Catalog,
  EmailContent,
  EmailLanguage,
  Formatters,
  Inline,
  Paragraph,
  RenderedEmail,
  TemplateData,
  TemplateName,
} from './types';
import { emailLanguages } from './types';
import { uk } from './uk';

/** The template types, so callers need import only this module. */
export type { EmailLanguage, RenderedEmail, TemplateData, TemplateName } from './types';

const catalogs: Record<EmailLanguage, Catalog> = { en, es, lt, uk };

/**
 * Renders an outgoing email in the recipient's language ("es-MX" → "es" → "en"). The plain text
 * is written, not stripped from the HTML; every value is escaped in the HTML. Dates and numbers
 * follow the full tag when it is a valid locale ("es-MX" writes "10:58 a.m.").
 * @example renderEmail('portal_sign_in', 'lt', { organizationName: 'Maisto bankas',
 *   link: 'https://tend.example/p/…', expiresInMinutes: 15 }).subject // 'Prisijungimo nuoroda: Maisto bankas'
 */
export function renderEmail<T extends TemplateName>(
  template: T,
  language: string | null | undefined,
  data: TemplateData[T],
): RenderedEmail {
  const lang = emailLanguage(language);
  const catalog = catalogs[lang];
  const write = catalog.templates[template] as (d: TemplateData[T], f: Formatters) => EmailContent;
  const content = write(data, formatters(formatLocale(language, lang), catalog.dateTime));
  const subject = content.subject.replace(/\s+/g, ' ').trim(); // no header folding or injection
  return {
    subject,
    text: `${content.paragraphs.map(paragraphText).join('\n\n')}\n`,
    html: page(lang, subject, content.paragraphs),
    language: lang,
  };
}

/** The language Tend writes in for a tag: its base language if Tend has it, else English. */
export function emailLanguage(tag: string | null | undefined): EmailLanguage {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] as EmailLanguage;
  return emailLanguages.includes(base) ? base : 'en';
}

/** The locale for dates and numbers: the full tag when valid and of the same language. */
function formatLocale(tag: string | null | undefined, lang: EmailLanguage): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag?.replace('_', '-') ?? []);
    return canonical && emailLanguage(canonical) === lang ? canonical : lang;
  } catch {
    return lang;
  }
}

function formatters(locale: string, dateTime: Intl.DateTimeFormatOptions): Formatters {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return {
    when: (date, timeZone) =>
      new Intl.DateTimeFormat(locale, { ...dateTime, timeZone }).format(date),
    count: (n, forms) => (forms[plural.select(n)] ?? forms.other).replaceAll('#', number.format(n)),
    sentence: (text) => (text.endsWith('.') ? text : `${text}.`),
  };
}

function paragraphText(paragraph: Paragraph): string {
  return paragraph.parts.map((part) => (typeof part === 'string' ? part : safeHref(part))).join('');
}

function page(lang: EmailLanguage, subject: string, paragraphs: Paragraph[]): string {
  const body = paragraphs
    .map(
      ({ parts, muted }) =>
        `<p style="${muted ? mutedStyle : pStyle}">${parts.map(inlineHtml).join('')}</p>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${bodyStyle}">`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const bodyStyle =
  'margin:0;padding:24px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328';
const pStyle = 'margin:0 0 16px';
const mutedStyle = 'margin:0 0 16px;font-size:13px;color:#59636e';

function inlineHtml(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part).replace(/\r?\n/g, '<br>\n');
  const href = safeHref(part);
  return `<a href="${escapeHtml(href)}">${escapeHtml(part.label ?? href)}</a>`;
}

/** Links in Tend's emails are its own http(s) addresses; anything else is a bug upstream. */
function safeHref(part: Exclude<Inline, string>): string {
  if (!/^https?:\/\/[^\s<>"]+$/i.test(part.href))
    throw new Error(`not an http(s) link: ${part.href}`);
  return part.href;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
