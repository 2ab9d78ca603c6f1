import { pickAssignee, routeToTeam } from '../../../core/routing/route';
import type { Executor } from '../../db/connection';
import type { ContactRow } from '../../db/repositories/contacts';
import {
  findTeam,
  listRoutingRules,
  membersWithLoad,
  updateTeamRow,
} from '../../db/repositories/teams';
import type { Actor } from '../actor';
import { appendToTimeline } from '../timeline/timeline';

/** Where routing sends a new request. */
export type Routing = { teamId: string | null; assigneeId: string | null };

/**
 * Routes a request: the first matching routing rule picks the team (unless one is given), the
 * team's strategy picks the person (unless one is given) — the requester's relationship owner
 * first when on the team and free.
 */
export async function routeRequest(
  tx: Executor,
  orgId: string,
  facts: { category: string | null; channel: string; language: string | null; contact: ContactRow },
  given: { teamId?: string | null; assigneeId?: string | null },
): Promise<Routing> {
  let teamId = given.teamId;
  if (teamId === undefined) {
    const rules = await listRoutingRules(tx, orgId);
    teamId =
      routeToTeam(rules, {
        category: facts.category,
        channel: facts.channel,
        language: facts.language,
        tiers: facts.contact.tags,
      }) ?? null;
  }
  if (given.assigneeId !== undefined || !teamId)
    return { teamId, assigneeId: given.assigneeId ?? null };
  const team = await findTeam(tx, orgId, teamId);
  if (!team) return { teamId: null, assigneeId: null };
  const members = (await membersWithLoad(tx, orgId, teamId)).map((m) => ({
    userId: m.user_id,
    available: m.available && m.active,
    capacity: m.capacity,
    openCount: m.open_count,
  }));
  const assigneeId =
    pickAssignee(team.strategy, members, {
      ownerId: facts.contact.ownerUserId,
      lastAssigned: team.lastAssignedUserId,
    }) ?? null;
  if (assigneeId && team.strategy === 'round_robin')
    await updateTeamRow(tx, orgId, teamId, { lastAssignedUserId: assigneeId });
  return { teamId, assigneeId };
}

/** Puts an assignment on the requester's timeline. */
export async function recordAssignment(
  tx: Executor,
  actor: Actor,
  r: { id: string; number: number; requesterId: string },
  to: Routing,
  at: Date,
): Promise<void> {
  const who = to.assigneeId ? `assigned to user ${to.assigneeId}` : 'unassigned';
  await appendToTimeline(tx, actor, r.requesterId, {
    kind: 'assignment',
    channel: 'system',
    direction: 'internal',
    summary: `R-${r.number} ${who}${to.teamId ? ` (team ${to.teamId})` : ''}`,
    sourceType: 'request',
    sourceId: r.id,
    occurredAt: at,
  });
}
