import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';

// The views a shift starts from; the red one is the one that needs someone now.
const tiles = [
  { view: 'open', colour: undefined },
  { view: 'mine', colour: undefined },
  { view: 'unassigned', colour: undefined },
  { view: 'due_soon', colour: 'yellow.9' },
  { view: 'breached', colour: 'red.9' },
] as const;

/** How many requests each main queue view holds, each a link into the queue. */
export function QueueGlance() {
  const { t, i18n } = useTranslation('home');
  const counts = useQuery({
    queryKey: ['requests', 'counts'],
    queryFn: () => api<Record<string, number>>('/requests/counts'),
  });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section aria-labelledby="glance">
      <Title order={2} size="h4" id="glance" mb="xs">
        {t('queue.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {tiles.map(({ view, colour }) => {
          const count = counts.data?.[view];
          return (
            <Card
              key={view}
              component={Link}
              to={`/queue/${view}`}
              withBorder
              padding="md"
              data-testid={`glance-${view}`}
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <Text size="sm" c="dimmed" fw={500}>
                {t(`queue.views.${view}`, { ns: 'translation' })}
              </Text>
              <Text fz={32} fw={700} lh={1.2} c={count ? colour : undefined}>
                {count === undefined ? '–' : number.format(count)}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
