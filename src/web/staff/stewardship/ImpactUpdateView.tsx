import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format';
import { inLanguage, period, type UpdateContent } from './impact';

/** An impact update as a donor sees it in `language` (a card with the figures first). */
export function ImpactUpdateView(props: {
  update: UpdateContent;
  language: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('stewardship');
  const u = inLanguage(props.update, props.language);
  return (
    <Card withBorder padding="md" lang={u.language} data-testid="impact-update">
      <Stack gap="xs">
        <Title order={props.headingLevel ?? 3} size="h4">
          {u.title}
        </Title>
        <Text size="sm" c="dimmed">
          {period(u.periodFrom, u.periodTo, u.language)}
        </Text>
        {u.figures.length > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" aria-label={t('impact.figures')}>
            {u.figures.map((f, i) => (
              <div key={i} data-figure={f.label}>
                <Group gap={4} align="baseline" wrap="nowrap">
                  <Text fz={28} fw={700} lh={1.1}>
                    {new Intl.NumberFormat(localeOf(u.language)).format(f.value)}
                  </Text>
                  {f.unit && <Text fw={500}>{f.unit}</Text>}
                </Group>
                <Text size="sm">{f.label}</Text>
              </div>
            ))}
          </SimpleGrid>
        )}
        <Text style={{ whiteSpace: 'pre-wrap' }}>{u.story}</Text>
      </Stack>
    </Card>
  );
}
