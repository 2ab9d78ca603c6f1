import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseMoney, moneyInput } from '../../money';
import { dateTime } from '../due';
import { api, keys, send, useFormKey, usePermissions, type Donation, type List } from './api';
import { today } from './gift-form';
import { fieldError, Money, PageHeading, ProblemNote, SubmitOrCancel } from './ui';

/** Donations pledged in the portal and paid offline, waiting to be marked received or cancelled. */
export function Donations() {
  const { t, i18n } = useTranslation('gifts');
  const { can } = usePermissions();
  const [acting, setActing] = useState<{ donation: Donation; what: 'receive' | 'cancel' } | null>(
    null,
  );
  const donations = useQuery({
    queryKey: [...keys.donations, 'pending'],
    queryFn: () => api<List<Donation>>('/donations?status=pending&limit=200'),
  });
  const rows = donations.data?.data ?? [];
  return (
    <Stack maw={1100}>
      <PageHeading title={t('donations.title')} description={t('donations.description')} />
      <ProblemNote error={donations.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('donations.title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('donations.reference')}</Table.Th>
              <Table.Th>{t('list.donor')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('list.amount')}</Table.Th>
              <Table.Th>{t('record.paymentMethod')}</Table.Th>
              <Table.Th>{t('donations.since')}</Table.Th>
              {can('gifts.write') && <Table.Th>{t('queue.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => {
              const method = d.paymentMethod;
              return (
                <Table.Tr key={d.id} data-testid="donation">
                  <Table.Td>{d.reference}</Table.Td>
                  <Table.Td>
                    {d.contact ? (
                      <Anchor component={Link} to={`/contacts/${d.contact.id}`}>
                        {d.contact.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>
                    <Money minor={d.amount} currency={d.currency} />
                  </Table.Td>
                  <Table.Td>{t(`payment.${method}`)}</Table.Td>
                  <Table.Td>{dateTime(d.createdAt, i18n.language)}</Table.Td>
                  {can('gifts.write') && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          onClick={() => setActing({ donation: d, what: 'receive' })}
                          aria-label={t('donations.receiveFor', { reference: d.reference })}
                        >
                          {t('donations.receive')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setActing({ donation: d, what: 'cancel' })}
                          aria-label={t('donations.cancelFor', { reference: d.reference })}
                        >
                          {t('donations.cancel')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {donations.data && rows.length === 0 && <Text c="dimmed">{t('donations.empty')}</Text>}
      <Modal
        closeButtonProps={{ 'aria-label': t('close') }}
        opened={acting !== null}
        onClose={() => setActing(null)}
        title={
          acting
            ? t(acting.what === 'receive' ? 'donations.receiveTitle' : 'donations.cancelTitle', {
                reference: acting.donation.reference,
              })
            : ''
        }
      >
        {acting && (
          <Act
            key={acting.donation.id + acting.what}
            donation={acting.donation}
            what={acting.what}
            done={() => setActing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function Act(props: { donation: Donation; what: 'receive' | 'cancel'; done: () => void }) {
  const { donation: d, what, done } = props;
  const { t, i18n } = useTranslation('gifts');
  const [on, setOn] = useState(today());
  const [amount, setAmount] = useState(moneyInput(d.amount, d.currency, i18n.language));
  const [local, setLocal] = useState<string | null>(null);
  const key = useFormKey();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      send<unknown>(`/donations/${d.id}/${what}`, { method: 'POST', key, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.donations });
      await client.invalidateQueries({ queryKey: keys.gifts });
      done();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (what === 'cancel') return act.mutate({});
        const minor = parseMoney(amount, d.currency, i18n.language);
        if (minor === null) return setLocal(t('errors.amount'));
        setLocal(null);
        act.mutate({ receivedOn: on, ...(minor === d.amount ? {} : { amount: minor }) });
      }}
    >
      <Stack>
        {what === 'receive' ? (
          <>
            <TextInput
              type="date"
              label={t('record.receivedOn')}
              required
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              error={fieldError(act.error, 'receivedOn')}
            />
            <TextInput
              label={t('donations.amountReceived', { currency: d.currency })}
              description={t('donations.amountHelp')}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={local ?? fieldError(act.error, 'amount')}
            />
          </>
        ) : (
          <Text>{t('donations.cancelSure')}</Text>
        )}
        <ProblemNote error={act.error} />
        <SubmitOrCancel
          label={what === 'receive' ? t('donations.receive') : t('donations.cancel')}
          pending={act.isPending}
          danger={what === 'cancel'}
          onCancel={done}
        />
      </Stack>
    </form>
  );
}
