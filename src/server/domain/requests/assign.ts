import { pickAssignee, routeToTeam, type RoutingRule } from '../../../core/routing/route';
import type { Executor } from '../../db/connection';
import type { Requester, TeamIntake } from '../../db/repositories/intake';
import { reference } from '../../presenters/request';
import type { Actor } from '../actor';
import { appendToTimeline, type TimelineEntry } from '../timeline/timeline';

/** Where routing sends a new request. */
export type Routing = { teamId: string | null; assigneeId: string | null };

/**
 * The team a new request goes to: the one given, else the first matching routing rule's. A rule's
 * tiers match the requester's tags and the slug of their donor level ("gold").
 */
export function routeTeam(
  rules: readonly RoutingRule[],
  facts: { category: string | null; channel: string; language: string | null },
  requester: Requester,
  given: { teamId?: string | null },
): string | null {
  if (given.teamId !== undefined) return given.teamId;
  const tiers = requester.level ? [...requester.tags, requester.level] : requester.tags;
  return routeToTeam(rules, { ...facts, tiers }) ?? null;
}

/**
 * The person a new request goes to: the one given, else the team's strategy picks among its
 * available members within capacity — the requester's relationship owner first when on the team
 * and free. `ticket` is the request's round-robin ticket.
 */
export function routeAssignee(
  team: TeamIntake | undefined,
  requester: Requester,
  given: { assigneeId?: string | null },
  ticket: number | null = null,
): string | null {
  if (given.assigneeId !== undefined) return given.assigneeId;
  if (!team) return null;
  const members = team.members.map((m) => ({ ...m, available: m.available && m.active }));
  return (
    pickAssignee(team.team.strategy, members, {
      ownerId: requester.ownerUserId,
      ticket,
    }) ?? null
  );
}

/** The timeline entry of an assignment. */
export function assignmentEntry(
  r: { id: string; number: number },
  to: Routing,
  at: Date,
): TimelineEntry {
  const who = to.assigneeId ? `assigned to user ${to.assigneeId}` : 'unassigned';
  return {
    kind: 'assignment',
    channel: 'system',
    direction: 'internal',
    summary: `${reference(r)} ${who}${to.teamId ? ` (team ${to.teamId})` : ''}`,
    sourceType: 'request',
    sourceId: r.id,
    occurredAt: at,
  };
}

/** Puts an assignment on the requester's timeline. */
export async function recordAssignment(
  tx: Executor,
  actor: Actor,
  r: { id: string; number: number; requesterId: string },
  to: Routing,
  at: Date,
): Promise<void> {
  await appendToTimeline(tx, actor, r.requesterId, assignmentEntry(r, to, at));
}
