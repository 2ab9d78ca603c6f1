import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { DueBadge } from '../due';
import type { ContactRequest, Page } from './api';
import { formatDate } from './format';

/** The requests a contact raised, newest due first (the queue's order), open and closed. */
export function ContactRequests({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation('contacts');
  const requests = useQuery({
    queryKey: ['requests', 'contact', contactId],
    queryFn: () =>
      api<Page<ContactRequest>>(`/requests?view=all&requesterId=${contactId}&limit=50`),
  });
  const list = requests.data?.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="requests">
      <Title order={2} size="h4" id="requests" mb="xs">
        {t('page.requests')}{' '}
        {list.length > 0 && (
          <Badge variant="light" color="gray" size="lg" ml={4}>
            {list.length}
          </Badge>
        )}
      </Title>
      {requests.isPending ? (
        <Text>{t('loading')}</Text>
      ) : list.length === 0 ? (
        <Text c="dimmed">{t('page.noRequests')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="requests" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('page.reference')}</Table.Th>
                <Table.Th>{t('page.subject')}</Table.Th>
                <Table.Th>{t('page.status')}</Table.Th>
                <Table.Th>{t('page.opened')}</Table.Th>
                <Table.Th>{t('queue.due', { ns: 'translation' })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.reference}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/requests/${r.id}`}>
                      {r.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`status.${r.status}`, { ns: 'translation' })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(r.createdAt, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <DueBadge dueAt={r.nextDueAt} breached={r.breached} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
