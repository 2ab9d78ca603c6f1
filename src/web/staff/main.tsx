import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from '../i18n';
import { App } from './App';

const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 10_000 } },
});

// Text must reach 4.5:1 against its background (WCAG AA): darker shades than Mantine's defaults.
const theme = createTheme({ primaryShade: 8, autoContrast: true, luminanceThreshold: 0.45 });
const contrast: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    // Light badges and alerts: text dark enough for their tinted backgrounds.
    ...Object.fromEntries(
      Object.entries({
        blue: '#0b4f8a',
        gray: '#343a40',
        red: '#a51111',
        orange: '#8a3a00',
        green: '#1f6b2e',
        yellow: '#6b5200',
      }).map(([c, v]) => [`--mantine-color-${c}-light-color`, v]),
    ),
  },
  dark: {},
});

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queries}>
        <BrowserRouter basename="/app">
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
