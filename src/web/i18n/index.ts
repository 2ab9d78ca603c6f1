import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import { uk } from './uk';
import * as contacts from './contacts';
import * as home from './home';
import * as settings from './settings';
import { initialLanguage, type Language } from './language';

/**
 * The catalogues: `translation` (the shell, the queue, the request page) and one namespace per
 * area of the apps, each in its own folder with a file per language
 * (`useTranslation('settings')`).
 */
const namespaces = { contacts, home, settings };

export {
  chooseLanguage,
  hasChosenLanguage,
  initialLanguage,
  languages,
  type Language,
} from './language';

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
