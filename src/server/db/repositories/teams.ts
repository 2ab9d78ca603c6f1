import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { routingRules, teamMembers, teams, users } from '../schema';

/** A team row. */
export type TeamRow = typeof teams.$inferSelect;
/** A routing rule row. */
export type RoutingRuleRow = typeof routingRules.$inferSelect;

/** A team of the organization. */
export async function findTeam(
  db: Executor,
  orgId: string,
  id: string,
): Promise<TeamRow | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return row;
}

/** Teams by name. */
export function listTeams(db: Executor, orgId: string): Promise<TeamRow[]> {
  return db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.name));
}

/** Inserts a team. */
export async function insertTeam(
  db: Executor,
  values: typeof teams.$inferInsert,
): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  return row!;
}

/** Changes a team. */
export async function updateTeamRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof teams.$inferInsert>,
) {
  const [row] = await db
    .update(teams)
    .set(values)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .returning();
  return row;
}

/** Replaces a team's members. */
export async function setTeamMembers(
  db: Executor,
  orgId: string,
  teamId: string,
  members: { userId: string; capacity: number; available: boolean }[],
): Promise<void> {
  await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)));
  if (members.length)
    await db.insert(teamMembers).values(members.map((m) => ({ ...m, orgId, teamId })));
}

/** Members of a team with their open requests in any team, in a stable order (by name, id). */
export async function membersWithLoad(db: Executor, orgId: string, teamId: string) {
  return queryRows<{
    user_id: string;
    name: string;
    capacity: number;
    available: boolean;
    active: boolean;
    open_count: number;
  }>(
    db,
    sql`select m.user_id, u.name, m.capacity, m.available, u.active,
          (select count(*)::int from requests r where r.org_id = m.org_id and r.assignee_id = m.user_id
             and r.status in ('new', 'open', 'waiting_on_requester', 'on_hold')) as open_count
        from ${teamMembers} m join ${users} u on u.id = m.user_id
        where m.org_id = ${orgId} and m.team_id = ${teamId}
        order by u.name, m.user_id`,
  );
}

/** Routing rules in order. */
export function listRoutingRules(db: Executor, orgId: string): Promise<RoutingRuleRow[]> {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.orgId, orgId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt));
}

/** Replaces the routing rules with a new ordered list. */
export async function replaceRoutingRules(
  db: Executor,
  orgId: string,
  rules: { teamId: string; conditions: RoutingRuleRow['conditions'] }[],
) {
  await db.delete(routingRules).where(eq(routingRules.orgId, orgId));
  if (rules.length)
    await db.insert(routingRules).values(rules.map((r, i) => ({ ...r, orgId, position: i + 1 })));
  return listRoutingRules(db, orgId);
}
