import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { alerts } from '../db/schema';
import type { Actor } from './actor';

/** Unresolved in-app alerts of the organization, newest first. */
export async function openAlerts(db: Executor, actor: Actor) {
  const rows = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.orgId, actor.orgId), isNull(alerts.resolvedAt)))
    .orderBy(desc(alerts.createdAt))
    .limit(100);
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    teamId: a.teamId,
    message: a.message,
    createdAt: a.createdAt.toISOString(),
  }));
}
