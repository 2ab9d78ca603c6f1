import type { Executor } from '../../db/connection';
import type { GiftRow } from '../../db/repositories/gifts';
import { findPolicy } from '../../db/repositories/promises';
import { setThanksPlan, thankedContact, usersAmong } from '../../db/repositories/thanks';

/**
 * Writes on a gift how it is to be thanked and by whom, as the policy that matched it says:
 * `by: 'owner'` is the donor's relationship owner when they have one who is active, a named user
 * stays only while active; otherwise nobody in particular. No policy (or one without a plan):
 * by email, anyone — the columns stay null. A call with a person is that person's phone task:
 * it is in the thank-you queue under `assignee`.
 */
export async function planThanks(
  tx: Executor,
  orgId: string,
  gift: GiftRow,
  policyId: string | null,
): Promise<void> {
  if (!policyId) return;
  const plan = (await findPolicy(tx, orgId, policyId))?.thanks;
  if (!plan) return;
  let userId: string | null = null;
  if (plan.by === 'owner')
    userId = (await thankedContact(tx, orgId, gift.contactId))?.ownerUserId ?? null;
  else if (plan.by) userId = plan.by;
  if (userId && !(await usersAmong(tx, orgId, [userId])).some((u) => u.active)) userId = null;
  await setThanksPlan(tx, orgId, gift.id, { method: plan.method, userId });
}
