import {
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../../settings/ui';
import { moneyInput, parseMoney } from '../../../money';
import { ApiError, keys, send, useGiftSettings, usePermissions, type GiftSettings } from '../api';
import { fieldProblem } from '../problems';
import { CurrencyInput } from './CurrencyInput';
import { Section } from '../Section';

/** What receipts print about the organization, and how donors pay offline (the API's keys). */
const receiptFields = [
  'legalName',
  'registrationNumber',
  'address',
  'signatoryName',
  'signatoryTitle',
  'closingText',
];
const paymentFields = ['accountName', 'iban', 'bic', 'bankName', 'chequePayableTo', 'cashAt'];
const long = new Set(['address', 'closingText', 'cashAt']);

/** Settings → Gifts: default currency, the major-gift threshold, receipts, offline payments. */
export function GiftSettingsPage() {
  const { t } = useTranslation('stewardship');
  const settings = useGiftSettings();
  const [generation, setGeneration] = useState(0);
  if (settings.data)
    return (
      <SettingsForm
        key={generation}
        saved={settings.data}
        onReload={async () => {
          await settings.refetch();
          setGeneration((g) => g + 1);
        }}
      />
    );
  if (settings.error) return <ErrorNote error={settings.error} />;
  return <Text>{t('loading')}</Text>;
}

function SettingsForm(props: { saved: GiftSettings; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation('stewardship');
  const { saved } = props;
  const { can } = usePermissions();
  const readOnly = !can('funds.manage');
  const client = useQueryClient();
  const [currency, setCurrency] = useState(saved.currency);
  const [major, setMajor] = useState(
    saved.majorGiftAmount === null
      ? ''
      : moneyInput(saved.majorGiftAmount, saved.currency, i18n.language),
  );
  const [receipt, setReceipt] = useState<Record<string, string>>(() =>
    Object.fromEntries(receiptFields.map((f) => [f, saved.receipt[f] ?? ''])),
  );
  const [payment, setPayment] = useState<Record<string, string>>(() =>
    Object.fromEntries(paymentFields.map((f) => [f, saved.payment[f] ?? ''])),
  );
  const [justSaved, setJustSaved] = useState(false);
  const majorAmount = major.trim() ? parseMoney(major, currency, i18n.language) : null;
  const majorBad = major.trim() !== '' && majorAmount === null;
  const trimmed = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trim() || null]));
  const save = useMutation({
    mutationFn: () =>
      send<GiftSettings>('/gift-settings', {
        method: 'PUT',
        version: saved.version,
        body: {
          currency,
          majorGiftAmount: majorAmount,
          receipt: trimmed(receipt),
          payment: trimmed(payment),
        },
      }),
    onSuccess: (next) => {
      client.setQueryData(keys.settings, next);
      setJustSaved(true);
    },
  });
  const field = (
    group: 'receipt' | 'payment',
    name: string,
    values: Record<string, string>,
    set: (v: Record<string, string>) => void,
  ) => {
    const Input = long.has(name) ? Textarea : TextInput;
    return (
      <Input
        key={name}
        label={t(`gifts.${group}.${name}`)}
        value={values[name]}
        readOnly={readOnly}
        maxLength={long.has(name) ? 2000 : 200}
        {...(long.has(name) ? { autosize: true, minRows: 2 } : {})}
        error={fieldProblem(save.error, `${group}.${name}`)}
        onChange={(e) => {
          set({ ...values, [name]: e.currentTarget.value });
          setJustSaved(false);
        }}
      />
    );
  };
  return (
    <>
      <PageHeader title={t('gifts.title')} description={t('gifts.description')} />
      {readOnly && <ReadOnlyNote />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!majorBad) save.mutate();
        }}
      >
        <Stack gap="lg" maw={900}>
          <Card withBorder component="section" aria-labelledby="money-title">
            <Title order={2} size="h5" id="money-title" mb="sm">
              {t('gifts.money')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CurrencyInput
                label={t('gifts.currency')}
                value={currency}
                readOnly={readOnly}
                error={fieldProblem(save.error, 'currency')}
                onChange={(c) => {
                  setCurrency(c);
                  setJustSaved(false);
                }}
              />
              <TextInput
                label={t('gifts.majorGift', { currency })}
                description={t('gifts.majorGiftHelp')}
                inputMode="decimal"
                value={major}
                readOnly={readOnly}
                error={majorBad ? t('amountInvalid') : fieldProblem(save.error, 'majorGiftAmount')}
                onChange={(e) => {
                  setMajor(e.currentTarget.value);
                  setJustSaved(false);
                }}
              />
            </SimpleGrid>
          </Card>
          <Section id="receipt-title" title={t('gifts.receiptTitle')} help={t('gifts.receiptHelp')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {receiptFields.map((f) => field('receipt', f, receipt, setReceipt))}
            </SimpleGrid>
          </Section>
          <Section id="payment-title" title={t('gifts.paymentTitle')} help={t('gifts.paymentHelp')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {paymentFields.map((f) => field('payment', f, payment, setPayment))}
            </SimpleGrid>
          </Section>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={majorBad}>
                {t('save')}
              </Button>
              <SavedNote show={justSaved} />
            </Group>
          )}
          <ErrorNote error={save.error} />
          {save.error instanceof ApiError && save.error.code === 'precondition_failed' && (
            <Button variant="default" w="fit-content" onClick={() => void props.onReload()}>
              {t('reload')}
            </Button>
          )}
        </Stack>
      </form>
    </>
  );
}
