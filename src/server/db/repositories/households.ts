import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../connection';
import { contacts, households } from '../schema';

/** A household row. */
export type HouseholdRow = typeof households.$inferSelect;

/** A household of the organization. */
export async function findHousehold(
  db: Executor,
  orgId: string,
  id: string,
): Promise<HouseholdRow | undefined> {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.orgId, orgId), eq(households.id, id)));
  return row;
}

/** Households by name, paged after an id. */
export async function listHouseholds(
  db: Executor,
  orgId: string,
  after: string | undefined,
  limit: number,
) {
  return db
    .select()
    .from(households)
    .where(and(eq(households.orgId, orgId), after ? gt(households.id, after) : undefined))
    .orderBy(asc(households.id))
    .limit(limit);
}

/** Inserts a household. */
export async function insertHousehold(
  db: Executor,
  values: typeof households.$inferInsert,
): Promise<HouseholdRow> {
  const [row] = await db.insert(households).values(values).returning();
  return row!;
}

/** Renames a household. */
export async function renameHousehold(
  db: Executor,
  orgId: string,
  id: string,
  name: string,
  now: Date,
) {
  const [row] = await db
    .update(households)
    .set({ name, updatedAt: now })
    .where(and(eq(households.orgId, orgId), eq(households.id, id)))
    .returning();
  return row;
}

/** Live members of a household. */
export async function householdMembers(db: Executor, orgId: string, id: string) {
  return db
    .select({ id: contacts.id, name: contacts.name, roles: contacts.roles })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.householdId, id), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.name));
}
