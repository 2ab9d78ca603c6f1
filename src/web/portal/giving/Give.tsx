import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newKey } from '../../ids';
import { formatMoney, parseMoney } from '../../money';
import { api, ApiError, publicPath } from '../api';
import { usePortalMe } from '../session';
import { useGivingOptions, type GivingOptions, type Offer } from './api';
import { Confirmation } from './Confirmation';
import { Honeypot } from '../Honeypot';

type Kind = 'one_time' | 'recurring' | 'pledge';

/** The give page: once, regularly or a pledge; signed in, or as a visitor with name and email. */
export function Give() {
  const { t } = useTranslation('giving');
  const options = useGivingOptions();
  const me = usePortalMe();
  if (options.isPending || me.isPending) return <Loader aria-label="…" />;
  if (options.isError) return <Alert color="red">{options.error.message}</Alert>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('give.title')}</Title>
      <Text>{t('give.intro')}</Text>
      {options.data.methods.length === 0 ? (
        <Alert color="yellow">{t('give.noMethods')}</Alert>
      ) : (
        <GiveForm options={options.data} donorName={me.data?.name ?? null} />
      )}
    </Stack>
  );
}

function GiveForm({ options, donorName }: { options: GivingOptions; donorName: string | null }) {
  const { t, i18n } = useTranslation('giving');
  const client = useQueryClient();
  const language = i18n.language;
  const [currency, setCurrency] = useState(options.currencies[0]!.currency);
  const range = options.currencies.find((c) => c.currency === currency)!;
  const [kind, setKind] = useState<Kind>('one_time');
  const [preset, setPreset] = useState<number | null>(options.presets[1] ?? null);
  const [custom, setCustom] = useState('');
  const [frequency, setFrequency] = useState('monthly');
  const [installments, setInstallments] = useState<number | string>('');
  const [fundId, setFundId] = useState('');
  const [method, setMethod] = useState(options.methods[0]!);
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState(''); // the honeypot: people leave it empty
  const [key, setKey] = useState(() => newKey());
  const [amountError, setAmountError] = useState<string | null>(null);

  const amount = custom.trim() ? parseMoney(custom, currency, language) : preset;
  const money = (minor: number) => formatMoney(minor, currency, language);
  const send = useMutation({
    mutationFn: (minor: number) => {
      const body = {
        kind,
        amount: minor,
        currency,
        paymentMethod: method,
        ...(fundId ? { fundId } : {}),
        ...(kind === 'recurring' || (kind === 'pledge' && frequency) ? { frequency } : {}),
        ...(kind === 'pledge' && installments !== '' ? { installments: Number(installments) } : {}),
        ...(note.trim() ? { note } : {}),
      };
      const headers = { 'idempotency-key': key };
      return donorName
        ? api<Offer>('/portal/donations', { method: 'POST', body, headers })
        : api<Offer>(publicPath('/donations'), {
            method: 'POST',
            headers,
            body: { ...body, name, email, language, website },
          });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'donations'] }),
  });
  const problems = send.error instanceof ApiError ? send.error.details : [];
  const problem = (field: string) =>
    problems.some((p) => p.path === field) ? t('give.checkField') : undefined;

  if (send.data)
    return (
      <Confirmation
        offer={send.data}
        signedIn={donorName !== null}
        onAgain={() => {
          setKey(newKey());
          send.reset();
        }}
      />
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (amount === null || amount < range.minAmount || amount > range.maxAmount) {
      setAmountError(
        t('give.badAmount', { min: money(range.minAmount), max: money(range.maxAmount) }),
      );
      return;
    }
    setAmountError(null);
    send.mutate(amount);
  };
  const shown = amount !== null ? money(amount) : '';
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600} id="give-kind">
            {t('give.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="give-kind"
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={options.kinds.map((k) => ({ value: k, label: t(`give.kinds.${k}`) }))}
            fullWidth
          />
          {kind === 'pledge' && <Text size="sm">{t('give.pledgeHint')}</Text>}
        </Stack>
        {kind !== 'one_time' && (
          <Group grow align="flex-start">
            <NativeSelect
              label={t('give.frequency')}
              value={frequency}
              onChange={(e) => setFrequency(e.currentTarget.value)}
              data={[
                ...(kind === 'pledge' ? [{ value: '', label: t('give.frequencyNone') }] : []),
                ...options.frequencies.map((f) => ({ value: f, label: t(`frequencies.${f}`) })),
              ]}
            />
            {kind === 'pledge' && (
              <NumberInput
                label={t('give.installments')}
                min={1}
                max={120}
                allowDecimal={false}
                value={installments}
                onChange={setInstallments}
              />
            )}
          </Group>
        )}
        {options.currencies.length > 1 && (
          <NativeSelect
            label={t('give.currency')}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            data={options.currencies.map((c) => c.currency)}
          />
        )}
        <Stack gap={4}>
          <Text fw={600} id="give-presets">
            {t('give.presets')}
          </Text>
          <Group gap="xs" role="group" aria-labelledby="give-presets">
            {options.presets.map((p) => (
              <Button
                key={p}
                type="button"
                variant={!custom.trim() && preset === p ? 'filled' : 'default'}
                aria-pressed={!custom.trim() && preset === p}
                onClick={() => {
                  setPreset(p);
                  setCustom('');
                }}
              >
                {money(p)}
              </Button>
            ))}
          </Group>
          <TextInput
            label={t('give.custom', { currency })}
            inputMode="decimal"
            autoComplete="off"
            value={custom}
            onChange={(e) => setCustom(e.currentTarget.value)}
            description={t('give.amountRange', {
              min: money(range.minAmount),
              max: money(range.maxAmount),
            })}
            error={amountError ?? problem('amount')}
          />
        </Stack>
        {options.funds.length > 0 && (
          <NativeSelect
            label={t('give.fund')}
            value={fundId}
            onChange={(e) => setFundId(e.currentTarget.value)}
            data={[
              { value: '', label: t('give.anyFund') },
              ...options.funds.map((f) => ({ value: f.id, label: f.name })),
            ]}
            error={problem('fundId')}
          />
        )}
        <Radio.Group
          label={t('give.method')}
          value={method}
          onChange={setMethod}
          error={problem('paymentMethod')}
        >
          <Stack gap="xs" mt={4}>
            {options.methods.map((m) => (
              <Radio key={m} value={m} label={t(`methods.${m}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('give.note')}
          maxLength={500}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {donorName ? (
          <Text c="dimmed">{t('give.givingAs', { name: donorName })}</Text>
        ) : (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('give.you')}
            </Title>
            <TextInput
              label={t('give.name')}
              required
              maxLength={200}
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problem('name')}
            />
            <TextInput
              label={t('give.email')}
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              description={t('give.emailHint')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problem('email')}
            />
            <Honeypot value={website} onChange={setWebsite} />
            <Anchor component={Link} to="/sign-in?next=/giving">
              {t('give.signIn')}
            </Anchor>
          </Stack>
        )}
        {send.isError && problems.length === 0 && (
          <Alert color="red" role="alert">
            {t('give.failed', { message: send.error.message })}
          </Alert>
        )}
        <Button
          type="submit"
          size="md"
          loading={send.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {send.isPending
            ? t('give.sending')
            : t(kind === 'pledge' ? 'give.submitPledge' : 'give.submit', { amount: shown })}
        </Button>
      </Stack>
    </Card>
  );
}
