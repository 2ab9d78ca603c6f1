import { Card, List, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useOrganization, type Policy } from '../api';
import { formatMoment, instantToZoned, zonedToInstant } from '../format';

type Preview = {
  arrivesAt: string;
  targets: { target: string; dueAt: string; warnAt: string | null }[];
};

/** Next Friday at 17:30 on the wall clock of `timeZone`, as `YYYY-MM-DDTHH:MM`. */
function nextFridayEvening(timeZone: string): string {
  const today = instantToZoned(new Date(), timeZone).slice(0, 10);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7 || 7));
  return `${day.toISOString().slice(0, 10)}T17:30`;
}

/** When each promise of the saved policy would fall due, in the organization's time zone. */
export function PolicyPreview({ policy }: { policy: Policy }) {
  const org = useOrganization();
  return org.data ? <Preview policy={policy} timeZone={org.data.timeZone} /> : null;
}

function Preview({ policy, timeZone }: { policy: Policy; timeZone: string }) {
  const { t, i18n } = useTranslation('settings');
  const [arrival, setArrival] = useState(() => nextFridayEvening(timeZone));
  const [asked] = useDebouncedValue(arrival, 400);
  const preview = useQuery({
    queryKey: ['settings', 'policy-preview', policy.id, policy.version, asked],
    enabled: /T\d\d:\d\d/.test(asked),
    placeholderData: keepPreviousData,
    queryFn: () =>
      api<Preview>(
        `/promise-policies/${policy.id}/preview?arrivesAt=${encodeURIComponent(zonedToInstant(asked, timeZone).toISOString())}`,
      ),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="policy-preview-title">
      <Title order={2} size="h5" id="policy-preview-title">
        {t('policies.preview')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('policies.previewHelp')}
      </Text>
      <TextInput
        type="datetime-local"
        label={t('calendars.preview.arrival')}
        description={t('calendars.preview.inZone', { zone: timeZone })}
        value={arrival}
        onChange={(e) => setArrival(e.currentTarget.value)}
        maw={280}
      />
      {preview.data && (
        <List mt="sm" spacing={4} aria-live="polite" data-testid="policy-preview">
          {preview.data.targets.map((x) => (
            <List.Item key={x.target}>
              {t('policies.previewDue', {
                target: t(`clock.${x.target}`, { ns: 'translation' }),
                due: formatMoment(x.dueAt, i18n.language, timeZone),
              })}
              {x.warnAt && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  (
                  {t('policies.previewWarn', {
                    warn: formatMoment(x.warnAt, i18n.language, timeZone),
                  })}
                  )
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
