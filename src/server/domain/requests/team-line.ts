import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { alerts, teamLineEpisodes } from '../../db/schema';
import { teamLineState } from '../../db/repositories/intake';
import type { TeamRow } from '../../db/repositories/teams';
import { insertRows, writeTogether, type Part } from '../../db/write-together';
import { jobsNotice } from '../../db/repositories/jobs';
import { emailWrites } from '../email/outbox';
import { notFound } from '../../errors';
import { openStatuses } from '../../../shared/requests';
import type { Actor } from '../actor';

/** A team as its line needs it. */
type LineTeam = Pick<TeamRow, 'id' | 'name' | 'waitingThreshold' | 'backupEmails'>;

/** What a team's line needs written now: an episode starts, reaches a new peak, or ends. */
export type LineChange =
  | { kind: 'start'; waiting: number }
  | { kind: 'peak'; episodeId: string; waiting: number }
  | { kind: 'end'; episodeId: string; peak: number };

/**
 * Compares a team's line with its threshold (pure). `before` is the line just before the change
 * that led here (an answer that took a request off it leaves `waiting + 1` before): new requests
 * do not count a line that is already over (see teamIntake), so the peak is taken when the line
 * starts to shorten.
 */
export function lineChange(
  team: LineTeam,
  waiting: number,
  episode: { id: string; peak: number } | null | undefined,
  before = waiting,
): LineChange | undefined {
  const over = waiting >= team.waitingThreshold;
  if (over && !episode) return { kind: 'start', waiting };
  const peak = Math.max(waiting, before);
  if (over && episode && peak > episode.peak)
    return { kind: 'peak', episodeId: episode.id, waiting: peak };
  if (!over && episode) return { kind: 'end', episodeId: episode.id, peak };
  return undefined;
}

/** Whether a request stands in its team's line: unfinished and not answered yet. */
export const inLine = (r: { status: string; firstRespondedAt: Date | null }) =>
  r.firstRespondedAt === null && (openStatuses as readonly string[]).includes(r.status);

/**
 * The statements of a line change, for writeTogether: a new episode (one per team at most, a
 * unique index keeps a concurrent second one out), its in-app alert and an email to each backup
 * address through the outbox; a new peak; or the end of the episode and its alert resolved.
 */
export function lineChangeWrites(
  tx: Executor,
  orgId: string,
  team: LineTeam,
  change: LineChange | undefined,
  now: Date,
  /** The name of the episode's insert among the statement's parts (unique per team in a batch). */
  episodePart = 'line_episode',
): Part[] {
  if (!change) return [];
  // Concurrent requests on a long line would queue on the episode's row to raise its peak: a
  // writer that finds the row locked leaves the peak to the one holding it (whose count is as
  // high, give or take the requests racing with it) and does not wait.
  if (change.kind === 'peak')
    return [
      tx
        .update(teamLineEpisodes)
        .set({ peak: sql`greatest(${teamLineEpisodes.peak}, ${change.waiting})` })
        .where(
          sql`${teamLineEpisodes.id} = (select e.id from team_line_episodes e
            where e.id = ${change.episodeId} for update skip locked)`,
        ),
    ];
  if (change.kind === 'end')
    return [
      tx
        .update(teamLineEpisodes)
        .set({ endedAt: now, peak: sql`greatest(${teamLineEpisodes.peak}, ${change.peak})` })
        .where(eq(teamLineEpisodes.id, change.episodeId)),
      tx
        .update(alerts)
        .set({ resolvedAt: now })
        .where(
          and(
            eq(alerts.orgId, orgId),
            eq(alerts.teamId, team.id),
            eq(alerts.kind, 'team_line'),
            isNull(alerts.resolvedAt),
          ),
        ),
    ];
  const { waiting } = change;
  const threshold = team.waitingThreshold;
  const message = `${team.name}: ${waiting} requests are waiting for a first response (threshold ${threshold}). Open another window.`;
  // The alert and the emails hang on the episode's insert: when a concurrent request started the
  // episode first (the unique index turns this insert into nothing), they are not written twice.
  const started = sql`exists (select 1 from ${sql.identifier(episodePart)})`;
  return [
    {
      name: episodePart,
      query: tx
        .insert(teamLineEpisodes)
        .values({ orgId, teamId: team.id, threshold, peak: waiting, startedAt: now })
        .onConflictDoNothing()
        .returning({ id: teamLineEpisodes.id })
        .getSQL(),
    },
    insertRows(
      alerts,
      [
        {
          orgId,
          kind: 'team_line',
          teamId: team.id,
          message,
          data: { waiting, threshold },
          createdAt: now,
        },
      ],
      undefined,
      started,
    ),
    ...emailWrites(
      team.backupEmails.map((recipient) => ({
        orgId,
        recipient,
        template: 'team_line_alert' as const,
        language: null,
        payload: { teamId: team.id, teamName: team.name, waiting, threshold },
      })),
      now,
      started,
    ).parts,
  ];
}

/**
 * "Open another window": when a team's line of requests waiting for a first response reaches its
 * threshold, an episode starts, an in-app alert is raised and an email to each backup address is
 * written to the outbox (same transaction); when the line falls below, the episode ends and the
 * alert is resolved. Call it after anything that changes a team's line; `tookOff` is 1 when the
 * change took a request off this line (it stood there just before), for the episode's peak.
 */
export async function refreshTeamLine(
  tx: Executor,
  clock: Clock,
  orgId: string,
  teamId: string | null,
  tookOff = 0,
): Promise<void> {
  if (!teamId) return;
  const line = await teamLineState(tx, orgId, teamId);
  if (!line) return;
  const change = lineChange(line.team, line.waiting, line.episode, line.waiting + tookOff);
  if (!change) return;
  const now = clock.now();
  await writeTogether(
    tx,
    lineChangeWrites(tx, orgId, line.team, change, now),
    change.kind === 'start' ? [jobsNotice([now])] : [], // the backup list's emails
  );
}

/** A team's line now and the time it spent over its threshold in the last `days` days. */
export async function teamLine(
  db: Executor,
  clock: Clock,
  actor: Actor,
  teamId: string,
  days = 30,
) {
  const line = await teamLineState(db, actor.orgId, teamId);
  if (!line) throw notFound('team');
  const now = clock.now();
  const since = new Date(now.getTime() - days * 86_400_000);
  const episodes = await db
    .select()
    .from(teamLineEpisodes)
    .where(
      and(
        eq(teamLineEpisodes.orgId, actor.orgId),
        eq(teamLineEpisodes.teamId, teamId),
        or(isNull(teamLineEpisodes.endedAt), gt(teamLineEpisodes.endedAt, since)),
      ),
    )
    .orderBy(desc(teamLineEpisodes.startedAt));
  const overMs = episodes.reduce(
    (sum, e) =>
      sum + ((e.endedAt ?? now).getTime() - Math.max(e.startedAt.getTime(), since.getTime())),
    0,
  );
  return {
    teamId,
    waiting: line.waiting,
    threshold: line.team.waitingThreshold,
    over: episodes.some((e) => e.endedAt === null),
    minutesOverThreshold: Math.round(overMs / 60_000),
    days,
    episodes: episodes.map((e) => ({
      startedAt: e.startedAt.toISOString(),
      endedAt: e.endedAt?.toISOString() ?? null,
      // an open episode's peak is at least the line now (new requests do not count the line)
      peak: e.endedAt ? e.peak : Math.max(e.peak, line.waiting),
      threshold: e.threshold,
    })),
  };
}
