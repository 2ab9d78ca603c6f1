import {
  ActionIcon,
  Anchor,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { giftFrequencies, giftLimits, inKindConditions } from '../../../shared/gifts';
import { amountKinds, type GiftForm } from './gift-form';

/** The props every part of the record-gift form takes. */
export type PartProps = {
  form: GiftForm;
  set: (patch: Partial<GiftForm>) => void;
  err: (path: string) => string | undefined;
};

/** The fields of the chosen kind: amount, schedule, goods, hours, grant period, deliverables… */
export function KindFields({ form, set, err }: PartProps) {
  const { t } = useTranslation('gifts');
  const k = form.kind;
  const text = (name: keyof GiftForm, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={form[name] as string}
      onChange={(e) => set({ [name]: e.currentTarget.value })}
      error={err(name)}
      {...extra}
    />
  );
  const amount = (name: keyof GiftForm, label: string, required: boolean) =>
    text(name, label, { inputMode: 'decimal', required, autoComplete: 'off' });
  const frequency = (
    <NativeSelect
      label={t('record.frequency')}
      value={form.frequency}
      data={giftFrequencies.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
      onChange={(e) => set({ frequency: e.currentTarget.value })}
      error={err('frequency') ?? err('schedule.frequency')}
    />
  );
  return (
    <>
      {amountKinds.includes(k) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {amount(
            'amount',
            k === 'pledge'
              ? t('record.promised')
              : k === 'bequest_intention'
                ? t('record.expected')
                : t('record.amount'),
            k !== 'bequest_intention',
          )}
          {k === 'recurring' && frequency}
          {k === 'sponsorship' && text('sponsored', t('record.sponsored'))}
        </SimpleGrid>
      )}
      {k === 'pledge' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {frequency}
          {text('installments', t('record.installments'), { inputMode: 'numeric' })}
          {text('firstDueOn', t('record.firstDueOn'), { type: 'date' })}
        </SimpleGrid>
      )}
      {(k === 'in_kind' || k === 'pro_bono') && (
        <Textarea
          label={k === 'in_kind' ? t('record.goods') : t('record.service')}
          required
          autosize
          minRows={2}
          maxLength={giftLimits.textMax}
          value={form.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={err('description')}
        />
      )}
      {k === 'in_kind' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('record.condition')}
            value={form.condition}
            data={[
              { value: '', label: t('record.notSaid') },
              ...inKindConditions.map((c) => ({ value: c, label: t(`condition.${c}`) })),
            ]}
            onChange={(e) => set({ condition: e.currentTarget.value })}
          />
          {amount('donorDeclaredValue', t('record.declared'), false)}
          {amount('fairMarketValue', t('record.fairMarket'), false)}
        </SimpleGrid>
      )}
      {k === 'pro_bono' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('hours', t('record.hours'), { inputMode: 'decimal', required: true })}
          {amount('hourlyRate', t('record.rate'), true)}
        </SimpleGrid>
      )}
      {k === 'grant' && <GrantFields form={form} set={set} err={err} />}
      {k === 'bequest_intention' && (
        <Textarea
          label={t('record.note')}
          autosize
          maxLength={giftLimits.textMax}
          value={form.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
        />
      )}
    </>
  );
}

function GrantFields({ form, set, err }: PartProps) {
  const { t } = useTranslation('gifts');
  const rows = form.deliverables;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('record.periodFrom')}
          required
          value={form.periodFrom}
          onChange={(e) => set({ periodFrom: e.currentTarget.value })}
          error={err('period.from') ?? err('period')}
        />
        <TextInput
          type="date"
          label={t('record.periodTo')}
          required
          value={form.periodTo}
          onChange={(e) => set({ periodTo: e.currentTarget.value })}
          error={err('period.to')}
        />
      </SimpleGrid>
      <Fieldset legend={t('record.deliverables')}>
        {rows.map((row, i) => (
          <Group key={i} align="flex-end" mb="xs">
            <TextInput
              style={{ flex: '1 1 220px' }}
              label={t('record.deliverable', { n: i + 1 })}
              value={row.description}
              onChange={(e) => {
                const description = e.currentTarget.value;
                set({ deliverables: rows.map((r, j) => (j === i ? { ...r, description } : r)) });
              }}
              error={err(`deliverables.${i}.description`)}
            />
            <TextInput
              type="date"
              label={t('record.dueOn')}
              value={row.dueOn}
              onChange={(e) => {
                const dueOn = e.currentTarget.value;
                set({ deliverables: rows.map((r, j) => (j === i ? { ...r, dueOn } : r)) });
              }}
              error={err(`deliverables.${i}.dueOn`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mb={4}
              aria-label={t('record.remove', { n: i + 1 })}
              onClick={() => set({ deliverables: rows.filter((_, j) => j !== i) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => set({ deliverables: [...rows, { description: '', dueOn: '' }] })}
        >
          + {t('record.addDeliverable')}
        </Anchor>
      </Fieldset>
    </>
  );
}
