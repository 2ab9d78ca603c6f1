import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { newKey } from '../../ids';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { giftLimits } from '../../../shared/gifts';
import { DueBadge } from '../due';
import {
  api,
  keys,
  send,
  usePermissions,
  type BulkResult,
  type Gift,
  type List,
  type QueueGift,
} from './api';
import { ThanksActions } from './ThanksActions';
import { formatDay, Money, PageHeading, Pager, ProblemNote, useCursors, KindFilter } from './ui';

const filterNames = ['assignee', 'method', 'kind'] as const;

/** The thank-you queue: gifts still owed a thank-you, soonest due first, with bulk send. */
export function ThanksQueue() {
  const { t, i18n } = useTranslation('gifts');
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const pages = useCursors();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const query = new URLSearchParams({ limit: '50' });
  for (const name of filterNames) {
    const v = params.get(name);
    if (v) query.set(name, v);
  }
  const { cursor } = pages;
  if (cursor) query.set('cursor', cursor);
  const queue = useQuery({
    queryKey: [...keys.queue, query.toString()],
    queryFn: () => api<List<QueueGift>>(`/gifts/thanks-queue?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
  const rows = queue.data?.data ?? [];
  const filter = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.restart();
    setSelected(new Set());
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const canWrite = can('gifts.write');
  return (
    <Stack maw={1300}>
      <PageHeading title={t('queue.title')} description={t('queue.description')} />
      <Group align="flex-end" role="search" aria-label={t('queue.filters')}>
        <NativeSelect
          label={t('queue.whose')}
          value={params.get('assignee') ?? ''}
          data={[
            { value: '', label: t('queue.everyone') },
            { value: 'me', label: t('queue.mine') },
          ]}
          onChange={(e) => filter('assignee', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('queue.method')}
          value={params.get('method') ?? ''}
          data={[
            { value: '', label: t('queue.anyMethod') },
            ...(['email', 'letter', 'call'] as const).map((m) => ({
              value: m,
              label: t(`method.${m}`),
            })),
          ]}
          onChange={(e) => filter('method', e.currentTarget.value)}
        />
        <KindFilter value={params.get('kind') ?? ''} onChange={(k) => filter('kind', k)} />
      </Group>
      {canWrite && (
        <BulkBar
          selected={[...selected]}
          onDone={(r) => {
            setResults(r);
            setSelected(new Set());
          }}
        />
      )}
      {results && <BulkResults results={results} names={queue.data?.data} />}
      <ProblemNote error={queue.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('queue.title')} striped>
          <Table.Thead>
            <Table.Tr>
              {canWrite && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('queue.selectAll')}
                    checked={all}
                    indeterminate={!all && rows.some((r) => selected.has(r.id))}
                    onChange={() =>
                      setSelected(
                        all
                          ? new Set()
                          : new Set(rows.slice(0, giftLimits.bulkThanksMax).map((r) => r.id)),
                      )
                    }
                  />
                </Table.Th>
              )}
              <Table.Th>{t('queue.due')}</Table.Th>
              <Table.Th>{t('list.donor')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('list.amount')}</Table.Th>
              <Table.Th>{t('list.kind')}</Table.Th>
              <Table.Th>{t('queue.plan')}</Table.Th>
              {canWrite && <Table.Th>{t('queue.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => (
              <Table.Tr key={g.id} data-testid="thanks-row" data-gift={g.id}>
                {canWrite && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('queue.select', { name: g.contact.name })}
                      checked={selected.has(g.id)}
                      onChange={() => toggle(g.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <DueBadge
                    dueAt={g.thanksPromise?.dueAt ?? null}
                    breached={g.thanksPromise?.state === 'breached'}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/gifts/${g.id}`}>
                    {g.contact.name}
                  </Anchor>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {formatDay(g.receivedOn, i18n.language)}
                    </Text>
                    {g.firstGift && (
                      <Badge size="xs" color="blue.9" tt="none">
                        {t('queue.first')}
                      </Badge>
                    )}
                    {g.majorGift && (
                      <Badge size="xs" color="grape.9" tt="none">
                        {t('queue.major')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  {g.netAmount !== null ? <Money minor={g.netAmount} currency={g.currency} /> : '—'}
                </Table.Td>
                <Table.Td>{t(`kind.${g.kind}`)}</Table.Td>
                <Table.Td>
                  {g.thanksPlan.user
                    ? `${t(`method.${g.thanksPlan.method}`)} · ${g.thanksPlan.user.name}`
                    : t(`method.${g.thanksPlan.method}`)}
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <ThanksActions gift={g} compact />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {queue.data && rows.length === 0 && <Text c="dimmed">{t('queue.empty')}</Text>}
      <Pager pages={pages} nextCursor={queue.data?.nextCursor} />
    </Stack>
  );
}

/** Sends the default thank-you to every selected gift in one call. */
function BulkBar({ selected, onDone }: { selected: string[]; onDone: (r: BulkResult[]) => void }) {
  const { t } = useTranslation('gifts');
  const client = useQueryClient();
  // One key per selection: the same batch sent again after a lost answer thanks once.
  const batch = [...selected].sort().join(',');
  const key = useMemo(() => `${newKey()}:${batch.length}`, [batch]);
  const bulk = useMutation({
    mutationFn: () =>
      send<{ data?: BulkResult[]; results?: BulkResult[] }>('/gifts/thanks/bulk', {
        method: 'POST',
        key,
        body: { giftIds: selected },
      }),
    onSuccess: async (answer) => {
      onDone(answer.results ?? answer.data ?? []);
      await client.invalidateQueries({ queryKey: keys.gifts });
    },
  });
  return (
    <Group>
      <Button
        disabled={selected.length === 0}
        loading={bulk.isPending}
        onClick={() => bulk.mutate()}
      >
        {t('queue.bulk', { count: selected.length })}
      </Button>
      <ProblemNote error={bulk.error} />
    </Group>
  );
}

/** What the bulk send did for each gift: sent, skipped (and why), failed. */
function BulkResults({ results, names }: { results: BulkResult[]; names?: Gift[] }) {
  const { t } = useTranslation('gifts');
  const sent = results.filter((r) => r.status === 'sent').length;
  return (
    <Stack gap={4} role="status" data-testid="bulk-results">
      <Text fw={500}>{t('queue.bulkDone', { count: sent, total: results.length })}</Text>
      {results
        .filter((r) => r.status !== 'sent')
        .map((r) => (
          <Text key={r.giftId} size="sm" c={r.status === 'failed' ? 'red.9' : undefined}>
            <Anchor component={Link} to={`/gifts/${r.giftId}`}>
              {names?.find((g) => g.id === r.giftId)?.contact.name ?? t('queue.gift')}
            </Anchor>
            : {t(`queue.${r.status}`)}
            {r.code ? ` (${r.code})` : ''}
          </Text>
        ))}
    </Stack>
  );
}
