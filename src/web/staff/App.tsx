import { Anchor, AppShell, Group, NativeSelect, Text, Button, Loader, Center } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import i18next from 'i18next';
import { chooseLanguage, hasChosenLanguage, languages, type Language } from '../i18n';
import { api, ApiError, type Me } from './api';
import { contactsNav, contactsRoutes } from './contacts/routes';
import { homeNav, homeRoutes } from './home/routes';
import type { NavItem } from './nav';
import { Queue } from './Queue';
import { RequestPage } from './RequestPage';
import { settingsNav, settingsRoutes } from './settings/routes';
import { Shortcuts } from './shortcuts';
import { SignIn } from './SignIn';

// Each area of the console brings its own routes and navigation entries (see */routes.tsx).
const areaRoutes = [...homeRoutes, ...contactsRoutes, ...settingsRoutes];
// Home first, then the queue, then the other areas.
const areaNav: NavItem[] = [
  ...homeNav,
  { to: '/queue/open', ns: 'translation', label: 'nav.queue' },
  ...contactsNav,
  ...settingsNav,
];

/** The staff console: sign in, then the queue and each request. */
export function App() {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => api<Me>('/auth/me'),
  });
  useLiveUpdates(me.isSuccess);
  useAccountLanguage(me.data);
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (me.error instanceof ApiError && me.error.status === 401) return <SignIn />;
  if (me.isError) return <Text c="red">{me.error.message}</Text>;
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Header me={me.data} />
      </AppShell.Header>
      <AppShell.Main id="main">
        <Routes>
          {homeRoutes.length === 0 && (
            <Route path="/" element={<Navigate to="/queue/open" replace />} />
          )}
          <Route path="/queue/:view" element={<Queue />} />
          <Route path="/requests/:id" element={<RequestPage />} />
          {areaRoutes}
        </Routes>
      </AppShell.Main>
      <Shortcuts />
    </AppShell>
  );
}

function Header({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const signOut = async () => {
    await api('/auth/sign-out', { method: 'POST' });
    client.clear();
    await client.invalidateQueries();
  };
  return (
    <Group h="100%" px="md" justify="space-between">
      <Group>
        <Anchor href="#main" className="skip-link">
          {t('app.skip')}
        </Anchor>
        <Text fw={700}>{t('app.name')}</Text>
        <Text c="dimmed">{me.organization.name}</Text>
        {areaNav.map((item) => (
          <Anchor key={item.to} component={Link} to={item.to}>
            {t(item.label, { ns: item.ns })}
          </Anchor>
        ))}
      </Group>
      <Group>
        <NativeSelect
          aria-label={t('nav.language')}
          value={i18n.language}
          data={Object.entries(languages).map(([value, label]) => ({ value, label }))}
          onChange={(e) => {
            const locale = e.currentTarget.value as Language;
            void chooseLanguage(locale);
            // Remembered on the account too: other devices, and the emails Tend sends them.
            void api('/auth/me', { method: 'PATCH', body: { locale } }).catch(() => undefined);
          }}
        />
        <Text size="sm">{me.user.name}</Text>
        <Button variant="subtle" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </Button>
      </Group>
    </Group>
  );
}

/** On a device where no language was chosen yet, the console speaks the account's language. */
function useAccountLanguage(me: Me | undefined) {
  const locale = (me?.user as { locale?: string } | undefined)?.locale;
  useEffect(() => {
    if (locale && !hasChosenLanguage() && locale in languages && locale !== i18next.language)
      void chooseLanguage(locale as Language, { remember: false });
  }, [locale]);
}

/** Refetches what changed when the server announces a request change (server-sent events). */
function useLiveUpdates(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const events = new EventSource('/api/v1/events');
    events.addEventListener(
      'request',
      () => void client.invalidateQueries({ queryKey: ['requests'] }),
    );
    return () => events.close();
  }, [enabled, client]);
}
