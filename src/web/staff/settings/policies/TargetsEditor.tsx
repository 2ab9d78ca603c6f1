import { Checkbox, MultiSelect, NumberInput, Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requestStatuses } from '../../../../shared/requests';
import { targetsBySubject } from '../../../../shared/schemas/promises';
import { useCalendars, type PolicyTarget, type SubjectType } from '../api';
import { formatDuration } from '../format';

// Statuses in which a clock can sensibly pause (a solved request stops it anyway).
const pausable = requestStatuses.filter((s) => s !== 'new' && s !== 'solved' && s !== 'closed');
const defaults: Record<string, number> = {
  first_response: 240,
  next_response: 480,
  resolution: 2400,
};

/** The promises of a policy: for each target of the subject, whether, within what, on which calendar. */
export function TargetsEditor(props: {
  subject: SubjectType;
  targets: PolicyTarget[];
  readOnly: boolean;
  onChange: (targets: PolicyTarget[]) => void;
}) {
  const { t, i18n } = useTranslation('settings');
  const calendars = useCalendars();
  const { targets, readOnly, onChange } = props;
  const calendarOptions = [
    { value: '', label: t('common.roundTheClock') },
    ...(calendars.data?.data.map((c) => ({ value: c.id, label: c.name })) ?? []),
  ];
  const set = (target: string, patch: Partial<PolicyTarget>) =>
    onChange(targets.map((x) => (x.target === target ? { ...x, ...patch } : x)));
  return (
    <SimpleGrid cols={1} spacing="sm">
      {targetsBySubject[props.subject].map((name) => {
        const target = targets.find((x) => x.target === name);
        const label = t(`clock.${name}`, { ns: 'translation' });
        return (
          <Paper key={name} withBorder p="sm" radius="sm" data-target={name}>
            <Checkbox
              label={t(`policies.promiseTarget.${name}`)}
              checked={!!target}
              disabled={readOnly}
              fw={500}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? [
                        ...targets,
                        {
                          target: name,
                          minutes: defaults[name] ?? 2880,
                          calendarId: calendars.data?.data[0]?.id ?? null,
                          pauseStatuses:
                            name === 'resolution' ? ['waiting_on_requester', 'on_hold'] : [],
                          warnBeforeMinutes: 30,
                        },
                      ]
                    : targets.filter((x) => x.target !== name),
                )
              }
            />
            {target && (
              <SimpleGrid mt="sm" cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  label={t('policies.within')}
                  description={formatDuration(target.minutes, i18n.language)}
                  aria-label={`${label}: ${t('policies.within')}`}
                  value={target.minutes}
                  min={0}
                  max={525_600}
                  step={15}
                  allowDecimal={false}
                  allowNegative={false}
                  readOnly={readOnly}
                  onChange={(v) => set(name, { minutes: typeof v === 'number' ? v : 0 })}
                />
                <Select
                  label={t('policies.calendar')}
                  aria-label={`${label}: ${t('policies.calendar')}`}
                  data={calendarOptions}
                  value={target.calendarId ?? ''}
                  readOnly={readOnly}
                  allowDeselect={false}
                  onChange={(v) => set(name, { calendarId: v ? v : null })}
                />
                <NumberInput
                  label={t('policies.warnBefore')}
                  description={formatDuration(target.warnBeforeMinutes, i18n.language)}
                  aria-label={`${label}: ${t('policies.warnBefore')}`}
                  value={target.warnBeforeMinutes}
                  min={0}
                  max={525_600}
                  step={15}
                  allowDecimal={false}
                  allowNegative={false}
                  readOnly={readOnly}
                  onChange={(v) => set(name, { warnBeforeMinutes: typeof v === 'number' ? v : 0 })}
                />
                {props.subject === 'request' && (
                  <MultiSelect
                    label={t('policies.pauseStatuses')}
                    aria-label={`${label}: ${t('policies.pauseStatuses')}`}
                    data={pausable.map((s) => ({
                      value: s,
                      label: t(`status.${s}`, { ns: 'translation' }),
                    }))}
                    value={target.pauseStatuses}
                    readOnly={readOnly}
                    onChange={(v) => set(name, { pauseStatuses: v })}
                    placeholder={
                      target.pauseStatuses.length ? undefined : t('policies.neverPaused')
                    }
                    style={{ gridColumn: '1 / -1' }}
                  />
                )}
              </SimpleGrid>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
