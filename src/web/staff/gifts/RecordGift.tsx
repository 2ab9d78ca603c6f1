import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { giftKinds, giftLimits, paymentMethods } from '../../../shared/gifts';
import type { Contact } from '../contacts/api';
import { ContactPicker } from '../contacts/ContactPicker';
import { api, keys, send, useFormKey, type Gift } from './api';
import { Designation } from './Designation';
import { emptyForm, giftBody, type GiftForm, type LocalProblem } from './gift-form';
import { KindFields } from './KindFields';
import { PledgeChoice } from './PledgeChoice';
import { fieldError, ProblemNote } from './ui';

const lastCurrency = 'tend.gifts.currency';
/** Currencies offered first; any ISO 4217 code the browser knows can be typed. */
const common = ['EUR', 'USD', 'GBP', 'PLN', 'UAH', 'CHF', 'SEK', 'NOK', 'DKK', 'CAD'];

/** The currency a new gift starts in: the organization's (gift settings), else the last used. */
function useDefaultCurrency(): string | null {
  const settings = useQuery({
    queryKey: ['gift-settings'],
    queryFn: () => api<{ currency?: string }>('/gift-settings'),
    retry: false,
  });
  if (settings.isPending) return null;
  return settings.data?.currency ?? localStorage.getItem(lastCurrency) ?? 'EUR';
}

/** Record a gift of any kind: donor, amount, designation across funds, soft credits. */
export function RecordGift() {
  const currency = useDefaultCurrency();
  const contactId = useSearchParams()[0].get('contact');
  const donor = useQuery({
    queryKey: ['contacts', contactId],
    queryFn: () => api<Contact>(`/contacts/${contactId}`),
    enabled: !!contactId,
  });
  if (!currency || (contactId && donor.isPending)) return null;
  return <GiftFormView currency={currency} donor={donor.data ?? null} />;
}

function GiftFormView({ currency, donor }: { currency: string; donor: Contact | null }) {
  const { t, i18n } = useTranslation('gifts');
  const [form, setForm] = useState<GiftForm>(() => emptyForm(currency, donor?.id ?? null));
  const [contact, setContact] = useState<Contact | null>(donor);
  const [local, setLocal] = useState<LocalProblem[]>([]);
  const key = useFormKey();
  const client = useQueryClient();
  const navigate = useNavigate();
  const set = (patch: Partial<GiftForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLocal([]);
  };
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      send<Gift>('/gifts', { method: 'POST', key, body }),
    onSuccess: async (gift) => {
      localStorage.setItem(lastCurrency, gift.currency);
      await client.invalidateQueries({ queryKey: keys.gifts });
      await client.invalidateQueries({ queryKey: keys.giving(gift.contact.id) });
      await navigate(`/gifts/${gift.id}`);
    },
  });
  /** The browser's own finding for a field first, then the API's. */
  const err = (path: string) => {
    const mine = local.find((p) => p.path === path);
    return mine ? t(mine.key) : fieldError(save.error, path);
  };
  const currencies = [
    ...new Set([form.currency, ...common, ...Intl.supportedValuesOf('currency')]),
  ];
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/gifts" size="sm">
        ← {t('list.title')}
      </Anchor>
      <Title order={1} size="h2">
        {t('record.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const out = giftBody(form, i18n.language);
          if ('problems' in out) setLocal(out.problems);
          else save.mutate(out.body);
        }}
      >
        <Stack gap="lg">
          <Card withBorder>
            <Stack>
              <NativeSelect
                label={t('record.kind')}
                description={t(`kindHelp.${form.kind}`)}
                value={form.kind}
                data={giftKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                onChange={(e) => set({ kind: e.currentTarget.value as GiftForm['kind'] })}
              />
              <ContactPicker
                label={form.kind === 'grant' ? t('record.funder') : t('record.donor')}
                required
                value={contact}
                onChange={(c) => {
                  setContact(c);
                  set({ contactId: c?.id ?? null, pledgeId: '' });
                }}
                error={err('contactId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('record.currency')}
                  value={form.currency}
                  data={currencies}
                  onChange={(e) => set({ currency: e.currentTarget.value })}
                  error={err('currency')}
                />
                <TextInput
                  type="date"
                  label={t('record.receivedOn')}
                  required
                  value={form.receivedOn}
                  onChange={(e) => set({ receivedOn: e.currentTarget.value })}
                  error={err('receivedOn')}
                />
              </SimpleGrid>
              <KindFields form={form} set={set} err={err} />
              <PledgeChoice form={form} set={set} err={err} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t('record.paymentMethod')}
                  value={form.paymentMethod}
                  data={[
                    { value: '', label: t('record.notSaid') },
                    ...paymentMethods.map((m) => ({ value: m, label: t(`payment.${m}`) })),
                  ]}
                  onChange={(e) => set({ paymentMethod: e.currentTarget.value })}
                  error={err('paymentMethod')}
                />
                <TextInput
                  label={t('record.campaign')}
                  maxLength={giftLimits.nameMax}
                  value={form.campaign}
                  onChange={(e) => set({ campaign: e.currentTarget.value })}
                  error={err('campaign')}
                />
                <TextInput
                  label={t('record.appeal')}
                  maxLength={giftLimits.nameMax}
                  value={form.appeal}
                  onChange={(e) => set({ appeal: e.currentTarget.value })}
                  error={err('appeal')}
                />
              </SimpleGrid>
            </Stack>
          </Card>
          <Designation form={form} set={set} err={err} />
          <ProblemNote error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('record.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
