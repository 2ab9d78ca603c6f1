import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import { uk } from './uk';
import * as contacts from './contacts';
import * as home from './home';
import * as settings from './settings';

/**
 * The catalogues: `translation` (the shell, the queue, the request page) and one namespace per
 * area of the apps, each in its own folder with a file per language
 * (`useTranslation('settings')`).
 */
const namespaces = { contacts, home, settings };

/** The languages of the web apps, each named in itself. */
export const languages = { en: 'English', es: 'Español', lt: 'Lietuvių', uk: 'Українська' };
/** One web app language. */
export type Language = keyof typeof languages;

const stored = () => localStorage.getItem('tend.language');

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(): Language {
  const wanted = [stored(), ...navigator.languages.map((l) => l.split('-')[0])];
  return (wanted.find((l) => l && l in languages) as Language | undefined) ?? 'en';
}

/** Switches the language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem('tend.language', language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** Starts i18next with every catalogue (they are small; no loading step). */
export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      Object.entries({ en, es, lt, uk }).map(([lang, translation]) => [
        lang,
        {
          translation,
          ...Object.fromEntries(
            Object.entries(namespaces).map(([ns, texts]) => [ns, texts[lang as Language]]),
          ),
        },
      ]),
    ),
    interpolation: { escapeValue: false }, // React escapes
  });
}
