import type { Executor } from '../../db/connection';
import type { GiftRow } from '../../db/repositories/gifts';
import { setThanksPlan, usersAmong } from '../../db/repositories/thanks';
import type { Terms } from '../promises/clocks';

/** How a gift is to be thanked, and by whom (null: by email, anyone). */
export type ThanksPlan = {
  method: NonNullable<GiftRow['thanksMethod']>;
  user: { id: string; name: string } | null;
};

/**
 * Writes on a gift how it is to be thanked and by whom, as the policy that matched it says
 * (`thanks` of its terms): `by: 'owner'` is the donor's relationship owner when they have one who
 * is active, a named user stays only while active; otherwise nobody in particular. No plan: by
 * email, anyone — the columns stay null. A call with a person is that person's phone task: it is
 * in the thank-you queue under `assignee`.
 */
export async function planThanks(
  tx: Executor,
  orgId: string,
  gift: GiftRow,
  plan: Terms['thanks'],
  ownerUserId: string | null,
): Promise<ThanksPlan | null> {
  if (!plan) return null;
  const wanted = plan.by === 'owner' ? ownerUserId : (plan.by ?? null);
  const user = wanted ? (await usersAmong(tx, orgId, [wanted])).find((u) => u.active) : undefined;
  await setThanksPlan(tx, orgId, gift.id, { method: plan.method, userId: user?.id ?? null });
  return { method: plan.method, user: user ? { id: user.id, name: user.name } : null };
}
