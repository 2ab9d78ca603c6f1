import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send, useFormKey } from './api';
import { today } from './gift-form';
import { formatDay, Money, ProblemNote, ThanksLanguageSelect } from './ui';

/** A donor's impact report as the API answers it. */
type Report = {
  from: string;
  to: string;
  language: string;
  gifts: {
    id: string;
    kind: string;
    receivedOn: string;
    currency: string;
    amount: number | null;
    whereMostNeeded: boolean;
    allocations: { fundId: string; fundName: string; programName: string | null; amount: number }[];
  }[];
  totals: { currency: string; amount: number }[];
  programs: {
    id: string;
    name: string;
    updates: {
      id: string;
      title: string;
      story: string;
      figures: { label: string; value: number; unit: string | null }[];
    }[];
  }[];
};

/** A year ago today (YYYY-MM-DD). */
const yearAgo = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return today(d);
};

/**
 * The impact report for a period: the donor's gifts, the funds each was allocated to, and the
 * updates of the programs those funds paid for; emailed to the donor on request.
 */
export function ImpactReport({ contactId, canWrite }: { contactId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation('gifts');
  const [from, setFrom] = useState(yearAgo);
  const [to, setTo] = useState(() => today());
  const [language, setLanguage] = useState('');
  const key = useFormKey();
  const query = new URLSearchParams({ from, to, ...(language ? { language } : {}) });
  const report = useQuery({
    queryKey: ['impact', contactId, query.toString()],
    queryFn: () => api<Report>(`/contacts/${contactId}/impact?${query.toString()}`),
    enabled: from !== '' && to !== '',
    placeholderData: keepPreviousData,
  });
  const email = useMutation({
    mutationFn: () =>
      send<{ recipient: string }>(`/contacts/${contactId}/impact/email`, {
        method: 'POST',
        key: `${key}:${query.toString()}`,
        body: { from, to, ...(language ? { language } : {}) },
      }),
  });
  const r = report.data;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Stack gap="xs" mt="md" data-testid="impact-report">
      <Title order={3} size="h5">
        {t('impact.title')}
      </Title>
      <Group grow align="flex-end" gap="xs">
        <TextInput
          size="xs"
          type="date"
          label={t('impact.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          type="date"
          label={t('impact.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <ThanksLanguageSelect
          size="xs"
          label={t('impact.language')}
          value={language}
          onChange={setLanguage}
        />
      </Group>
      <ProblemNote error={report.error} />
      {r && r.gifts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('impact.none')}
        </Text>
      )}
      {r && r.gifts.length > 0 && (
        <>
          <List size="sm" spacing={4}>
            {r.gifts.map((g) => (
              <List.Item key={g.id}>
                {formatDay(g.receivedOn, i18n.language)} ·{' '}
                {g.amount !== null ? (
                  <Money minor={g.amount} currency={g.currency} />
                ) : (
                  t(`kind.${g.kind}`)
                )}{' '}
                →{' '}
                {g.whereMostNeeded
                  ? t('impact.mostNeeded')
                  : g.allocations
                      .map((a) => (a.programName ? `${a.fundName} (${a.programName})` : a.fundName))
                      .join(', ')}
              </List.Item>
            ))}
          </List>
          {r.programs.map((p) => (
            <Stack key={p.id} gap={2}>
              <Text size="sm" fw={700}>
                {p.name}
              </Text>
              {p.updates.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('impact.noUpdates')}
                </Text>
              )}
              {p.updates.map((u) => (
                <Stack key={u.id} gap={0}>
                  <Text size="sm" fw={500}>
                    {u.title}
                  </Text>
                  {u.figures.length > 0 && (
                    <Text size="sm">
                      {u.figures
                        .map(
                          (f) =>
                            `${number.format(f.value)}${f.unit ? ` ${f.unit}` : ''} ${f.label}`,
                        )
                        .join(' · ')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" lineClamp={3}>
                    {u.story}
                  </Text>
                </Stack>
              ))}
            </Stack>
          ))}
          {canWrite && (
            <Group>
              <Button
                size="xs"
                variant="default"
                loading={email.isPending}
                onClick={() => email.mutate()}
              >
                {t('impact.email')}
              </Button>
            </Group>
          )}
        </>
      )}
      {email.data && (
        <Alert color="teal" variant="light" role="status">
          {t('impact.sent', { recipient: email.data.recipient })}
        </Alert>
      )}
      <ProblemNote error={email.error} />
    </Stack>
  );
}
