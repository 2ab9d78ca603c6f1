import { Card, Loader, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send, weekdays, type Hours } from '../api';
import { formatDuration, formatMoment, instantToZoned, weekdayOf, zonedToInstant } from '../format';
import { ErrorNote } from '../ui';

type Definition = { timezone: string; hours: Hours; holidays: string[] };

/**
 * "A request arriving Friday 17:30 is due Monday 10:30": asks the API (POST /calendars/preview)
 * about the calendar as it is being edited, a moment after each change.
 */
export function CalendarPreview({ definition, valid }: { definition: Definition; valid: boolean }) {
  const { t, i18n } = useTranslation('settings');
  // The sample stays put while the hours change, so the preview shows what the change does.
  const [arrival, setArrival] = useState(() =>
    sampleArrival(definition.hours, definition.timezone),
  );
  const [minutes, setMinutes] = useState<number | string>(90);
  const span = typeof minutes === 'number' ? minutes : Number.NaN;
  const ask = { definition, arrival, minutes: span };
  const [asked] = useDebouncedValue(ask, 400);
  const ready =
    valid &&
    Number.isInteger(asked.minutes) &&
    asked.minutes >= 0 &&
    /T\d\d:\d\d/.test(asked.arrival);
  const preview = useQuery({
    queryKey: ['settings', 'calendar-preview', asked],
    enabled: ready,
    placeholderData: keepPreviousData,
    queryFn: () =>
      send<{ from: string; dueAt: string }>('/calendars/preview', {
        method: 'POST',
        body: {
          definition: asked.definition,
          from: zonedToInstant(asked.arrival, asked.definition.timezone).toISOString(),
          minutes: asked.minutes,
        },
      }),
  });
  const tz = definition.timezone;
  const stale = preview.isFetching || JSON.stringify(ask) !== JSON.stringify(asked);
  return (
    <Card
      withBorder
      padding="md"
      className="settings-sticky"
      component="section"
      aria-labelledby="preview-title"
    >
      <Title order={2} size="h5" id="preview-title">
        {t('calendars.preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendars.preview.help')}
      </Text>
      <Stack gap="sm">
        <TextInput
          type="datetime-local"
          label={t('calendars.preview.arrival')}
          description={t('calendars.preview.inZone', { zone: tz })}
          value={arrival}
          onChange={(e) => setArrival(e.currentTarget.value)}
        />
        <NumberInput
          label={t('calendars.preview.minutes')}
          description={Number.isFinite(span) ? formatDuration(span, i18n.language) : undefined}
          value={minutes}
          onChange={setMinutes}
          min={0}
          max={525_600}
          step={15}
          allowDecimal={false}
          allowNegative={false}
        />
        <Card bg="blue.0" padding="sm" radius="sm">
          <Text
            aria-live="polite"
            data-testid="calendar-preview"
            data-stale={stale ? 'true' : 'false'}
            fw={500}
            c="blue.9"
          >
            {!valid
              ? t('calendars.preview.fixFirst')
              : preview.data
                ? t('calendars.preview.sentence', {
                    arrival: formatMoment(preview.data.from, i18n.language, tz),
                    due: formatMoment(preview.data.dueAt, i18n.language, tz),
                    duration: formatDuration(asked.minutes, i18n.language),
                  })
                : '…'}
          </Text>
          {stale && valid && <Loader size="xs" mt={4} aria-hidden="true" />}
        </Card>
        {preview.isError && <ErrorNote error={preview.error} />}
      </Stack>
    </Card>
  );
}

/** A telling sample arrival: half an hour after the week's last closing time, next week. */
export function sampleArrival(hours: Hours, timeZone: string): string {
  const lastDay = [...weekdays].reverse().find((d) => (hours[d]?.length ?? 0) > 0) ?? 'fri';
  const closes = hours[lastDay]?.at(-1)?.[1] ?? '17:00';
  const minutes = Math.min(Number(closes.slice(0, 2)) * 60 + Number(closes.slice(3)) + 30, 1439);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  let date = instantToZoned(new Date(), timeZone).slice(0, 10);
  for (let i = 0; i < 8; i++) {
    date = nextDate(date);
    if (weekdayOf(date) === lastDay) break;
  }
  return `${date}T${time}`;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
