import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { queryRows } from '../../db/connection';
import { alerts, outbox, teamLineEpisodes } from '../../db/schema';
import { findTeam } from '../../db/repositories/teams';
import { notFound } from '../../errors';
import type { Actor } from '../actor';

/** Requests of a team still waiting for a first response. */
async function waitingCount(tx: Executor, orgId: string, teamId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from requests where org_id = ${orgId} and team_id = ${teamId}
        and first_responded_at is null and status in ('new', 'open', 'waiting_on_requester', 'on_hold')`,
  );
  return Number(row?.n ?? 0);
}

/**
 * "Open another window": when a team's line of requests waiting for a first response reaches its
 * threshold, an episode starts, an in-app alert is raised and an email to each backup address is
 * written to the outbox (same transaction); when the line falls below, the episode ends and the
 * alert is resolved. Call it after anything that changes a team's line.
 */
export async function refreshTeamLine(
  tx: Executor,
  clock: Clock,
  orgId: string,
  teamId: string | null,
): Promise<void> {
  if (!teamId) return;
  const team = await findTeam(tx, orgId, teamId);
  if (!team) return;
  const now = clock.now();
  const waiting = await waitingCount(tx, orgId, teamId);
  const [episode] = await tx
    .select()
    .from(teamLineEpisodes)
    .where(
      and(
        eq(teamLineEpisodes.orgId, orgId),
        eq(teamLineEpisodes.teamId, teamId),
        isNull(teamLineEpisodes.endedAt),
      ),
    )
    .for('update');
  if (waiting >= team.waitingThreshold && !episode) {
    await tx
      .insert(teamLineEpisodes)
      .values({ orgId, teamId, threshold: team.waitingThreshold, peak: waiting, startedAt: now });
    const message = `${team.name}: ${waiting} requests are waiting for a first response (threshold ${team.waitingThreshold}). Open another window.`;
    await tx.insert(alerts).values({
      orgId,
      kind: 'team_line',
      teamId,
      message,
      data: { waiting, threshold: team.waitingThreshold },
      createdAt: now,
    });
    for (const recipient of team.backupEmails) {
      await tx.insert(outbox).values({
        orgId,
        kind: 'email',
        recipient,
        template: 'team_line_alert',
        payload: { teamId, teamName: team.name, waiting, threshold: team.waitingThreshold },
        createdAt: now,
      });
    }
  } else if (episode && waiting >= team.waitingThreshold && waiting > episode.peak) {
    await tx
      .update(teamLineEpisodes)
      .set({ peak: waiting })
      .where(eq(teamLineEpisodes.id, episode.id));
  } else if (episode && waiting < team.waitingThreshold) {
    await tx
      .update(teamLineEpisodes)
      .set({ endedAt: now })
      .where(eq(teamLineEpisodes.id, episode.id));
    await tx
      .update(alerts)
      .set({ resolvedAt: now })
      .where(
        and(
          eq(alerts.orgId, orgId),
          eq(alerts.teamId, teamId),
          eq(alerts.kind, 'team_line'),
          isNull(alerts.resolvedAt),
        ),
      );
  }
}

/** A team's line now and the time it spent over its threshold in the last `days` days. */
export async function teamLine(
  db: Executor,
  clock: Clock,
  actor: Actor,
  teamId: string,
  days = 30,
) {
  const team = await findTeam(db, actor.orgId, teamId);
  if (!team) throw notFound('team');
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
    waiting: await waitingCount(db, actor.orgId, teamId),
    threshold: team.waitingThreshold,
    over: episodes.some((e) => e.endedAt === null),
    minutesOverThreshold: Math.round(overMs / 60_000),
    days,
    episodes: episodes.map((e) => ({
      startedAt: e.startedAt.toISOString(),
      endedAt: e.endedAt?.toISOString() ?? null,
      peak: e.peak,
      threshold: e.threshold,
    })),
  };
}
