import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { formatMoney } from '../../money';
import { api } from '../api';
import { usePortalMe } from '../session';
import {
  receiptPdf,
  useMyDonations,
  useMyGifts,
  useMyStatements,
  type MyDonation,
  type MyGift,
} from './api';
import { Instructions } from './Instructions';

const statusColor = { pending: 'orange', received: 'green', cancelled: 'gray' } as const;

/** My giving: offers waiting for my payment (with how to pay), my gifts and their receipts. */
export function MyGiving() {
  const { t } = useTranslation('giving');
  const me = usePortalMe();
  const donations = useMyDonations(!!me.data);
  const gifts = useMyGifts(!!me.data);
  const statements = useMyStatements(!!me.data);
  if (me.isPending) return <Loader aria-label="…" />;
  if (!me.data) return <Navigate to="/sign-in?next=/giving" replace />;
  const offers = donations.data?.data ?? [];
  const pending = offers.filter((o) => o.status === 'pending');
  // A pledge waiting for its confirmation is among the offers; the recorded ones are listed here.
  const pledges = offers.filter(
    (o) => o.kind === 'pledge' && o.status === 'received' && o.instructions,
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('giving.title')}</Title>
        <Button component={Link} to="/give" variant="light">
          {t('giving.give')}
        </Button>
      </Group>
      <Text c="dimmed">{me.data.name}</Text>
      <section aria-labelledby="giving-offers">
        <Title order={2} size="h3" id="giving-offers" mb="sm">
          {t('giving.offers')}
        </Title>
        {donations.isSuccess && pending.length === 0 && <Text>{t('giving.noOffers')}</Text>}
        <Stack gap="sm">
          {pending.map((o) => (
            <PendingOffer key={o.id} offer={o} />
          ))}
        </Stack>
      </section>
      {pledges.length > 0 && (
        <section aria-labelledby="giving-pledges">
          <Title order={2} size="h3" id="giving-pledges" mb="sm">
            {t('giving.pledges')}
          </Title>
          <Stack gap="sm">
            {pledges.map((o) => (
              <PendingOffer key={o.id} offer={o} />
            ))}
          </Stack>
        </section>
      )}
      {gifts.data !== null && (
        <section aria-labelledby="giving-gifts">
          <Title order={2} size="h3" id="giving-gifts" mb="sm">
            {t('giving.gifts')}
          </Title>
          {gifts.isPending && <Loader size="sm" aria-label="…" />}
          {gifts.isSuccess && gifts.data.length === 0 && <Text>{t('giving.noGifts')}</Text>}
          {gifts.isSuccess && gifts.data.length > 0 && <GiftTable gifts={gifts.data} />}
        </section>
      )}
      {statements.data && statements.data.length > 0 && (
        <section aria-labelledby="giving-statements">
          <Title order={2} size="h3" id="giving-statements" mb="sm">
            {t('giving.statements')}
          </Title>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {statements.data.map((s) => (
              <li key={s.id}>
                <Anchor href={receiptPdf(s.id)} download>
                  {t('giving.statement', { year: s.year, number: s.number })}
                </Anchor>
              </li>
            ))}
          </Stack>
        </section>
      )}
      {offers.length > 0 && (
        <section aria-labelledby="giving-history">
          <Title order={2} size="h3" id="giving-history" mb="sm">
            {t('giving.history')}
          </Title>
          <OfferTable offers={offers} />
        </section>
      )}
    </Stack>
  );
}

function PendingOffer({ offer }: { offer: MyDonation }) {
  const { t, i18n } = useTranslation('giving');
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api<MyDonation>(`/portal/donations/${offer.id}/cancel`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'donations'] }),
  });
  // A pledge from the public form is recorded once the person behind the address confirms it.
  const unconfirmed = offer.kind === 'pledge' && offer.status === 'pending';
  const confirm = useMutation({
    mutationFn: () => api<MyDonation>(`/portal/donations/${offer.id}/confirm`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
  return (
    <Card withBorder padding="md" data-testid={`offer-${offer.status}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={700}>{offer.reference}</Text>
          <Text>
            {formatMoney(offer.amount, offer.currency, i18n.language)}
            {offer.fund ? ` · ${offer.fund.name}` : ''}
          </Text>
        </Group>
        {offer.instructions && <Instructions instructions={offer.instructions} />}
        {unconfirmed && <Text size="sm">{t('giving.confirmNote')}</Text>}
        {cancel.isError && <Alert color="red">{cancel.error.message}</Alert>}
        {confirm.isError && <Alert color="red">{confirm.error.message}</Alert>}
        {unconfirmed && (
          <Button
            onClick={() => confirm.mutate()}
            loading={confirm.isPending}
            style={{ alignSelf: 'flex-start' }}
            aria-label={`${t('giving.confirm')} ${offer.reference}`}
          >
            {t('giving.confirm')}
          </Button>
        )}
        {offer.status === 'pending' && (
          <Button
            variant="subtle"
            color="red"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
            style={{ alignSelf: 'flex-start' }}
            aria-label={`${t('giving.cancel')} ${offer.reference}`}
          >
            {t('giving.cancel')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function GiftTable({ gifts }: { gifts: MyGift[] }) {
  const { t, i18n } = useTranslation('giving');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped aria-label={t('giving.gifts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('giving.date')}</Table.Th>
            <Table.Th>{t('giving.kind')}</Table.Th>
            <Table.Th>{t('giving.amount')}</Table.Th>
            <Table.Th>{t('giving.receipts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gifts.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{date.format(new Date(`${g.receivedOn}T00:00:00Z`))}</Table.Td>
              <Table.Td>
                {t(`kinds.${g.kind}`, { defaultValue: g.kind })}
                {g.funds.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {g.funds.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {g.amount === null ? '—' : formatMoney(g.amount, g.currency, i18n.language)}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {g.receipts.map((r) => (
                    <Anchor key={r.id} href={receiptPdf(r.id)} download>
                      {t('giving.receipt', { number: r.number })}
                    </Anchor>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OfferTable({ offers }: { offers: MyDonation[] }) {
  const { t, i18n } = useTranslation('giving');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped aria-label={t('giving.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('giving.reference')}</Table.Th>
            <Table.Th>{t('giving.amount')}</Table.Th>
            <Table.Th>{t('giving.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                {o.reference}
                <Text size="xs" c="dimmed">
                  {t(`kinds.${o.kind}`)} · {date.format(new Date(o.createdAt))}
                </Text>
              </Table.Td>
              <Table.Td>{formatMoney(o.amount, o.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[o.status]}>
                  {t(`giving.statuses.${o.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
