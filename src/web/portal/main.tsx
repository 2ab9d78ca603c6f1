import '@mantine/core/styles.css';
import './portal.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { initialLanguage } from '../i18n/language';
import * as portal from '../i18n/portal';
import { contrast, theme } from '../theme';
import { App } from './App';
import { organizationSlug } from './api';

const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
});

// The portal follows the browser's language (or the one chosen with the switch before).
const lng = initialLanguage();
document.documentElement.lang = lng;
await i18next.use(initReactI18next).init({
  lng,
  fallbackLng: 'en',
  defaultNS: 'portal',
  ns: ['portal'],
  resources: Object.fromEntries(
    (['en', 'es', 'lt', 'uk'] as const).map((l) => [l, { portal: portal[l] }]),
  ),
  interpolation: { escapeValue: false }, // React escapes
});

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
