import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys, usePermissions, type CannedReply, type List } from '../api';
import { formatWhen, languageName } from '../format';
import { ErrorNote, PageHeader, ReadOnlyNote } from '../ui';

/** The canned replies with the languages each is written in. */
export function CannedPage() {
  const { t, i18n } = useTranslation('settings');
  const { can } = usePermissions();
  const manage = can('desk.manage');
  const list = useQuery({
    queryKey: keys.canned,
    queryFn: () => api<List<CannedReply>>('/canned-replies'),
  });
  return (
    <>
      <PageHeader
        title={t('canned.title')}
        description={t('canned.description')}
        actions={
          manage && (
            <Button component={Link} to="/settings/canned/new">
              {t('canned.new')}
            </Button>
          )
        }
      />
      {!manage && <ReadOnlyNote />}
      <ErrorNote error={list.error} />
      {list.data?.data.length === 0 && <Text>{t('canned.empty')}</Text>}
      {(list.data?.data.length ?? 0) > 0 && (
        <Table aria-label={t('canned.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('canned.languages')}</Table.Th>
              <Table.Th>{t('canned.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/settings/canned/${c.id}`} fw={500}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {Object.keys(c.bodies).map((l) => (
                      <Badge key={l} variant="light" color="gray" tt="none">
                        {languageName(l, i18n.language)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatWhen(c.updatedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
