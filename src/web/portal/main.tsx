import '@mantine/core/styles.css';
import './portal.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { initialLanguage, setLanguageLoader, type Language } from '../i18n/language';
import { contrast, theme } from '../theme';
import { App } from './App';
import { organizationSlug } from './api';

const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
});

// The portal follows the browser's language (or the one chosen with the switch before); only
// that language's texts are downloaded, another when someone switches to it.
const bundles: Record<
  Language,
  () => Promise<{ en?: object; es?: object; lt?: object; uk?: object }>
> = {
  en: () => import('../i18n/portal/en'),
  es: () => import('../i18n/portal/es'),
  lt: () => import('../i18n/portal/lt'),
  uk: () => import('../i18n/portal/uk'),
};
// The giving pages' texts (namespace `giving`) come with the portal's, in the same language.
const givingBundles: Record<Language, () => Promise<Record<string, object>>> = {
  en: () => import('../i18n/giving/en'),
  es: () => import('../i18n/giving/es'),
  lt: () => import('../i18n/giving/lt'),
  uk: () => import('../i18n/giving/uk'),
};
const load = async (language: Language) => {
  if (i18next.hasResourceBundle(language, 'portal')) return;
  const [portal, giving] = await Promise.all([bundles[language](), givingBundles[language]()]);
  i18next.addResourceBundle(language, 'giving', giving[language]!, true, true);
  i18next.addResourceBundle(language, 'portal', portal[language]!, true, true);
};
const lng = initialLanguage();
document.documentElement.lang = lng;
setLanguageLoader(load);
await i18next.use(initReactI18next).init({
  lng,
  fallbackLng: false,
  defaultNS: 'portal',
  ns: ['portal', 'giving'],
  resources: {},
  partialBundledLanguages: true,
  interpolation: { escapeValue: false }, // React escapes
});
await load(lng);
await i18next.changeLanguage(lng);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queries}>
        <BrowserRouter basename={`/p/${organizationSlug}`}>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
