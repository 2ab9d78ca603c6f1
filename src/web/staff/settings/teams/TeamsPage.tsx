import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendars, usePermissions, useTeams } from '../api';
import { ErrorNote, PageHeader, ReadOnlyNote } from '../ui';

/** The teams: how each hands out work, how many people, and its alert threshold. */
export function TeamsPage() {
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const manage = can('desk.manage');
  const teams = useTeams();
  const calendars = useCalendars();
  const calendarName = (id: string | null) =>
    calendars.data?.data.find((c) => c.id === id)?.name ?? t('common.roundTheClock');
  return (
    <>
      <PageHeader
        title={t('teams.title')}
        description={t('teams.description')}
        actions={
          manage && (
            <Button component={Link} to="/settings/teams/new">
              {t('teams.new')}
            </Button>
          )
        }
      />
      {!manage && <ReadOnlyNote />}
      <ErrorNote error={teams.error} />
      {teams.data?.data.length === 0 && <Text>{t('teams.empty')}</Text>}
      {(teams.data?.data.length ?? 0) > 0 && (
        <Table aria-label={t('teams.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('teams.strategy')}</Table.Th>
              <Table.Th>{t('teams.members')}</Table.Th>
              <Table.Th>{t('teams.threshold')}</Table.Th>
              <Table.Th>{t('teams.calendar')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data?.data.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/settings/teams/${team.id}`} fw={500}>
                    {team.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="blue">
                    {t(`teams.strategies.${team.strategy}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {t('teams.memberCount', { count: team.members.length })}
                  <Text size="xs" c="dimmed">
                    {team.members.map((m) => m.name).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>{team.waitingThreshold}</Table.Td>
                <Table.Td>{calendarName(team.calendarId)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
