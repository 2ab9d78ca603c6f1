import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, send, usePermissions, useUsers, type List, type Token } from '../api';
import { formatWhen } from '../format';
import { ConfirmButton, ErrorNote, PageHeader } from '../ui';
import { NewToken } from './NewToken';

/** API tokens: your own (everyone's for an admin); create one, seen once; revoke. */
export function TokensPage() {
  const { t, i18n } = useTranslation('settings');
  const { me, can } = usePermissions();
  const admin = can('tokens.manage');
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: () => api<List<Token>>('/tokens') });
  const users = useUsers(can('users.read'));
  const [creating, setCreating] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => send<Token>(`/tokens/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.tokens }),
  });
  const owner = (id: string) =>
    id === me?.user.id ? me.user.name : (users.data?.data.find((u) => u.id === id)?.name ?? '—');
  const now = Date.now();
  const state = (x: Token) =>
    x.revokedAt
      ? 'revoked'
      : x.expiresAt && new Date(x.expiresAt).getTime() < now
        ? 'expired'
        : 'active';
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={`${t('tokens.description')}${admin ? ` ${t('tokens.descriptionAdmin')}` : ''}`}
        actions={!creating && <Button onClick={() => setCreating(true)}>{t('tokens.new')}</Button>}
      />
      {creating && <NewToken onClose={() => setCreating(false)} />}
      <ErrorNote error={tokens.error ?? revoke.error} />
      {tokens.data?.data.length === 0 && <Text>{t('tokens.empty')}</Text>}
      {(tokens.data?.data.length ?? 0) > 0 && (
        <Table aria-label={t('tokens.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              {admin && <Table.Th>{t('tokens.owner')}</Table.Th>}
              <Table.Th>{t('tokens.role')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.expires')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('tokens.status')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data?.data.map((x) => (
              <Table.Tr key={x.id} data-token={x.name}>
                <Table.Td>
                  <Text fw={500} size="sm">
                    {x.name}
                  </Text>
                  <Code>{x.prefix}…</Code>
                </Table.Td>
                {admin && <Table.Td>{owner(x.userId)}</Table.Td>}
                <Table.Td>{t(`roles.${x.role}`)}</Table.Td>
                <Table.Td>{formatWhen(x.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{formatWhen(x.expiresAt, i18n.language, t('tokens.never'))}</Table.Td>
                <Table.Td>{formatWhen(x.lastUsedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={state(x) === 'active' ? 'green' : 'gray'}>
                    {t(`tokens.${state(x)}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    {!x.revokedAt && (
                      <ConfirmButton
                        label={t('tokens.revoke')}
                        aria-label={t('tokens.revokeNamed', { name: x.name })}
                        title={t('tokens.revokeTitle', { name: x.name })}
                        message={t('tokens.revokeMessage')}
                        confirm={t('tokens.revoke')}
                        onConfirm={() => revoke.mutate(x.id)}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
