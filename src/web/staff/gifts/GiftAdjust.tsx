import { Card, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { giftLimits } from '../../../shared/gifts';
import { parseMoney } from '../../money';
import { keys, send, useFormKey, type Gift } from './api';
import { today } from './gift-form';
import { fieldError, formatDay, Money, ProblemNote, SubmitOrCancel } from './ui';

type Action = 'refund' | 'correction' | 'write_off';

/** The appended history of a gift's money, and the forms that append to it. */
export function GiftAdjust({ gift, canWrite }: { gift: Gift; canWrite: boolean }) {
  const { t, i18n } = useTranslation('gifts');
  const actions: Action[] =
    gift.kind === 'pledge'
      ? ['write_off', 'correction']
      : gift.amount !== null
        ? ['refund', 'correction']
        : [];
  const [action, setAction] = useState<Action | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="gift-history">
      <Title order={2} size="h4" id="gift-history" mb="sm">
        {t('adjust.title')}
      </Title>
      {gift.adjustments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('adjust.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="adjustments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adjust.on')}</Table.Th>
                <Table.Th>{t('adjust.what')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('adjust.change')}</Table.Th>
                <Table.Th>{t('adjust.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gift.adjustments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDay(a.occurredOn, i18n.language)}</Table.Td>
                  <Table.Td>{t(`adjust.${a.kind}`)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>
                    {a.delta > 0 ? '+' : '−'}
                    <Money minor={Math.abs(a.delta)} currency={gift.currency} />
                  </Table.Td>
                  <Table.Td>{a.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && actions.length > 0 && (
        <Stack mt="md" gap="sm">
          <SegmentedControl
            aria-label={t('adjust.choose')}
            value={action ?? ''}
            onChange={(v) => setAction(v as Action)}
            data={actions.map((a) => ({ value: a, label: t(`adjust.new_${a}`) }))}
            style={{ alignSelf: 'flex-start' }}
          />
          {action && (
            <AdjustForm key={action} gift={gift} action={action} done={() => setAction(null)} />
          )}
        </Stack>
      )}
    </Card>
  );
}

function AdjustForm({ gift, action, done }: { gift: Gift; action: Action; done: () => void }) {
  const { t, i18n } = useTranslation('gifts');
  const [amount, setAmount] = useState('');
  const [lower, setLower] = useState(true);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(today());
  const [local, setLocal] = useState<string | null>(null);
  const key = useFormKey();
  const client = useQueryClient();
  const path = { refund: 'refunds', correction: 'corrections', write_off: 'write-off' }[action];
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      send<Gift>(`/gifts/${gift.id}/${path}`, { method: 'POST', key, body }),
    onSuccess: async (g) => {
      client.setQueryData(keys.gift(g.id), g);
      await client.invalidateQueries({ queryKey: keys.gifts });
      await client.invalidateQueries({ queryKey: keys.giving(g.contact.id) });
      done();
    },
  });
  const submit = () => {
    const minor = parseMoney(amount, gift.currency, i18n.language);
    const r = reason.trim() || undefined;
    if (minor === null && !(action === 'write_off' && amount.trim() === ''))
      return setLocal(t('errors.amount'));
    if (action === 'correction' && !r) return setLocal(null);
    setLocal(null);
    if (action === 'refund') save.mutate({ amount: minor, reason: r, refundedOn: on });
    else if (action === 'correction') save.mutate({ delta: lower ? -minor! : minor, reason: r });
    else save.mutate({ amount: minor ?? undefined, reason: r });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm" maw={560}>
        {action === 'correction' && (
          <SegmentedControl
            aria-label={t('adjust.direction')}
            value={lower ? 'lower' : 'raise'}
            onChange={(v) => setLower(v === 'lower')}
            data={[
              { value: 'lower', label: t('adjust.lower') },
              { value: 'raise', label: t('adjust.raise') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        <TextInput
          label={action === 'write_off' ? t('adjust.writeOffAmount') : t('record.amount')}
          description={
            action === 'refund' && gift.netAmount !== null ? (
              <>
                {t('adjust.atMost')} <Money minor={gift.netAmount} currency={gift.currency} />
              </>
            ) : undefined
          }
          inputMode="decimal"
          autoComplete="off"
          required={action !== 'write_off'}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={local ?? fieldError(save.error, action === 'correction' ? 'delta' : 'amount')}
        />
        {action === 'refund' && (
          <TextInput
            type="date"
            label={t('adjust.refundedOn')}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={fieldError(save.error, 'refundedOn')}
          />
        )}
        <TextInput
          label={t('adjust.reason')}
          required={action === 'correction'}
          maxLength={giftLimits.textMax}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(save.error, 'reason')}
        />
        <ProblemNote error={save.error} />
        <SubmitOrCancel
          label={t(`adjust.save_${action}`)}
          pending={save.isPending}
          danger={action === 'refund'}
          onCancel={done}
        />
      </Stack>
    </form>
  );
}
