import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format';
import type { Figure } from './api';

/** What a donor reads of an update: in their language when it is translated, else as written. */
export type UpdateContent = {
  periodFrom: string;
  periodTo: string;
  language: string;
  title: string;
  story: string;
  figures: Figure[];
  translations: Record<string, { title: string; story: string; figureLabels?: string[] }>;
};

/** The update in one language: its translation when there is one, else the original. */
export function inLanguage(update: UpdateContent, language: string) {
  const tr = update.translations[language];
  if (language === update.language || !tr?.title) return { ...update, language: update.language };
  return {
    ...update,
    language,
    title: tr.title,
    story: tr.story || update.story,
    figures: update.figures.map((f, i) => ({ ...f, label: tr.figureLabels?.[i] || f.label })),
  };
}

/** "1 – 30 November 2026" in the reader's language. */
export function period(from: string, to: string, language: string): string {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).formatRange(day(from), day(to));
  } catch {
    return `${from} – ${to}`;
  }
}

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
