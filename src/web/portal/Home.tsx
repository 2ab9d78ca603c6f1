import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublished } from './App';
import { RaiseForm } from './RaiseForm';
import { within } from './within';

/** The portal's front page: what we promise, and the form to ask for help. */
export function Home() {
  const { t } = useTranslation();
  const published = usePublished();
  // The promise for everyone: the request policy without conditions, else the last one (the
  // fallback after the specific ones).
  const policies = (published.data?.promises ?? []).filter((p) => p.subjectType === 'request');
  const general = policies.find((p) => p.forEveryone) ?? policies.at(-1);
  const first = general?.targets.find((x) => x.target === 'first_response');
  return (
    <Stack gap="md">
      <Title order={1}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      {first && (
        <Text fw={600} data-testid="promise">
          {t('home.promise', { within: within(t, first.minutes, first.businessHours !== null) })}{' '}
          <Anchor component={Link} to="/promises">
            {t('nav.promises')}
          </Anchor>
        </Text>
      )}
      <RaiseForm />
      <Anchor component={Link} to="/requests">
        {t('home.follow')}
      </Anchor>
    </Stack>
  );
}
