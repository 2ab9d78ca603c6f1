import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { households, users } from '../../db/schema';
import { invalid } from '../../errors';

/** Checks that the owner and household a contact points at exist in the same organization. */
export async function checkContactReferences(
  db: Executor,
  orgId: string,
  refs: { ownerUserId?: string | null; householdId?: string | null },
): Promise<void> {
  if (refs.ownerUserId) {
    const [u] = await db
      .select({ active: users.active })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, refs.ownerUserId)));
    if (!u) throw invalid('ownerUserId', 'no such staff user');
  }
  if (refs.householdId) {
    const [h] = await db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.orgId, orgId), eq(households.id, refs.householdId)));
    if (!h) throw invalid('householdId', 'no such household');
  }
}
