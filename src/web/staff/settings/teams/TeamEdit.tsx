import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  api,
  keys,
  send,
  useCalendars,
  usePermissions,
  useTeams,
  type Strategy,
  type Team,
  useFormKey,
} from '../api';
import { ErrorNote, PageHeader, ReadOnlyNote, SavedNote } from '../ui';
import { TeamMembers } from './TeamMembers';

const strategies: Strategy[] = ['manual', 'round_robin', 'least_loaded'];
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Draft = Pick<Team, 'name' | 'strategy' | 'calendarId' | 'waitingThreshold' | 'backupEmails'>;
const blank: Draft = {
  name: '',
  strategy: 'round_robin',
  calendarId: null,
  waitingThreshold: 3,
  backupEmails: [],
};

/** The editable fields of a team, in one order (so drafts compare as JSON). */
const pick = (team: Team): Draft => ({
  name: team.name,
  strategy: team.strategy,
  calendarId: team.calendarId,
  waitingThreshold: team.waitingThreshold,
  backupEmails: team.backupEmails,
});

/** One team (or a new one): its settings, its line now, and its members. */
export function TeamEdit() {
  const { t } = useTranslation('settings');
  const id = useParams().id!;
  const teams = useTeams();
  const team = teams.data?.data.find((x) => x.id === id);
  if (id === 'new') return <TeamForm key="new" />;
  if (team) return <TeamForm key={team.id} team={team} />;
  if (teams.isError) return <ErrorNote error={teams.error} />;
  return <Text>{teams.isPending ? t('common.loading') : t('errors.not_found')}</Text>;
}

function TeamForm({ team }: { team?: Team }) {
  const { t } = useTranslation('settings');
  const { can } = usePermissions();
  const readOnly = !can('desk.manage');
  const client = useQueryClient();
  const navigate = useNavigate();
  const calendars = useCalendars();
  const [draft, setDraft] = useState<Draft>(() => (team ? pick(team) : blank));
  const [justSaved, setJustSaved] = useState(false);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const badEmails = draft.backupEmails.filter((e) => !emailShape.test(e));
  const dirty = !team || JSON.stringify(draft) !== JSON.stringify(pick(team));
  const body = {
    name: draft.name.trim(),
    strategy: draft.strategy,
    calendarId: draft.calendarId,
    waitingThreshold: draft.waitingThreshold,
    backupEmails: draft.backupEmails,
  };
  const key = useFormKey();
  const save = useMutation({
    mutationFn: () =>
      team
        ? send<Team>(`/teams/${team.id}`, { method: 'PATCH', body })
        : send<Team>('/teams', { method: 'POST', body, key }),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: keys.teams });
      setJustSaved(true);
      if (!team) await navigate(`/settings/teams/${saved.id}`, { replace: true });
    },
  });
  const ok = draft.name.trim() && badEmails.length === 0 && draft.waitingThreshold >= 1;
  return (
    <>
      <Anchor component={Link} to="/settings/teams" size="sm">
        {t('teams.back')}
      </Anchor>
      <PageHeader title={team ? team.name : t('teams.new')} description={t('teams.description')} />
      {readOnly && <ReadOnlyNote />}
      <Stack gap="lg" maw={760}>
        {team && <TeamLine team={team} />}
        <Card withBorder padding="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ok) save.mutate();
            }}
          >
            <Stack gap="md">
              <TextInput
                label={t('common.name')}
                required
                readOnly={readOnly}
                maxLength={100}
                value={draft.name}
                onChange={(e) => change({ name: e.currentTarget.value })}
              />
              <Radio.Group
                label={t('teams.strategy')}
                value={draft.strategy}
                onChange={(v) => !readOnly && change({ strategy: v as Strategy })}
              >
                <Stack gap="xs" mt={6}>
                  {strategies.map((s) => (
                    <Radio
                      key={s}
                      value={s}
                      label={t(`teams.strategies.${s}`)}
                      description={t(`teams.strategyHelp.${s}`)}
                      disabled={readOnly && draft.strategy !== s}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <NumberInput
                label={t('teams.threshold')}
                description={t('teams.thresholdHelp')}
                readOnly={readOnly}
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                value={draft.waitingThreshold}
                onChange={(v) => change({ waitingThreshold: typeof v === 'number' ? v : 0 })}
                styles={{ wrapper: { maxWidth: 200 } }}
              />
              <TagsInput
                label={t('teams.backupEmails')}
                description={t('teams.backupEmailsHelp')}
                readOnly={readOnly}
                value={draft.backupEmails}
                onChange={(v) => change({ backupEmails: v.map((e) => e.trim().toLowerCase()) })}
                maxTags={20}
                error={
                  badEmails.length > 0
                    ? t('teams.badEmail', { value: badEmails.join(', ') })
                    : undefined
                }
                splitChars={[',', ' ', ';']}
              />
              <Select
                label={t('teams.calendar')}
                readOnly={readOnly}
                data={[
                  { value: '', label: t('common.roundTheClock') },
                  ...(calendars.data?.data.map((c) => ({ value: c.id, label: c.name })) ?? []),
                ]}
                value={draft.calendarId ?? ''}
                onChange={(v) => change({ calendarId: v ? v : null })}
                allowDeselect={false}
              />
              {!readOnly && (
                <Group>
                  <Button type="submit" loading={save.isPending} disabled={!ok || !dirty}>
                    {team ? t('common.save') : t('teams.create')}
                  </Button>
                  <SavedNote show={justSaved && !dirty} />
                </Group>
              )}
              <ErrorNote error={save.error} />
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="members-title">
          <Title order={2} size="h5" id="members-title" mb="xs">
            {t('teams.members')}
          </Title>
          {team ? (
            <TeamMembers team={team} readOnly={readOnly} />
          ) : (
            <Text c="dimmed">{t('teams.membersNeedSave')}</Text>
          )}
        </Card>
      </Stack>
    </>
  );
}

/** How many requests wait for a first response now, against the threshold. */
function TeamLine({ team }: { team: Team }) {
  const { t } = useTranslation('settings');
  const line = useQuery({
    queryKey: [...keys.teams, team.id, 'line'],
    queryFn: () =>
      api<{ waiting: number; threshold: number; over: boolean }>(`/teams/${team.id}/line`),
  });
  if (!line.data) return null;
  return (
    <Group gap="sm">
      <Text fw={500}>{t('teams.line')}:</Text>
      <Text>{t('teams.lineNow', { count: line.data.waiting })}</Text>
      {line.data.over && (
        <Badge color="red.9" variant="filled">
          {t('teams.over')}
        </Badge>
      )}
    </Group>
  );
}
