import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  api,
  keys,
  usePermissions,
  type BriefGift,
  type Gift,
  type Giving,
  type List,
} from './api';
import { DonorReceipts } from './DonorReceipts';
import { ImpactReport } from './ImpactReport';
import { formatDay, Money, ProblemNote, ThankedBadge } from './ui';

/**
 * The contact page's giving panel: the summary (soft credits beside, never added), the level,
 * the latest gifts, receipts and statements. Only for roles that may read gifts.
 */
export function GivingPanel({ contactId }: { contactId: string }) {
  const { can } = usePermissions();
  if (!can('gifts.read')) return null;
  return <Panel contactId={contactId} canWrite={can('gifts.write')} />;
}

function Panel({ contactId, canWrite }: { contactId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation('gifts');
  const giving = useQuery({
    queryKey: keys.giving(contactId),
    queryFn: () => api<Giving>(`/contacts/${contactId}/giving`),
  });
  const gifts = useQuery({
    queryKey: [...keys.gifts, 'contact', contactId],
    queryFn: () => api<List<Gift>>(`/gifts?contactId=${contactId}&limit=5`),
  });
  const g = giving.data;
  const brief = (label: string, b: BriefGift | null, id: string) =>
    b && (
      <Table.Tr>
        <Table.Th>{label}</Table.Th>
        <Table.Td data-testid={id}>
          <Anchor component={Link} to={`/gifts/${b.id}`}>
            <Money minor={b.amount} currency={b.currency} />
          </Anchor>{' '}
          · {formatDay(b.receivedOn, i18n.language)}
        </Table.Td>
      </Table.Tr>
    );
  return (
    <Card withBorder component="section" aria-labelledby="giving-title" data-testid="giving-panel">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="giving-title">
            {t('giving.title')}
          </Title>
          {g?.level && (
            <Badge color="teal.9" tt="none" data-testid="donor-level">
              {t('giving.level', { name: g.level.name })}
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Button size="xs" component={Link} to={`/gifts/new?contact=${contactId}`}>
            {t('record.title')}
          </Button>
        )}
      </Group>
      <ProblemNote error={giving.error} />
      {g && g.giftCount === 0 && g.softCredits.count === 0 && (
        <Text c="dimmed" size="sm">
          {t('giving.none')}
        </Text>
      )}
      {g && g.giftCount > 0 && (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={360}>
            <Table data-testid="giving-totals" aria-label={t('giving.totals')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('giving.currency')}</Table.Th>
                  <Table.Th style={{ textAlign: 'end' }}>
                    {t('giving.thisYear', { year: g.year })}
                  </Table.Th>
                  <Table.Th style={{ textAlign: 'end' }}>
                    {t('giving.lastYear', { year: g.year - 1 })}
                  </Table.Th>
                  <Table.Th style={{ textAlign: 'end' }}>{t('giving.lifetime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.totals.map((row) => (
                  <Table.Tr key={row.currency} data-currency={row.currency}>
                    <Table.Td>{row.currency}</Table.Td>
                    <Table.Td style={{ textAlign: 'end' }} data-testid="this-year">
                      <Money minor={row.thisYear} currency={row.currency} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end' }}>
                      <Money minor={row.lastYear} currency={row.currency} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end' }} data-testid="lifetime">
                      <Money minor={row.lifetime} currency={row.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              {brief(t('giving.first'), g.firstGift, 'first-gift')}
              {brief(t('giving.last'), g.lastGift, 'last-gift')}
              {brief(t('giving.largest'), g.largestGift, 'largest-gift')}
              <Table.Tr>
                <Table.Th>{t('giving.gifts')}</Table.Th>
                <Table.Td>{g.giftCount}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('giving.consecutive')}</Table.Th>
                <Table.Td data-testid="consecutive">
                  {t('giving.years', { count: g.consecutiveYears })}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {g && g.softCredits.count > 0 && (
        <Stack gap={4} mt="sm" data-testid="soft-credit-totals">
          <Text size="sm" fw={500}>
            {t('giving.softCredits', { count: g.softCredits.count })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('giving.softCreditsHelp')}
          </Text>
          {g.softCredits.totals.map((row) => (
            <Text key={row.currency} size="sm">
              {t('giving.lifetime')}: <Money minor={row.lifetime} currency={row.currency} />
            </Text>
          ))}
        </Stack>
      )}
      {(gifts.data?.data.length ?? 0) > 0 && (
        <Stack gap={4} mt="md">
          <Title order={3} size="h5">
            {t('giving.latest')}
          </Title>
          {gifts.data!.data.map((gift) => (
            <Group key={gift.id} justify="space-between" wrap="nowrap" data-testid="giving-gift">
              <Anchor component={Link} to={`/gifts/${gift.id}`} size="sm">
                {formatDay(gift.receivedOn, i18n.language)} · {t(`kind.${gift.kind}`)}
                {gift.netAmount !== null && (
                  <>
                    {' · '}
                    <Money minor={gift.netAmount} currency={gift.currency} />
                  </>
                )}
              </Anchor>
              <ThankedBadge thanked={gift.thanks.length > 0} />
            </Group>
          ))}
          <Anchor component={Link} to={`/gifts?contactId=${contactId}`} size="sm">
            {t('giving.allGifts')}
          </Anchor>
        </Stack>
      )}
      <DonorReceipts contactId={contactId} canWrite={canWrite} />
      <ImpactReport contactId={contactId} canWrite={canWrite} />
    </Card>
  );
}
