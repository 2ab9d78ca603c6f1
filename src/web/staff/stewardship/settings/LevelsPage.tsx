import { Anchor, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton, ErrorNote, PageHeader, ReadOnlyNote } from '../../settings/ui';
import { formatMoney } from '../../../money';
import {
  api,
  keys,
  send,
  useGiftSettings,
  useLevels,
  usePermissions,
  type DonorLevel,
  type List,
} from '../api';
import { LevelForm } from './LevelForm';

/** Settings → Donor levels: ordered by minimum, created, edited, deleted; each with its donors. */
export function LevelsPage() {
  const { t, i18n } = useTranslation('stewardship');
  const { can } = usePermissions();
  const manage = can('levels.manage');
  const levels = useLevels();
  const settings = useGiftSettings();
  const client = useQueryClient();
  const [editing, setEditing] = useState<DonorLevel | 'new' | null>(null);
  const [donorsOf, setDonorsOf] = useState<DonorLevel | null>(null);
  const remove = useMutation({
    mutationFn: (l: DonorLevel) =>
      send(`/donor-levels/${l.id}`, { method: 'DELETE', version: l.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.levels }),
  });
  const list = [...(levels.data?.data ?? [])].sort(
    (a, b) => a.currency.localeCompare(b.currency) || a.minAmount - b.minAmount,
  );
  return (
    <>
      <PageHeader
        title={t('levels.title')}
        description={t('levels.description')}
        actions={manage && <Button onClick={() => setEditing('new')}>{t('levels.new')}</Button>}
      />
      {!manage && <ReadOnlyNote />}
      <ErrorNote error={levels.error ?? remove.error} />
      {levels.isPending && <Text>{t('loading')}</Text>}
      {levels.isSuccess && list.length === 0 && <Text>{t('levels.empty')}</Text>}
      <Stack component="ul" gap="xs" p={0} m={0} maw={900} style={{ listStyle: 'none' }}>
        {list.map((l) => (
          <Card component="li" key={l.id} withBorder padding="sm" data-level={l.name}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>
                  {l.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {l.slug}
                  </Text>
                </Text>
                <Text size="sm">
                  {t('levels.from', {
                    amount: formatMoney(l.minAmount, l.currency, i18n.language),
                    window: t(`levels.windows.${l.window}`),
                  })}
                </Text>
              </div>
              <Group gap={4} wrap="wrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setDonorsOf(l)}
                  aria-label={`${t('levels.donorCount', { count: l.donorCount ?? 0 })} (${l.name})`}
                >
                  {t('levels.donorCount', { count: l.donorCount ?? 0 })}
                </Button>
                {manage && (
                  <>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing(l)}
                      aria-label={t('levels.editNamed', { name: l.name })}
                    >
                      {t('edit')}
                    </Button>
                    <ConfirmButton
                      label={t('delete')}
                      aria-label={t('levels.deleteNamed', { name: l.name })}
                      title={t('levels.deleteTitle', { name: l.name })}
                      message={t('levels.deleteMessage')}
                      confirm={t('delete')}
                      onConfirm={() => remove.mutate(l)}
                    />
                  </>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      {editing && (
        <LevelForm
          saved={editing === 'new' ? undefined : editing}
          currency={settings.data?.currency ?? 'EUR'}
          onClose={() => setEditing(null)}
        />
      )}
      {donorsOf && <LevelDonors level={donorsOf} onClose={() => setDonorsOf(null)} />}
    </>
  );
}

type Donor = { contact: { id: string; name: string }; total: number; currency: string };

/** The donors a level holds now, each a link to their page. */
function LevelDonors({ level, onClose }: { level: DonorLevel; onClose: () => void }) {
  const { t, i18n } = useTranslation('stewardship');
  const donors = useQuery({
    queryKey: [...keys.levels, level.id, 'donors'],
    queryFn: () => api<List<Donor>>(`/donor-levels/${level.id}/donors?limit=200`),
  });
  const list = donors.data?.data ?? [];
  return (
    <Modal opened onClose={onClose} title={t('levels.donorsOf', { name: level.name })}>
      <ErrorNote error={donors.error} />
      {donors.isPending && <Text>{t('loading')}</Text>}
      {donors.isSuccess && list.length === 0 && <Text>{t('levels.noDonors')}</Text>}
      <Stack component="ul" gap={4} p={0} style={{ listStyle: 'none' }}>
        {list.map((d) => (
          <li key={d.contact.id}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/contacts/${d.contact.id}`}>
                {d.contact.name}
              </Anchor>
              <Text size="sm">{formatMoney(d.total, d.currency, i18n.language)}</Text>
            </Group>
          </li>
        ))}
      </Stack>
      {donors.data?.nextCursor && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('levels.moreDonors')}
        </Text>
      )}
    </Modal>
  );
}
