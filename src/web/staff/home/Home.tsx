import { Grid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api';
import { PromisesToday } from './PromisesToday';
import { QueueGlance } from './QueueGlance';
import { TeamLines } from './TeamLines';

// A line of its own: capitalized even where CLDR writes the weekday in lower case (es, lt, uk).
const today = (now: Date, language: string) => {
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(now);
  return date.charAt(0).toLocaleUpperCase(language) + date.slice(1);
};

const partOfDay = (hour: number) => (hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

/** The home page: the queue at a glance, each team's line against its threshold, promises kept today. */
export function Home() {
  const { t, i18n } = useTranslation('home');
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/auth/me') });
  const now = new Date();
  return (
    <Stack maw={1400} gap="lg">
      <div>
        <Title order={1} size="h2">
          {t(`greeting.${partOfDay(now.getHours())}`, { name: me.data?.user.name ?? '' })}
        </Title>
        <Text c="dimmed">{today(now, i18n.language)}</Text>
      </div>
      <QueueGlance />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TeamLines />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PromisesToday />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
