import type { Clock } from '../../../core/clock';
import { promisedKinds } from '../../../shared/gifts';
import type { RefundInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { insertAdjustment, lockGift, netAmount } from '../../db/repositories/gifts';
import { lockDonorPlacement } from '../../db/repositories/levels';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { cancelPromises } from '../promises/clocks';
import { placeLockedDonor } from '../levels/place-donor';
import { correctReceipt } from '../receipts/issue';
import { appendToTimeline } from '../timeline/timeline';
import { broken, formatMoney } from './money';
import { readGift } from './read-gifts';

/**
 * Appends a refund to a gift (the gift itself is never changed): at most what is left of it after
 * earlier refunds and corrections. The gift is locked so two refunds cannot both take the rest.
 * Refunding all that is left cancels a thank-you still owed.
 */
export async function refundGift(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  input: RefundInput,
) {
  const now = clock.now();
  const gift = await lockGift(tx, actor.orgId, giftId);
  if (!gift) throw notFound('gift');
  if (promisedKinds.includes(gift.kind) || gift.amount === null)
    throw broken('amount', 'this gift holds no money received, so nothing can be refunded');
  const left = await netAmount(tx, actor.orgId, gift);
  if (input.amount > left)
    throw broken('amount', `only ${left} minor units of this gift are left to refund`);
  // The donor's placement lock before the adjustment's trigger locks their giving_years row: the
  // order recording a gift takes them in (placement, then the gift's row), or each would wait.
  const timeZone = await lockDonorPlacement(tx, actor.orgId, gift.contactId);
  const row = await insertAdjustment(tx, {
    orgId: actor.orgId,
    giftId,
    kind: 'refund',
    delta: -input.amount,
    reason: input.reason ?? null,
    occurredOn: input.refundedOn ?? now.toISOString().slice(0, 10),
    createdByUserId: actor.userId,
    createdAt: now,
  });
  await appendToTimeline(tx, actor, gift.contactId, {
    kind: 'gift',
    channel: 'system',
    direction: 'outbound',
    summary: `Refunded ${formatMoney(input.amount, gift.currency)} of a gift of ${formatMoney(gift.amount, gift.currency)}`,
    sourceType: 'gift',
    sourceId: giftId,
    occurredAt: now,
  });
  // A gift wholly given back (a bounced cheque, a disputed card) is no longer owed a thank-you.
  if (input.amount === left)
    await cancelPromises(tx, clock, actor.orgId, { type: 'gift', id: giftId });
  // A receipted gift gets a correction receipt in the same transaction; the old one stays.
  await correctReceipt(tx, clock, actor, gift, { kind: 'refund', reason: input.reason ?? null });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'gift_adjustment',
    entityId: row.id,
    after: {
      giftId,
      kind: row.kind,
      delta: row.delta,
      reason: row.reason,
      occurredOn: row.occurredOn,
    },
  });
  // The level follows the giving (the placement lock is held since before the adjustment).
  await placeLockedDonor(tx, clock, actor.orgId, gift.contactId, timeZone, actor);
  return readGift(tx, actor, giftId);
}
