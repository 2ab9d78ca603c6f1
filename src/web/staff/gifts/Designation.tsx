import {
  ActionIcon,
  Anchor,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { giftLimits, softCreditTypes } from '../../../shared/gifts';
import type { Contact } from '../contacts/api';
import { ContactPicker } from '../contacts/ContactPicker';
import { useFunds } from './api';
import { giftTotal, remainder } from './gift-form';
import type { PartProps } from './KindFields';
import { FormSection, Money } from './ui';

/** The split across funds (rows that must add up, the remainder shown live) and soft credits. */
export function Designation({ form, set, err }: PartProps) {
  const { t, i18n } = useTranslation('gifts');
  const funds = useFunds();
  const rows = form.allocations;
  const total = giftTotal(form, i18n.language);
  const left = remainder(form, i18n.language);
  return (
    <>
      <FormSection
        id="designation-title"
        title={t('record.designation')}
        help={t('record.designationHelp')}
      >
        <Stack gap="xs">
          {rows.map((row, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <NativeSelect
                style={{ flex: 2 }}
                label={t('record.fund', { n: i + 1 })}
                value={row.fundId ?? ''}
                data={[
                  { value: '', label: t('record.chooseFund') },
                  ...(funds.data?.data ?? []).map((f) => ({
                    value: f.id,
                    label: f.restricted ? `${f.name} (${t('fund.restricted')})` : f.name,
                  })),
                ]}
                onChange={(e) => {
                  const fundId = e.currentTarget.value || null;
                  set({ allocations: rows.map((r, j) => (j === i ? { ...r, fundId } : r)) });
                }}
                error={err(`allocations.${i}.fundId`)}
              />
              <TextInput
                style={{ flex: 1 }}
                label={t('record.fundAmount', { n: i + 1 })}
                inputMode="decimal"
                autoComplete="off"
                value={row.amount}
                onChange={(e) => {
                  const amount = e.currentTarget.value;
                  set({ allocations: rows.map((r, j) => (j === i ? { ...r, amount } : r)) });
                }}
                error={err(`allocations.${i}.amount`)}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mb={4}
                aria-label={t('record.removeFund', { n: i + 1 })}
                onClick={() => set({ allocations: rows.filter((_, j) => j !== i) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {rows.length < giftLimits.allocationsMax && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => set({ allocations: [...rows, { fundId: null, amount: '' }] })}
            >
              + {t('record.addFund')}
            </Anchor>
          )}
          {rows.length > 0 && (
            <Text
              size="sm"
              role="status"
              data-testid="remainder"
              c={left === null ? 'dimmed' : left === 0 ? 'teal.9' : 'red.9'}
              fw={500}
            >
              {total === null || left === null ? (
                t('record.remainderUnknown')
              ) : left === 0 ? (
                t('record.remainderNone')
              ) : left > 0 ? (
                <>
                  {t('record.remainderLeft')} <Money minor={left} currency={form.currency} />
                </>
              ) : (
                <>
                  {t('record.remainderOver')} <Money minor={-left} currency={form.currency} />
                </>
              )}
            </Text>
          )}
          {err('allocations') && (
            <Text size="sm" c="red.9">
              {err('allocations')}
            </Text>
          )}
        </Stack>
      </FormSection>
      <SoftCredits form={form} set={set} err={err} />
    </>
  );
}

/** Others who share the credit: a spouse, an employer's match, a tribute with whom to notify. */
function SoftCredits({ form, set, err }: PartProps) {
  const { t } = useTranslation('gifts');
  const rows = form.softCredits;
  // The pickers show a chosen contact's name: keep the chosen contacts beside the ids.
  const [picked, setPicked] = useState<Record<string, Contact>>({});
  const pick = (c: Contact | null) => c && setPicked((p) => ({ ...p, [c.id]: c }));
  const update = (i: number, patch: Partial<(typeof rows)[number]>) =>
    set({ softCredits: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <FormSection
      id="soft-credits-title"
      title={t('record.softCredits')}
      help={t('record.softCreditsHelp')}
    >
      <Stack gap="sm">
        {rows.map((row, i) => {
          const tribute = row.type === 'in_honour' || row.type === 'in_memory';
          return (
            <Fieldset key={i} legend={t('record.softCredit', { n: i + 1 })}>
              <Stack gap="xs">
                <ContactPicker
                  label={t('record.creditTo')}
                  required
                  value={row.contactId ? (picked[row.contactId] ?? null) : null}
                  onChange={(c) => {
                    pick(c);
                    update(i, { contactId: c?.id ?? null });
                  }}
                  error={err(`softCredits.${i}.contactId`)}
                />
                <Group grow align="flex-start">
                  <NativeSelect
                    label={t('record.creditType')}
                    value={row.type}
                    data={softCreditTypes.map((s) => ({ value: s, label: t(`softCredit.${s}`) }))}
                    onChange={(e) => update(i, { type: e.currentTarget.value })}
                    error={err(`softCredits.${i}.type`)}
                  />
                  <TextInput
                    label={t('record.creditAmount')}
                    description={t('record.creditAmountHelp')}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.amount}
                    onChange={(e) => update(i, { amount: e.currentTarget.value })}
                    error={err(`softCredits.${i}.amount`)}
                  />
                </Group>
                {tribute && (
                  <ContactPicker
                    label={t('record.notify')}
                    value={row.notifyContactId ? (picked[row.notifyContactId] ?? null) : null}
                    onChange={(c) => {
                      pick(c);
                      update(i, { notifyContactId: c?.id ?? null });
                    }}
                    error={err(`softCredits.${i}.notifyContactId`)}
                  />
                )}
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="red.9"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => set({ softCredits: rows.filter((_, j) => j !== i) })}
                >
                  {t('record.removeCredit', { n: i + 1 })}
                </Anchor>
              </Stack>
            </Fieldset>
          );
        })}
        {rows.length < giftLimits.softCreditsMax && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              set({
                softCredits: [
                  ...rows,
                  { contactId: null, type: 'spouse', amount: '', notifyContactId: null },
                ],
              })
            }
          >
            + {t('record.addCredit')}
          </Anchor>
        )}
      </Stack>
    </FormSection>
  );
}
