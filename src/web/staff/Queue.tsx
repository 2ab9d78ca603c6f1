import { Badge, Button, Group, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { queueViews } from '../../shared/requests';
import { api } from './api';
import { localeOf } from './due';
import { useFilters } from './queue/filters';
import { QueueFilters } from './queue/QueueFilters';
import { QueueTable } from './queue/QueueTable';
import { prefetchRequestPage } from './RequestPage';
import { showShortcuts } from './shortcuts';

// The console's order: the working views first, the archive (`all`) last.
const views = [...queueViews.filter((v) => v !== 'all'), 'all' as const];

/**
 * The queue: one view at a time with each view's count, filters beside them, and the requests
 * ordered by what is due next in a list that loads as it scrolls.
 */
export function Queue() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const view = useParams().view ?? 'open';
  const [filters, setFilter, clearFilters] = useFilters();
  const counts = useQuery({
    queryKey: ['requests', 'counts'],
    queryFn: () => api<Record<string, number>>('/requests/counts'),
  });
  // The request page's code arrives while the reader looks at the queue.
  useEffect(() => {
    const id = setTimeout(prefetchRequestPage, 1000);
    return () => clearTimeout(id);
  }, []);
  const number = new Intl.NumberFormat(localeOf(i18n.language));
  const search = new URLSearchParams(filters).toString();
  return (
    <div className="queue-page">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h3">
          {t('queue.title')}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={showShortcuts}>
          {t('shortcuts.hint')}
        </Button>
      </Group>
      <Tabs
        value={view}
        onChange={(v) => v && void navigate(`/queue/${v}${search ? `?${search}` : ''}`)}
        className="queue-tabs"
      >
        <Tabs.List>
          {views.map((v) => (
            <Tabs.Tab
              key={v}
              value={v}
              rightSection={
                counts.data?.[v] !== undefined ? (
                  <Badge size="sm" variant="light">
                    {number.format(counts.data[v])}
                  </Badge>
                ) : null
              }
            >
              {t(`queue.views.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {views.map((v) => (
          <Tabs.Panel key={v} value={v} className="queue-panel">
            {v === view && (
              <>
                <QueueFilters filters={filters} onChange={setFilter} onClear={clearFilters} />
                <QueueTable view={v} filters={filters} />
              </>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </div>
  );
}
