import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { households, users } from '../../db/schema';
import { invalid } from '../../errors';

/** The owner and household a contact points at, as its presenter shows them. */
export type ContactReferences = {
  owner: { id: string; name: string; email: string } | null;
  household: { id: string; name: string } | null;
};

/**
 * Checks that the owner and household a contact points at exist in the same organization and
 * returns them (a 400 on the field otherwise).
 */
export async function checkContactReferences(
  db: Executor,
  orgId: string,
  refs: { ownerUserId?: string | null; householdId?: string | null },
): Promise<ContactReferences> {
  let owner: ContactReferences['owner'] = null;
  let household: ContactReferences['household'] = null;
  if (refs.ownerUserId) {
    [owner = null] = await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, refs.ownerUserId)));
    if (!owner) throw invalid('ownerUserId', 'no such staff user');
  }
  if (refs.householdId) {
    [household = null] = await db
      .select({ id: households.id, name: households.name })
      .from(households)
      .where(and(eq(households.orgId, orgId), eq(households.id, refs.householdId)));
    if (!household) throw invalid('householdId', 'no such household');
  }
  return { owner, household };
}
