import { Anchor, Box, Center, Group, Loader, NativeSelect, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { chooseLanguage, languages, type Language } from '../i18n/language';
import { api, publicPath, type PublishedPromises } from './api';
import { Give } from './giving/Give';
import { MyGiving } from './giving/MyGiving';
import { Home } from './Home';
import { MyRequests } from './MyRequests';
import { Promises } from './Promises';
import { SignIn } from './SignIn';
import { Thread } from './Thread';

/** What the organization publishes (its name, its promises): every page needs some of it. */
export function usePublished() {
  return useQuery({
    queryKey: ['published'],
    queryFn: () => api<PublishedPromises>(publicPath('/promises')),
  });
}

/** The public portal of one organization: ask for help, its promises, follow my requests. */
export function App() {
  const { t } = useTranslation();
  const published = usePublished();
  const name = published.data?.organization.name;
  useEffect(() => {
    if (name) document.title = name;
  }, [name]);
  if (published.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  if (published.isError)
    return (
      <Center h="100vh">
        <Text>{t('errors.organization')}</Text>
      </Center>
    );
  // A plain page, not an app shell: the header grows with its content on a phone.
  return (
    <>
      <Box
        component="header"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Header name={published.data.organization.name} />
      </Box>
      <Box component="main" id="main" p="md">
        <div style={{ maxWidth: 760, margin: '0 auto' }}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/promises" element={<Promises />} />
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/requests" element={<MyRequests />} />
            <Route path="/requests/:id" element={<Thread />} />
            <Route path="/give" element={<Give />} />
            <Route path="/giving" element={<MyGiving />} />
            <Route path="*" element={<Text>{t('errors.notFound')}</Text>} />
          </Routes>
        </div>
      </Box>
    </>
  );
}

function Header({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group px="md" justify="space-between" wrap="wrap" gap="xs">
      <Anchor href="#main" className="skip-link">
        {t('skip')}
      </Anchor>
      <Title order={2} size="h4">
        <Anchor component={Link} to="/" c="inherit" underline="never">
          {name}
        </Anchor>
      </Title>
      <Group gap="md" wrap="wrap">
        <nav aria-label={name}>
          <Group gap="md">
            <Anchor component={Link} to="/">
              {t('nav.home')}
            </Anchor>
            <Anchor component={Link} to="/promises">
              {t('nav.promises')}
            </Anchor>
            <Anchor component={Link} to="/requests">
              {t('nav.myRequests')}
            </Anchor>
            <Anchor component={Link} to="/give">
              {t('nav.give', { ns: 'giving' })}
            </Anchor>
            <Anchor component={Link} to="/giving">
              {t('nav.myGiving', { ns: 'giving' })}
            </Anchor>
          </Group>
        </nav>
        <NativeSelect
          aria-label={t('language')}
          size="xs"
          value={i18n.language}
          data={Object.entries(languages).map(([value, label]) => ({ value, label }))}
          onChange={(e) => void chooseLanguage(e.currentTarget.value as Language)}
        />
      </Group>
    </Group>
  );
}
