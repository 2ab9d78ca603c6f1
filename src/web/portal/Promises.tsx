import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePublished } from './App';
import { within } from './within';

/** The organization's promises and how often it kept each (last 30 and 90 days). */
export function Promises() {
  const { t, i18n } = useTranslation();
  const published = usePublished();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const promises = published.data?.promises ?? [];
  const rate = (w: { decided: number; keptRate: number | null }) =>
    w.keptRate === null || w.decided === 0
      ? t('promises.noData')
      : `${t('promises.kept', { rate: percent.format(w.keptRate) })} (${t('promises.decided', { count: w.decided })})`;
  return (
    <Stack gap="md">
      <Title order={1}>{t('promises.title')}</Title>
      <Text>{t('promises.intro')}</Text>
      {promises.length === 0 && <Text>{t('promises.none')}</Text>}
      {promises.map((p) => (
        <Card key={`${p.subjectType}:${p.name}`} withBorder padding="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {p.name}
            </Title>
            {p.description && <Text c="dimmed">{p.description}</Text>}
            {p.targets.map((target) => (
              <Stack key={target.target} gap={2}>
                <Group gap="xs">
                  <Text fw={600}>
                    {t(`promises.targets.${target.target}`, { defaultValue: target.target })}:
                  </Text>
                  <Text>{within(t, target.minutes, target.businessHours !== null)}</Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {target.businessHours
                    ? t('promises.businessHours', {
                        name: target.businessHours.name,
                        timezone: target.businessHours.timezone,
                      })
                    : t('promises.roundTheClock')}
                </Text>
                <Text size="sm">
                  {t('promises.keptWindow30')}: {rate(target.last30Days)} ·{' '}
                  {t('promises.keptWindow90')}: {rate(target.last90Days)}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
