import { Anchor, Badge, Group, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { queueViews } from '../../shared/requests';
import { api, type RequestItem } from './api';
import { DueBadge } from './due';

// The console's order: the working views first, the archive (`all`) last.
const views = [...queueViews.filter((v) => v !== 'all'), 'all' as const];

/** The queue: one view at a time, ordered by what is due next, with each view's count. */
export function Queue() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = useParams().view ?? 'open';
  const counts = useQuery({
    queryKey: ['requests', 'counts'],
    queryFn: () => api<Record<string, number>>('/requests/counts'),
  });
  return (
    <>
      <Title order={1} size="h3" mb="sm">
        {t('queue.title')}
      </Title>
      <Tabs value={view} onChange={(v) => v && void navigate(`/queue/${v}`)}>
        <Tabs.List>
          {views.map((v) => (
            <Tabs.Tab
              key={v}
              value={v}
              rightSection={
                counts.data?.[v] !== undefined ? (
                  <Badge size="sm" variant="light">
                    {counts.data[v]}
                  </Badge>
                ) : null
              }
            >
              {t(`queue.views.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {views.map((v) => (
          <Tabs.Panel key={v} value={v}>
            {v === view && <QueueTable view={v} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function QueueTable({ view }: { view: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['requests', 'list', view],
    queryFn: () => api<{ data: RequestItem[] }>(`/requests?view=${view}&limit=100`),
  });
  return (
    <>
      {list.isPending ? (
        <Text mt="md">{t('queue.loading')}</Text>
      ) : list.data?.data.length === 0 ? (
        <Text mt="md">{t('queue.empty')}</Text>
      ) : (
        <Table striped highlightOnHover mt="md" aria-label={t('queue.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.reference')}</Table.Th>
              <Table.Th>{t('queue.subject')}</Table.Th>
              <Table.Th>{t('queue.status')}</Table.Th>
              <Table.Th>{t('queue.priority')}</Table.Th>
              <Table.Th>{t('queue.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.reference}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/requests/${r.id}`}>
                    {r.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`status.${r.status}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>{t(`priority.${r.priority}`)}</Group>
                </Table.Td>
                <Table.Td>
                  <DueBadge dueAt={r.nextDueAt} breached={r.breached} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
