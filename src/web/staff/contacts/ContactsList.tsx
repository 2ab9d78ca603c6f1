import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { contactLimits, contactRoles } from '../../../shared/contacts';
import { api } from '../api';
import type { Contact, Page } from './api';
import { formatPhone, languageName } from './format';
import { RoleBadges } from './RoleBadges';

const pageSize = 25;

/** The contacts list: search by name (any alphabet), email or phone, filter by role, page. */
export function ContactsList() {
  const { t, i18n } = useTranslation('contacts');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const [typed, setTyped] = useState(q);
  const [debounced] = useDebouncedValue(typed, 300);
  // Cursors of the pages before this one; the first page has none.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  useEffect(() => {
    if (debounced.trim() === q) return;
    setCursors([]);
    setParams(
      (p) => {
        if (debounced.trim()) p.set('q', debounced.trim());
        else p.delete('q');
        return p;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  const list = useQuery({
    queryKey: ['contacts', 'list', q, role, cursor],
    queryFn: () => {
      const search = new URLSearchParams({ limit: String(pageSize) });
      if (q) search.set('q', q);
      if (role) search.set('role', role);
      if (cursor) search.set('cursor', cursor);
      return api<Page<Contact>>(`/contacts?${search}`);
    },
    placeholderData: keepPreviousData,
  });

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('list.title')}
        </Title>
        <Button component={Link} to="/contacts/new">
          {t('list.new')}
        </Button>
      </Group>
      <Group align="flex-start" role="search">
        <TextInput
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          description={t('list.searchHint')}
          inputWrapperOrder={['label', 'input', 'description']}
          value={typed}
          maxLength={contactLimits.searchMax}
          onChange={(e) => setTyped(e.currentTarget.value)}
          w={420}
        />
        <NativeSelect
          label={t('list.role')}
          value={role}
          data={[
            { value: '', label: t('list.anyRole') },
            ...contactRoles.map((r) => ({ value: r, label: t(`role.${r}`) })),
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setCursors([]);
            setParams((p) => {
              if (value) p.set('role', value);
              else p.delete('role');
              return p;
            });
          }}
        />
      </Group>
      {list.isPending ? (
        <Text>{t('loading')}</Text>
      ) : list.isError ? (
        <Text c="red.9">{list.error.message}</Text>
      ) : list.data.data.length === 0 ? (
        <Text>{t('list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('list.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.name')}</Table.Th>
                <Table.Th>{t('list.roles')}</Table.Th>
                <Table.Th>{t('list.email')}</Table.Th>
                <Table.Th>{t('list.phone')}</Table.Th>
                <Table.Th>{t('list.language')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${c.id}`} fw={600}>
                      {c.name}
                    </Anchor>
                    {c.kind === 'organization' && (
                      <Text size="xs" c="dimmed">
                        {t('kind.organization')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={c.roles} />
                  </Table.Td>
                  <Table.Td>{c.emails[0]?.address ?? ''}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.phones[0] ? formatPhone(c.phones[0].number) : ''}
                  </Table.Td>
                  <Table.Td>
                    {c.preferredLanguage ? languageName(c.preferredLanguage, i18n.language) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && (
        <Group justify="space-between" component="nav" aria-label={t('list.paging')}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('list.pageOf', { page: cursors.length + 1 })} ·{' '}
            {t('list.shown', { count: list.data.data.length })}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              disabled={cursors.length === 0}
              onClick={() => setCursors((cs) => cs.slice(0, -1))}
            >
              {t('list.previous')}
            </Button>
            <Button
              variant="default"
              disabled={!list.data.nextCursor}
              onClick={() => {
                const next = list.data.nextCursor;
                if (next) setCursors((cs) => [...cs, next]);
              }}
            >
              {t('list.next')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
