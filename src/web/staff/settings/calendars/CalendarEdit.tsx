import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  api,
  ApiError,
  keys,
  send,
  useOrganization,
  usePermissions,
  weekdays,
  type Calendar,
  type Hours,
  useFormKey,
} from '../api';
import { timeZones } from '../format';
import { ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../ui';
import { CalendarPreview } from './CalendarPreview';
import { Holidays } from './Holidays';
import { compactHours, hoursValid } from './hours';
import { WeeklyHours } from './WeeklyHours';

type Draft = { name: string; timezone: string; hours: Hours; holidays: string[] };

const office: Hours = Object.fromEntries(
  weekdays.slice(0, 5).map((d) => [d, [['09:00', '17:00']]]),
);

/** One calendar (or a new one): time zone, weekly hours, holidays, and the live preview. */
export function CalendarEdit() {
  const { t } = useTranslation('settings');
  const id = useParams().id!;
  const isNew = id === 'new';
  const calendar = useQuery({
    queryKey: [...keys.calendars, id],
    queryFn: () => api<Calendar>(`/calendars/${id}`),
    enabled: !isNew,
  });
  const org = useOrganization();
  // A new generation starts the form again from what is stored (after "reload").
  const [generation, setGeneration] = useState(0);
  if (isNew && org.data)
    return (
      <CalendarForm
        initial={{ name: '', timezone: org.data.timeZone, hours: office, holidays: [] }}
      />
    );
  if (calendar.data)
    return (
      <CalendarForm
        key={`${id}-${generation}`}
        saved={calendar.data}
        initial={calendar.data}
        onReload={async () => {
          await calendar.refetch();
          setGeneration((g) => g + 1);
        }}
      />
    );
  if (calendar.error || org.error) return <ErrorNote error={calendar.error ?? org.error} />;
  return <Text>{t('common.loading')}</Text>;
}

function CalendarForm(props: { initial: Draft; saved?: Calendar; onReload?: () => Promise<void> }) {
  const { initial, saved } = props;
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const readOnly = !can('promises.manage');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: initial.name,
    timezone: initial.timezone,
    hours: Object.fromEntries(weekdays.map((d) => [d, initial.hours[d] ?? []])),
    holidays: [...initial.holidays],
  }));
  const [justSaved, setJustSaved] = useState(false);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const zones = useMemo(() => timeZones(), []);
  const definition = useMemo(
    () => ({
      timezone: draft.timezone,
      hours: compactHours(draft.hours),
      holidays: draft.holidays,
    }),
    [draft.timezone, draft.hours, draft.holidays],
  );
  const valid = hoursValid(draft.hours) && zones.includes(draft.timezone);
  const dirty =
    !saved ||
    JSON.stringify({ name: draft.name, ...definition }) !==
      JSON.stringify({
        name: saved.name,
        timezone: saved.timezone,
        hours: compactHours(saved.hours),
        holidays: saved.holidays,
      });
  const key = useFormKey();
  const save = useMutation({
    mutationFn: () =>
      saved
        ? send<Calendar>(`/calendars/${saved.id}`, {
            method: 'PATCH',
            version: saved.version,
            body: { name: draft.name.trim(), definition },
          })
        : send<Calendar>('/calendars', {
            method: 'POST',
            key,
            body: { name: draft.name.trim(), definition },
          }),
    onSuccess: async (calendar) => {
      client.setQueryData([...keys.calendars, calendar.id], calendar);
      await client.invalidateQueries({ queryKey: keys.calendars, exact: true });
      setJustSaved(true);
      if (!saved) await navigate(`/settings/calendars/${calendar.id}`, { replace: true });
    },
  });
  const stale = save.error instanceof ApiError && save.error.code === 'precondition_failed';
  return (
    <>
      <Anchor component={Link} to="/settings/calendars" size="sm">
        {t('calendars.back')}
      </Anchor>
      <PageHeader
        title={saved ? saved.name : t('calendars.new')}
        description={t('calendars.editDescription')}
      />
      {readOnly && <ReadOnlyNote />}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (valid && draft.name.trim()) save.mutate();
            }}
          >
            <Stack gap="lg">
              <Card withBorder padding="md">
                <Stack gap="sm">
                  <TextInput
                    label={t('common.name')}
                    required
                    readOnly={readOnly}
                    value={draft.name}
                    maxLength={100}
                    onChange={(e) => change({ name: e.currentTarget.value })}
                  />
                  <Select
                    label={t('calendars.timezone')}
                    description={t('calendars.timezoneHelp')}
                    searchable
                    readOnly={readOnly}
                    data={zones}
                    value={draft.timezone}
                    limit={50}
                    onChange={(v) => v && change({ timezone: v })}
                    allowDeselect={false}
                  />
                </Stack>
              </Card>
              <Card withBorder padding="md" component="section" aria-labelledby="hours-title">
                <Title order={2} size="h5" id="hours-title">
                  {t('calendars.hours')}
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('calendars.hoursHelp')}
                </Text>
                <WeeklyHours
                  hours={draft.hours}
                  readOnly={readOnly}
                  onChange={(hours) => change({ hours })}
                />
              </Card>
              <Card withBorder padding="md" component="section" aria-labelledby="holidays-title">
                <Title order={2} size="h5" id="holidays-title" mb="xs">
                  {t('calendars.holidays')}
                </Title>
                <Holidays
                  holidays={draft.holidays}
                  readOnly={readOnly}
                  onChange={(holidays) => change({ holidays })}
                />
              </Card>
              {!readOnly && (
                <Group>
                  <Button
                    type="submit"
                    loading={save.isPending}
                    disabled={!valid || !dirty || !draft.name.trim()}
                  >
                    {saved ? t('common.save') : t('calendars.create')}
                  </Button>
                  {dirty && saved && (
                    <Text size="sm" c="dimmed">
                      {t('common.unsaved')}
                    </Text>
                  )}
                  <SavedNote show={justSaved && !dirty} />
                </Group>
              )}
              <ErrorNote error={save.error} />
              {stale && (
                <Button variant="default" onClick={() => void props.onReload?.()}>
                  {t('common.reload')}
                </Button>
              )}
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CalendarPreview definition={definition} valid={valid} />
        </Grid.Col>
      </Grid>
    </>
  );
}
