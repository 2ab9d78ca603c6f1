import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../format';
import { Icon } from '../ui';

/** Days the calendar is closed whatever the weekday: a sorted list, added by date. */
export function Holidays(props: {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('settings');
  const [day, setDay] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || props.holidays.includes(day)) return;
    props.onChange([...props.holidays, day].sort());
    setDay('');
  };
  return (
    <Stack gap="xs">
      {props.holidays.length === 0 && <Text c="dimmed">{t('calendars.noHolidays')}</Text>}
      {props.holidays.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {props.holidays.map((h) => (
            <Group component="li" key={h} gap="xs" wrap="nowrap" data-holiday={h}>
              <Text c={h < today ? 'dimmed' : undefined}>{formatDay(h, i18n.language)}</Text>
              {h < today && (
                <Text size="xs" c="dimmed">
                  ({t('calendars.past')})
                </Text>
              )}
              {!props.readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('calendars.removeHoliday', { date: formatDay(h, i18n.language) })}
                  onClick={() => props.onChange(props.holidays.filter((x) => x !== h))}
                >
                  <Icon name="trash" size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {!props.readOnly && (
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label={t('calendars.addHolidayLabel')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
          <Button variant="default" onClick={add} disabled={!day || props.holidays.includes(day)}>
            {t('calendars.addHoliday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
