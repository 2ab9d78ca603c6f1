import type { GiftRow } from '../../db/repositories/gifts';
import type { Terms } from '../promises/clocks';

/** How a gift is to be thanked, and by whom (null: by email, anyone). */
export type ThanksPlan = {
  method: NonNullable<GiftRow['thanksMethod']>;
  user: { id: string; name: string } | null;
};

/** A staff user a plan may name, as the gift's recording reads them. */
export type Thanker = { id: string; name: string; active: boolean };

/**
 * How a gift is to be thanked and by whom, as the policy that matched it says (`thanks` of its
 * terms): `by: 'owner'` is the donor's relationship owner when they have one who is active, a
 * named user stays only while active; otherwise nobody in particular. No plan: by email, anyone
 * — the gift's columns stay null. A call with a person is that person's phone task: it is in the
 * thank-you queue under `assignee`. `users` holds at least the owner and the users policies name.
 */
export function planThanks(
  plan: Terms['thanks'],
  ownerUserId: string | null,
  users: readonly Thanker[],
): ThanksPlan | null {
  if (!plan) return null;
  const wanted = plan.by === 'owner' ? ownerUserId : (plan.by ?? null);
  const user = wanted ? users.find((u) => u.id === wanted && u.active) : undefined;
  return { method: plan.method, user: user ? { id: user.id, name: user.name } : null };
}
