import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, setLanguageLoader, type Language } from './language';

export {
  chooseLanguage,
  hasChosenLanguage,
  initialLanguage,
  languages,
  type Language,
} from './language';

/**
 * The staff console's catalogues, one chunk per language (staff/<lang>.ts): `translation` (the
 * shell, the queue, the request page) and one namespace per area (`useTranslation('settings')`),
 * each in its own folder with a file per language. Only the language in use is downloaded; the
 * others when someone switches to them.
 */
const bundles: Record<Language, () => Promise<{ bundle: Record<string, object> }>> = {
  en: () => import('./staff/en'),
  es: () => import('./staff/es'),
  lt: () => import('./staff/lt'),
  uk: () => import('./staff/uk'),
};

async function load(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { bundle } = await bundles[language]();
  for (const [ns, texts] of Object.entries(bundle))
    i18next.addResourceBundle(language, ns, texts, true, true);
}

/** Starts i18next in the language to start in, with its catalogues. */
export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  setLanguageLoader(load);
  await i18next.use(initReactI18next).init({
    lng,
    // Every catalogue has every key (the type-check says so): no fallback language to download.
    fallbackLng: false,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
  });
  await load(lng);
  await i18next.changeLanguage(lng);
}
