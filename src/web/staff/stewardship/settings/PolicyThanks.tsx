import { Card, NativeSelect, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { thanksMethods } from '../../../../shared/gifts';
import { api, usePermissions, type DonorLevel, type List } from '../api';

/** How a gift policy's gifts are thanked and by whom ('owner', a user's id, or anyone: null). */
export type PolicyThanks = { method: (typeof thanksMethods)[number]; by: string | null };

/** Segments the server gives a gift's donor besides their tags (and their level's slug). */
const giftSegments = ['first-gift', 'major-gift', 'recurring'];

/** Segment names a gift policy can choose from: the built-in ones and the levels' slugs. */
export function useGiftSegments(enabled: boolean): string[] {
  const levels = useQuery({
    queryKey: ['stewardship', 'donor-levels'],
    queryFn: () => api<List<DonorLevel>>('/donor-levels'),
    enabled,
    retry: false,
  });
  return [...giftSegments, ...(levels.data?.data.map((l) => l.slug) ?? [])];
}

/** The thank-you plan of a gift policy: the method (email, letter, call) and who thanks. */
export function PolicyThanksFields(props: {
  value: PolicyThanks | null;
  readOnly: boolean;
  onChange: (value: PolicyThanks | null) => void;
}) {
  const { t } = useTranslation('stewardship');
  const { can } = usePermissions();
  const users = useQuery({
    queryKey: ['settings', 'users'],
    queryFn: () => api<List<{ id: string; name: string; active: boolean }>>('/users'),
    enabled: can('users.read'),
  });
  const value = props.value;
  const by = value?.by ?? '';
  const staff = (users.data?.data ?? []).filter((u) => u.active || u.id === by);
  const byChoices = [
    { value: '', label: t('policy.anyone') },
    { value: 'owner', label: t('policy.owner') },
    ...staff.map((u) => ({ value: u.id, label: u.name })),
    // A named person the list cannot show (the role may not list staff): kept as it is.
    ...(by && by !== 'owner' && !staff.some((u) => u.id === by)
      ? [{ value: by, label: t('policy.someone') }]
      : []),
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="thanks-plan-title">
      <Title order={2} size="h5" id="thanks-plan-title">
        {t('policy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('policy.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('policy.method')}
          disabled={props.readOnly}
          value={value?.method ?? ''}
          data={[
            { value: '', label: t('policy.noPlan') },
            ...thanksMethods.map((m) => ({ value: m, label: t(`policy.methods.${m}`) })),
          ]}
          onChange={(e) => {
            const method = e.currentTarget.value as PolicyThanks['method'] | '';
            props.onChange(method ? { method, by: value?.by ?? null } : null);
          }}
        />
        <NativeSelect
          label={t('policy.by')}
          disabled={props.readOnly || !value}
          value={by}
          data={byChoices}
          onChange={(e) => value && props.onChange({ ...value, by: e.currentTarget.value || null })}
        />
      </SimpleGrid>
    </Card>
  );
}
