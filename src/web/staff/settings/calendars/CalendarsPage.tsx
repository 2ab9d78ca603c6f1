import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys, send, useCalendars, usePermissions } from '../api';
import { ConfirmButton, ErrorNote, PageHeader, ReadOnlyNote } from '../ui';
import { summarizeHours } from './hours';

/** The organization's business calendars: their hours at a glance, to open, add or delete. */
export function CalendarsPage() {
  const { t, i18n } = useTranslation('settings');
  const { can } = usePermissions();
  const manage = can('promises.manage');
  const client = useQueryClient();
  const calendars = useCalendars();
  const remove = useMutation({
    mutationFn: (id: string) => send(`/calendars/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.calendars }),
  });
  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        description={t('calendars.description')}
        actions={
          manage && (
            <Button component={Link} to="/settings/calendars/new">
              {t('calendars.new')}
            </Button>
          )
        }
      />
      {!manage && <ReadOnlyNote />}
      <ErrorNote error={calendars.error ?? remove.error} />
      {calendars.data?.data.length === 0 && <Text>{t('calendars.empty')}</Text>}
      {(calendars.data?.data.length ?? 0) > 0 && (
        <Table aria-label={t('calendars.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('calendars.timezone')}</Table.Th>
              <Table.Th>{t('calendars.hours')}</Table.Th>
              <Table.Th>{t('calendars.holidays')}</Table.Th>
              {manage && (
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendars.data?.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/settings/calendars/${c.id}`} fw={500}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.timezone}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {summarizeHours(c.hours, i18n.language, t('calendars.closed'))}
                  </Text>
                </Table.Td>
                <Table.Td>{t('calendars.holidayCount', { count: c.holidays.length })}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Group justify="flex-end">
                      <ConfirmButton
                        label={t('common.delete')}
                        aria-label={t('common.deleteNamed', { name: c.name })}
                        title={t('calendars.deleteTitle', { name: c.name })}
                        message={t('calendars.deleteMessage')}
                        confirm={t('common.delete')}
                        onConfirm={() => remove.mutate(c.id)}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
