import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import i18next from 'i18next';
import { chooseLanguage, hasChosenLanguage, languages, type Language } from '../i18n';
import { api, ApiError, type Me } from './api';
import { contactsNav, contactsRoutes } from './contacts/routes';
import { giftsNav, giftsRoutes, mayShow } from './gifts/routes';
import { homeNav, homeRoutes } from './home/routes';
import { isGroup, type NavEntry, type NavGroup, type NavItem } from './nav';
import { Queue } from './Queue';
import { RequestPage } from './RequestPage';
import { settingsNav, settingsRoutes } from './settings/routes';
import { Shortcuts } from './shortcuts';
import { stewardshipNav, stewardshipRoutes } from './stewardship/routes';
import { SignIn } from './SignIn';

// Each area of the console brings its own routes and navigation entries (see */routes.tsx).
const areaRoutes = [
  ...homeRoutes,
  ...contactsRoutes,
  ...giftsRoutes,
  ...stewardshipRoutes,
  ...settingsRoutes,
];
const giving: NavItem[] = [
  ...giftsNav,
  { to: '/donations', ns: 'gifts', label: 'donations.title', permission: 'gifts.read' },
  ...stewardshipNav,
];
// Home first, then the queue, then the other areas. The giving pages share one menu, so the
// header fits one row at 1366 px in every language; the thank-you queue, daily work with a count
// beside it, stays in the bar.
const areaNav: NavEntry[] = [
  ...homeNav,
  { to: '/queue/open', ns: 'translation', label: 'nav.queue' },
  ...contactsNav,
  ...giving.filter((item) => item.badge),
  { ns: 'stewardship', label: 'navGroup', items: giving.filter((item) => !item.badge) },
  ...settingsNav,
];

/** The entries the signed-in person may see: groups keep their allowed items, empty ones go. */
function visibleNav(me: Me): NavEntry[] {
  return areaNav.flatMap((entry): NavEntry[] => {
    if (!isGroup(entry)) return mayShow(entry, me) ? [entry] : [];
    const items = entry.items.filter((item) => mayShow(item, me));
    return items.length > 0 ? [{ ...entry, items }] : [];
  });
}

/** Whether `path` is the page of `to` or under it. */
const isHere = (path: string, to: string) =>
  path === to || (to !== '/' && path.startsWith(`${to}/`));

/** The staff console: sign in, then the queue and each request. */
export function App() {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => api<Me>('/auth/me'),
  });
  useLiveUpdates(me.isSuccess);
  useAccountLanguage(me.data);
  const [menu, { toggle, close }] = useDisclosure(false);
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (me.error instanceof ApiError && me.error.status === 401) return <SignIn />;
  if (me.isError) return <Text c="red">{me.error.message}</Text>;
  return (
    // On a narrow screen the navigation folds into a menu behind a burger button.
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 280, breakpoint: 'lg', collapsed: { mobile: !menu, desktop: true } }}
      padding="md"
    >
      <AppShell.Header>
        <Header me={me.data} menu={menu} toggle={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="md" hiddenFrom="lg">
        {menu && <NarrowMenu me={me.data} close={close} />}
      </AppShell.Navbar>
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

function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api('/auth/sign-out', { method: 'POST' });
    client.clear();
    await client.invalidateQueries();
  };
}

function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
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
  );
}

function Header({ me, menu, toggle }: { me: Me; menu: boolean; toggle: () => void }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group wrap="nowrap">
        <Anchor href="#main" className="skip-link">
          {t('app.skip')}
        </Anchor>
        <Burger
          opened={menu}
          onClick={toggle}
          hiddenFrom="lg"
          size="sm"
          aria-label={t('nav.menu')}
          aria-expanded={menu}
        />
        <Text fw={700}>{t('app.name')}</Text>
        <Text c="dimmed" truncate>
          {me.organization.name}
        </Text>
        <Group visibleFrom="lg" component="nav" aria-label={t('nav.main')} wrap="nowrap">
          {visibleNav(me).map((entry) =>
            isGroup(entry) ? (
              <GroupMenu key={entry.label} group={entry} />
            ) : (
              <Anchor
                key={entry.to}
                component={Link}
                to={entry.to}
                style={{ whiteSpace: 'nowrap' }}
              >
                {t(entry.label, { ns: entry.ns })}
                {entry.badge && <entry.badge />}
              </Anchor>
            ),
          )}
        </Group>
      </Group>
      <Group visibleFrom="lg" wrap="nowrap">
        <LanguageSelect />
        <Text size="sm">{me.user.name}</Text>
        <Button variant="subtle" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </Button>
      </Group>
    </Group>
  );
}

/**
 * A menu of the header ("Giving"): a button that opens its pages as menu items (arrow keys move,
 * Escape closes and returns to the button); the open page is marked as current.
 */
function GroupMenu({ group }: { group: NavGroup }) {
  const { t } = useTranslation();
  const here = useLocation().pathname;
  return (
    // No focus placeholder: axe allows only menu items inside a menu; the first item takes focus.
    <Menu position="bottom-start" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton style={{ whiteSpace: 'nowrap', color: 'var(--mantine-color-anchor)' }}>
          {t(group.label, { ns: group.ns })} <span aria-hidden="true">▾</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {group.items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            aria-current={isHere(here, item.to) ? 'page' : undefined}
            rightSection={item.badge && <item.badge />}
          >
            {t(item.label, { ns: item.ns })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The navigation on a narrow screen: the same entries, the language, who is signed in. */
function NarrowMenu({ me, close }: { me: Me; close: () => void }) {
  const { t } = useTranslation();
  const here = useLocation().pathname;
  const signOut = useSignOut();
  return (
    <Stack gap="xs" component="nav" aria-label={t('nav.main')}>
      {visibleNav(me)
        .flatMap((entry) => (isGroup(entry) ? entry.items : [entry]))
        .map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label, { ns: item.ns })}
            rightSection={item.badge && <item.badge />}
            active={isHere(here, item.to)}
            onClick={close}
          />
        ))}
      <LanguageSelect />
      <Text size="sm">{me.user.name}</Text>
      <Button variant="subtle" onClick={() => void signOut()} style={{ alignSelf: 'flex-start' }}>
        {t('nav.signOut')}
      </Button>
    </Stack>
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

/**
 * Refetches what changed when the server announces a request change (server-sent events), at
 * most once a second: on a busy desk a burst of changes costs one refetch, not one each (a long
 * queue refetches every page it has loaded).
 */
function useLiveUpdates(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const events = new EventSource('/api/v1/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    events.addEventListener('request', () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void client.invalidateQueries({ queryKey: ['requests'] });
      }, 1000);
    });
    return () => {
      clearTimeout(timer);
      events.close();
    };
  }, [enabled, client]);
}
