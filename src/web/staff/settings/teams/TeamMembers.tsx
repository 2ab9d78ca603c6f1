import { ActionIcon, Button, Group, NumberInput, Select, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, send, usePermissions, useUsers, type Team } from '../api';
import { ErrorNote, Icon, SavedNote } from '../ui';

type Member = Team['members'][number];

/** Who is on the team, how many open requests each may be given, and who is available now. */
export function TeamMembers({ team, readOnly }: { team: Team; readOnly: boolean }) {
  const { t, i18n } = useTranslation('settings');
  const { can } = usePermissions();
  const client = useQueryClient();
  const users = useUsers(!readOnly && can('users.read'));
  const [members, setMembers] = useState<Member[]>(team.members);
  const [adding, setAdding] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const update = (next: Member[]) => {
    setMembers(next);
    setJustSaved(false);
  };
  const set = (userId: string, patch: Partial<Member>) =>
    update(members.map((m) => (m.userId === userId ? { ...m, ...patch } : m)));
  const dirty = JSON.stringify(members) !== JSON.stringify(team.members);
  const candidates =
    users.data?.data.filter((u) => u.active && !members.some((m) => m.userId === u.id)) ?? [];
  const save = useMutation({
    mutationFn: () =>
      send<Team>(`/teams/${team.id}/members`, {
        method: 'PUT',
        body: {
          members: members.map(({ userId, capacity, available }) => ({
            userId,
            capacity,
            available,
          })),
        },
      }),
    onSuccess: async (saved) => {
      setMembers(saved.members);
      await client.invalidateQueries({ queryKey: keys.teams });
      setJustSaved(true);
    },
  });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teams.capacityHelp')}
      </Text>
      {members.length === 0 ? (
        <Text c="dimmed">{t('teams.noMembers')}</Text>
      ) : (
        <Table aria-labelledby="members-title" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teams.person')}</Table.Th>
              <Table.Th>{t('teams.capacity')}</Table.Th>
              <Table.Th>{t('teams.available')}</Table.Th>
              <Table.Th>{t('teams.openRequests')}</Table.Th>
              {!readOnly && (
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('teams.capacityOf', { name: m.name })}
                    readOnly={readOnly}
                    value={m.capacity}
                    min={0}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                    w={90}
                    size="xs"
                    onChange={(v) => set(m.userId, { capacity: typeof v === 'number' ? v : 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('teams.availableOf', { name: m.name })}
                    checked={m.available}
                    disabled={readOnly}
                    onChange={(e) => set(m.userId, { available: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>{number.format(m.openRequests)}</Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('teams.removeMember', { name: m.name })}
                      onClick={() => update(members.filter((x) => x.userId !== m.userId))}
                    >
                      <Icon name="trash" />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <>
          <Group mt="md" align="flex-end">
            <Select
              label={t('teams.addMember')}
              searchable
              data={candidates.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
              value={adding}
              onChange={setAdding}
              placeholder={t('teams.choosePerson')}
              nothingFoundMessage={t('teams.nobodyLeft')}
              w={320}
            />
            <Button
              variant="default"
              disabled={!adding}
              onClick={() => {
                const user = candidates.find((u) => u.id === adding);
                if (!user) return;
                update([
                  ...members,
                  {
                    userId: user.id,
                    name: user.name,
                    capacity: 20,
                    available: true,
                    openRequests: 0,
                  },
                ]);
                setAdding(null);
              }}
            >
              {t('common.add')}
            </Button>
          </Group>
          <Group mt="md">
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
              {t('teams.saveMembers')}
            </Button>
            {dirty && (
              <Text size="sm" c="dimmed">
                {t('common.unsaved')}
              </Text>
            )}
            <SavedNote show={justSaved && !dirty} />
          </Group>
          <ErrorNote error={save.error} />
        </>
      )}
    </>
  );
}
