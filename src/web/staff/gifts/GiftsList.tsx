import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, keys, useFunds, usePermissions, type Gift, type List } from './api';
import { formatDay, Money, Pager, ProblemNote, ThankedBadge, useCursors, KindFilter } from './ui';

const filterNames = ['kind', 'campaign', 'fundId', 'from', 'to', 'contactId'] as const;

/** Gifts, newest received first: filters by kind, campaign, fund and dates; pages by cursor. */
export function GiftsList() {
  const { t, i18n } = useTranslation('gifts');
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const funds = useFunds();
  const pages = useCursors();
  const { cursor } = pages;
  const query = new URLSearchParams({ limit: '50' });
  for (const name of filterNames) {
    const v = params.get(name);
    if (v) query.set(name, v);
  }
  if (cursor) query.set('cursor', cursor);
  const gifts = useQuery({
    queryKey: [...keys.gifts, 'list', query.toString()],
    queryFn: () => api<List<Gift>>(`/gifts?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
  const filter = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.restart();
  };
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('list.title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} to="/donations" variant="default">
            {t('list.donations')}
          </Button>
          {can('gifts.write') && (
            <Button component={Link} to="/gifts/new">
              {t('record.title')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} component="form" role="search">
        <KindFilter value={params.get('kind') ?? ''} onChange={(k) => filter('kind', k)} />
        <NativeSelect
          label={t('list.fund')}
          value={params.get('fundId') ?? ''}
          data={[
            { value: '', label: t('list.anyFund') },
            ...(funds.data?.data ?? []).map((f) => ({ value: f.id, label: f.name })),
          ]}
          onChange={(e) => filter('fundId', e.currentTarget.value)}
        />
        <TextInput
          label={t('list.campaign')}
          defaultValue={params.get('campaign') ?? ''}
          onBlur={(e) => filter('campaign', e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              filter('campaign', e.currentTarget.value.trim());
            }
          }}
        />
        <TextInput
          type="date"
          label={t('list.from')}
          value={params.get('from') ?? ''}
          onChange={(e) => filter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('list.to')}
          value={params.get('to') ?? ''}
          onChange={(e) => filter('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      {params.get('contactId') && (
        <Group gap="xs">
          <Text size="sm">{t('list.oneDonor')}</Text>
          <Anchor component="button" size="sm" onClick={() => filter('contactId', '')}>
            {t('list.allDonors')}
          </Anchor>
        </Group>
      )}
      <ProblemNote error={gifts.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.received')}</Table.Th>
              <Table.Th>{t('list.donor')}</Table.Th>
              <Table.Th>{t('list.kind')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('list.amount')}</Table.Th>
              <Table.Th>{t('list.funds')}</Table.Th>
              <Table.Th>{t('list.thanks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gifts.data?.data.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/gifts/${g.id}`}>
                    {formatDay(g.receivedOn, i18n.language)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${g.contact.id}`}>
                    {g.contact.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`kind.${g.kind}`)}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  {g.netAmount !== null ? <Money minor={g.netAmount} currency={g.currency} /> : '—'}
                </Table.Td>
                <Table.Td>{g.allocations.map((a) => a.fundName).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <ThankedBadge thanked={g.thanks.length > 0} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {gifts.data?.data.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      <Pager pages={pages} nextCursor={gifts.data?.nextCursor} />
    </Stack>
  );
}
