import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api, type MyRequest } from './api';
import { usePortalMe } from './session';

/** Status colours: what needs the person's attention stands out. */
export const statusColor: Record<string, string> = {
  new: 'blue',
  open: 'blue',
  waiting_on_requester: 'orange',
  on_hold: 'gray',
  solved: 'green',
  closed: 'gray',
};

/** My requests, newest first. */
export function MyRequests() {
  const { t, i18n } = useTranslation();
  const me = usePortalMe();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['portal', 'requests'],
    queryFn: () => api<{ data: MyRequest[] }>('/portal/requests'),
    enabled: !!me.data,
  });
  const signOut = useMutation({
    mutationFn: () => api('/portal/sign-out', { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
  if (me.isPending) return <Loader />;
  if (!me.data) return <Navigate to="/sign-in?next=/requests" replace />;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const rows = list.data?.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('requests.title')}</Title>
        <Button variant="subtle" onClick={() => signOut.mutate()}>
          {t('nav.signOut')}
        </Button>
      </Group>
      <Text c="dimmed">{me.data.name}</Text>
      {list.isSuccess && rows.length === 0 && <Text>{t('requests.none')}</Text>}
      {rows.length > 0 && (
        <Table striped aria-label={t('requests.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.reference')}</Table.Th>
              <Table.Th>{t('requests.subject')}</Table.Th>
              <Table.Th>{t('requests.status')}</Table.Th>
              <Table.Th>{t('requests.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.reference}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/requests/${r.id}`}>
                    {r.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[r.status] ?? 'gray'}>
                    {t(`status.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{date.format(new Date(r.updatedAt))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
