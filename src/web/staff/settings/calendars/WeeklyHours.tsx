import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdays, type Hours, type Weekday } from '../api';
import { weekdayName } from '../format';
import { Icon } from '../ui';
import { intervalIssues } from './hours';

/** The week's opening hours: several intervals a day, each day closed when it has none. */
export function WeeklyHours(props: {
  hours: Hours;
  onChange: (hours: Hours) => void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('settings');
  const { hours, onChange, readOnly } = props;
  const setDay = (day: Weekday, intervals: [string, string][]) =>
    onChange({ ...hours, [day]: intervals });
  const copyMonday = () =>
    onChange({
      ...hours,
      ...Object.fromEntries(
        (['tue', 'wed', 'thu', 'fri'] as const).map((d) => [
          d,
          (hours.mon ?? []).map((i) => [...i]),
        ]),
      ),
    });
  return (
    <Stack gap={0}>
      {weekdays.map((day) => {
        const intervals = hours[day] ?? [];
        const issues = intervalIssues(intervals);
        const dayName = weekdayName(day, i18n.language);
        return (
          <Group
            key={day}
            align="flex-start"
            wrap="nowrap"
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            data-day={day}
          >
            <Text fw={500} w={130} pt={6} style={{ flexShrink: 0 }}>
              {dayName}
            </Text>
            <Stack gap={6} style={{ flex: 1 }}>
              {intervals.length === 0 && (
                <Text c="dimmed" pt={6}>
                  {t('calendars.closed')}
                </Text>
              )}
              {intervals.map(([start, end], n) => {
                const issue = issues[n];
                const messageId = `hours-${day}-${n}-issue`;
                const label = (edge: 'opens' | 'closes') =>
                  t(`calendars.${edge}`, { day: dayName, n: n + 1 });
                const field = (edge: 'opens' | 'closes', value: string, index: 0 | 1) => (
                  <TextInput
                    aria-label={label(edge)}
                    value={value}
                    readOnly={readOnly}
                    w={80}
                    placeholder={index === 0 ? '09:00' : '17:00'}
                    inputMode="numeric"
                    maxLength={5}
                    error={!!issue}
                    aria-describedby={issue ? messageId : undefined}
                    onChange={(e) => {
                      const next = intervals.map((i) => [...i] as [string, string]);
                      next[n]![index] = e.currentTarget.value.trim();
                      setDay(day, next);
                    }}
                  />
                );
                return (
                  <div key={n}>
                    <Group gap="xs" wrap="nowrap">
                      {field('opens', start, 0)}
                      <Text aria-hidden="true">–</Text>
                      {field('closes', end, 1)}
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('calendars.removeInterval', { day: dayName, n: n + 1 })}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, k) => k !== n),
                            )
                          }
                        >
                          <Icon name="trash" />
                        </ActionIcon>
                      )}
                    </Group>
                    {issue && (
                      <Text id={messageId} size="xs" c="red.9" mt={2}>
                        {t(`calendars.issue.${issue}`)}
                      </Text>
                    )}
                  </div>
                );
              })}
            </Stack>
            {!readOnly && (
              <Button
                variant="subtle"
                size="xs"
                mt={4}
                leftSection={<Icon name="plus" size={14} />}
                aria-label={t('calendars.addIntervalTo', { day: dayName })}
                onClick={() => {
                  setDay(day, [...intervals, nextInterval(intervals.at(-1))]);
                }}
              >
                {t('calendars.addInterval')}
              </Button>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Group mt="sm">
          <Button variant="default" size="xs" onClick={copyMonday}>
            {t('calendars.copyMonday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** A sensible next interval: an hour after the last one ends, two hours long (else 09–17). */
function nextInterval(last: [string, string] | undefined): [string, string] {
  if (!last || !/^\d\d:\d\d$/.test(last[1])) return ['09:00', '17:00'];
  const at = (m: number) =>
    `${String(Math.floor(Math.min(m, 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const end = Number(last[1].slice(0, 2)) * 60 + Number(last[1].slice(3));
  return end + 60 >= 1440 ? ['', ''] : [at(end + 60), at(Math.min(end + 180, 1440))];
}
