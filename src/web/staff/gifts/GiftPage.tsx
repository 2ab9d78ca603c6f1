import type { TFunction } from 'i18next';
import { Anchor, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, keys, usePermissions, type Gift } from './api';
import { Deliverables } from './Deliverables';
import { GiftAdjust } from './GiftAdjust';
import { GiftReceipts } from './GiftReceipts';
import { GiftThanks } from './GiftThanks';
import { formatDay, Money, ProblemNote } from './ui';

/** One gift: amounts net of refunds, designation, soft credits, history, thanks and receipts. */
export function GiftPage() {
  const { t, i18n } = useTranslation('gifts');
  const id = useParams().id!;
  const { can } = usePermissions();
  const gift = useQuery({ queryKey: keys.gift(id), queryFn: () => api<Gift>(`/gifts/${id}`) });
  if (gift.error instanceof ApiError && gift.error.status === 404)
    return <Text>{t('errors.giftNotFound')}</Text>;
  if (gift.error) return <ProblemNote error={gift.error} />;
  if (!gift.data) return <Text>{t('loading')}</Text>;
  const g = gift.data;
  const money = (minor: number) => <Money minor={minor} currency={g.currency} />;
  const details = Object.entries(g.details).filter(
    ([, v]) => v !== null && v !== undefined && typeof v !== 'object',
  );
  const period = g.details.period as { from: string; to: string } | undefined;
  const schedule = g.details.schedule as
    { frequency: string; installments?: number; firstDueOn?: string } | null | undefined;
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/gifts" size="sm">
        ← {t('list.title')}
      </Anchor>
      <Group gap="sm" align="baseline">
        <Title order={1} size="h2">
          {g.amount !== null
            ? t('gift.title', {
                kind: t(`kind.${g.kind}`),
                name: g.contact.name,
              })
            : t('gift.titleNoAmount', { kind: t(`kind.${g.kind}`), name: g.contact.name })}
        </Title>
      </Group>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder component="section" aria-labelledby="gift-facts">
            <Title order={2} size="h4" id="gift-facts" mb="sm">
              {t('gift.facts')}
            </Title>
            <Table variant="vertical" withRowBorders={false} data-testid="gift-facts">
              <Table.Tbody>
                <Row label={t('list.donor')}>
                  <Anchor component={Link} to={`/contacts/${g.contact.id}`}>
                    {g.contact.name}
                  </Anchor>
                </Row>
                {g.amount !== null && <Row label={t('gift.recorded')}>{money(g.amount)}</Row>}
                {g.netAmount !== null && (
                  <Row label={t('gift.net')}>
                    <Text fw={700} span data-testid="net-amount">
                      {money(g.netAmount)}
                    </Text>
                  </Row>
                )}
                {g.refunded > 0 && <Row label={t('gift.refunded')}>{money(g.refunded)}</Row>}
                {g.pledge && (
                  <>
                    <Row label={t('gift.paid')}>{money(g.pledge.paid)}</Row>
                    <Row label={t('gift.writtenOff')}>{money(g.pledge.writtenOff)}</Row>
                    <Row label={t('gift.balance')}>{money(g.pledge.balance)}</Row>
                  </>
                )}
                <Row label={t('list.received')}>{formatDay(g.receivedOn, i18n.language)}</Row>
                {g.paymentMethod && (
                  <Row label={t('record.paymentMethod')}>{t(`payment.${g.paymentMethod}`)}</Row>
                )}
                {g.campaign && <Row label={t('record.campaign')}>{g.campaign}</Row>}
                {g.appeal && <Row label={t('record.appeal')}>{g.appeal}</Row>}
                {g.pledgeId && (
                  <Row label={t('gift.pledge')}>
                    <Anchor component={Link} to={`/gifts/${g.pledgeId}`}>
                      {t('gift.openPledge')}
                    </Anchor>
                  </Row>
                )}
                {period && (
                  <Row label={t('gift.period')}>
                    {formatDay(period.from, i18n.language)} – {formatDay(period.to, i18n.language)}
                  </Row>
                )}
                {schedule && (
                  <Row label={t('gift.schedule')}>
                    {t(`frequency.${schedule.frequency}`)}
                    {schedule.installments ? ` × ${schedule.installments}` : ''}
                    {schedule.firstDueOn
                      ? ` · ${formatDay(schedule.firstDueOn, i18n.language)}`
                      : ''}
                  </Row>
                )}
                {details.map(([k, v]) => (
                  <Row key={k} label={t(`detail.${k}`, { defaultValue: k })}>
                    {detailValue(k, v, g.currency, t, i18n.language)}
                  </Row>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <GiftThanks gift={g} canWrite={can('gifts.write')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder component="section" aria-labelledby="gift-designation">
            <Title order={2} size="h4" id="gift-designation" mb="sm">
              {t('record.designation')}
            </Title>
            {g.allocations.length === 0 ? (
              <Text c="dimmed">{t('gift.undesignated')}</Text>
            ) : (
              <Table data-testid="allocations">
                <Table.Tbody>
                  {g.allocations.map((a) => (
                    <Table.Tr key={a.fundId}>
                      <Table.Td>{a.fundName}</Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{money(a.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('record.softCredits')}
            </Title>
            {g.softCredits.length === 0 ? (
              <Text c="dimmed">{t('gift.noSoftCredits')}</Text>
            ) : (
              <Stack gap={4}>
                {g.softCredits.map((s) => (
                  <Text key={s.contactId + s.type} size="sm">
                    <Anchor component={Link} to={`/contacts/${s.contactId}`}>
                      {s.contactName}
                    </Anchor>{' '}
                    · {t(`softCredit.${s.type}`)}
                    {s.amount !== null && <> · {money(s.amount)}</>}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
        {g.deliverables.length > 0 && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder component="section" aria-labelledby="gift-deliverables">
              <Title order={2} size="h4" id="gift-deliverables" mb="sm">
                {t('record.deliverables')}
              </Title>
              <Deliverables gift={g} canWrite={can('gifts.write')} />
            </Card>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <GiftReceipts gift={g} canWrite={can('gifts.write')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <GiftAdjust gift={g} canWrite={can('gifts.write')} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

const moneyDetails = new Set(['donorDeclaredValue', 'fairMarketValue', 'hourlyRate']);

/** A kind's own fact as words: money formatted, vocabulary translated. */
function detailValue(
  key: string,
  value: unknown,
  currency: string,
  t: TFunction<'gifts'>,
  language: string,
): React.ReactNode {
  if (moneyDetails.has(key) && typeof value === 'number')
    return <Money minor={value} currency={currency} />;
  if (key === 'frequency') return t(`frequency.${String(value)}`);
  if (key === 'condition') return t(`condition.${String(value)}`);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatDay(value, language);
  return String(value);
}
