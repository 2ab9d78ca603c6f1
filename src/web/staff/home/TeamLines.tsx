import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { useNow } from '../due';
import { formatMinutes } from './format';

type Team = { id: string; name: string; waitingThreshold: number };
type Line = {
  teamId: string;
  waiting: number;
  threshold: number;
  over: boolean;
  minutesOverThreshold: number;
  days: number;
  episodes: { startedAt: string; endedAt: string | null; peak: number }[];
};

/** Each team's line of requests waiting for a first response, against its threshold. */
export function TeamLines() {
  const { t } = useTranslation('home');
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: () => api<{ data: Team[] }>('/teams'),
  });
  const lines = useQueries({
    queries: (teams.data?.data ?? []).map((team) => ({
      // Under 'requests' so a request's live update refreshes the lines too.
      queryKey: ['requests', 'team-line', team.id],
      queryFn: () => api<Line>(`/teams/${team.id}/line`),
    })),
  });
  return (
    <Card withBorder component="section" aria-labelledby="lines" h="100%">
      <Title order={2} size="h4" id="lines">
        {t('lines.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('lines.intro')}
      </Text>
      {teams.isPending ? (
        <Text>{t('loading')}</Text>
      ) : teams.isError ? (
        <Text c="red.9">{t('failed', { message: teams.error.message })}</Text>
      ) : teams.data.data.length === 0 ? (
        <Text>{t('lines.none')}</Text>
      ) : (
        <Stack gap="md">
          {teams.data.data.map((team, i) => (
            <TeamLine key={team.id} team={team} line={lines[i]?.data} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TeamLine({ team, line }: { team: Team; line: Line | undefined }) {
  const { t, i18n } = useTranslation('home');
  const now = useNow();
  const open = line?.episodes.find((e) => !e.endedAt);
  const overFor = open ? (now - new Date(open.startedAt).getTime()) / 60_000 : 0;
  const threshold = line?.threshold ?? team.waitingThreshold;
  const waiting = line?.waiting ?? 0;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="team-line"
      data-over={line?.over ? 'true' : 'false'}
      style={line?.over ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h5">
            {team.name}
          </Title>
          <Text fw={600} size="lg">
            {line ? t('lines.waiting', { count: waiting }) : t('loading')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('lines.threshold', { count: threshold })}
          </Text>
        </div>
        {line &&
          (line.over ? (
            <Badge color="red.9" variant="filled" size="lg">
              {t('lines.over')}
            </Badge>
          ) : (
            <Badge color="green" variant="light" size="lg">
              {t('lines.within')}
            </Badge>
          ))}
      </Group>
      {line && (
        <>
          <Progress
            mt="sm"
            size="lg"
            value={Math.min(100, (waiting / Math.max(1, threshold)) * 100)}
            color={line.over ? 'red.9' : waiting >= threshold - 1 ? 'yellow.6' : 'blue'}
            aria-label={t('lines.meter', { team: team.name, waiting, threshold })}
          />
          <Group justify="space-between" mt="xs" gap="xs">
            <Text size="sm" fw={line.over ? 700 : undefined} c={line.over ? 'red.9' : 'dimmed'}>
              {line.over && open
                ? t('lines.overFor', { time: formatMinutes(overFor, i18n.language) })
                : line.minutesOverThreshold > 0
                  ? t('lines.past', {
                      time: formatMinutes(line.minutesOverThreshold, i18n.language),
                      days: line.days,
                    })
                  : t('lines.neverOver', { days: line.days })}
            </Text>
            <Anchor component={Link} to="/queue/open" size="sm">
              {t('lines.open')}
            </Anchor>
          </Group>
          {line.over && open && line.minutesOverThreshold > overFor + 1 && (
            <Text size="xs" c="dimmed">
              {t('lines.past', {
                time: formatMinutes(line.minutesOverThreshold, i18n.language),
                days: line.days,
              })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
