import { Alert, Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffRoles, type StaffRole } from '../../../../shared/staff';
import { keys, send, usePermissions, useUsers, type User } from '../api';
import { formatWhen, languageName } from '../format';
import { ConfirmButton, ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../ui';
import { NewUser, SetPassword } from './UserForms';

/** Staff accounts: add people, change roles, deactivate and reactivate, set a password. */
export function UsersPage() {
  const { t, i18n } = useTranslation('settings');
  const { me, can } = usePermissions();
  const manage = can('users.manage');
  const client = useQueryClient();
  const users = useUsers(can('users.read'));
  const [adding, setAdding] = useState(false);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: StaffRole; active?: boolean }) =>
      send<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: async (user) => {
      setChanged(user.id);
      await client.invalidateQueries({ queryKey: keys.users });
    },
  });
  const list = users.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={manage && <Button onClick={() => setAdding(true)}>{t('users.new')}</Button>}
      />
      {!manage && can('users.read') && <ReadOnlyNote who="admins" />}
      {me && !can('users.read') && (
        <Alert color="gray" variant="light">
          {t('common.noAccess')}
        </Alert>
      )}
      <ErrorNote error={users.error ?? change.error} />
      {users.data && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('users.count', { count: list.length })}
        </Text>
      )}
      {list.length > 0 && (
        <Table aria-label={t('users.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.language')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.since')}</Table.Th>
              {manage && (
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => {
              const self = u.id === me?.user.id;
              return (
                <Table.Tr key={u.id} data-user={u.email}>
                  <Table.Td fw={500}>
                    {u.name}
                    {self && (
                      <Text span c="dimmed" fw={400}>
                        {' '}
                        ({t('users.you')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    {manage && !self ? (
                      <NativeSelect
                        aria-label={t('users.roleOf', { name: u.name })}
                        size="xs"
                        value={u.role}
                        data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                        onChange={(e) =>
                          change.mutate({ id: u.id, role: e.currentTarget.value as StaffRole })
                        }
                      />
                    ) : (
                      t(`roles.${u.role}`)
                    )}
                  </Table.Td>
                  <Table.Td>{languageName(u.locale, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={u.active ? 'green' : 'gray'}>
                      {u.active ? t('users.active') : t('users.deactivated')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatWhen(u.createdAt, i18n.language)}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <SavedNote show={changed === u.id && change.isSuccess} />
                        <Button variant="subtle" size="xs" onClick={() => setPasswordFor(u)}>
                          {t('users.setPassword')}
                        </Button>
                        {!self &&
                          (u.active ? (
                            <ConfirmButton
                              label={t('users.deactivate')}
                              aria-label={t('users.deactivateNamed', { name: u.name })}
                              title={t('users.deactivateTitle', { name: u.name })}
                              message={t('users.deactivateMessage', { name: u.name })}
                              confirm={t('users.deactivate')}
                              onConfirm={() => change.mutate({ id: u.id, active: false })}
                            />
                          ) : (
                            <Button
                              variant="subtle"
                              size="xs"
                              onClick={() => change.mutate({ id: u.id, active: true })}
                            >
                              {t('users.reactivate')}
                            </Button>
                          ))}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {manage && <NewUser opened={adding} onClose={() => setAdding(false)} />}
      {manage && <SetPassword user={passwordFor} onClose={() => setPasswordFor(null)} />}
    </>
  );
}
