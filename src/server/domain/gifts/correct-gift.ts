import type { Clock } from '../../../core/clock';
import type { CorrectionInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { insertAdjustment, lockGift, netAmount } from '../../db/repositories/gifts';
import { lockDonorPlacement } from '../../db/repositories/levels';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { placeLockedDonor } from '../levels/place-donor';
import { correctReceipt } from '../receipts/issue';
import { appendToTimeline } from '../timeline/timeline';
import { broken, formatMoney } from './money';
import { readGift } from './read-gifts';

/**
 * Corrects a gift's amount (entered wrong) by appending a signed change with its reason; the
 * gift as first recorded stays on record. A correction never takes a gift to zero or below:
 * money given back is a refund.
 */
export async function correctGift(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  input: CorrectionInput,
) {
  const now = clock.now();
  const gift = await lockGift(tx, actor.orgId, giftId);
  if (!gift) throw notFound('gift');
  if (gift.amount === null)
    throw broken('delta', 'this gift has no amount to correct (record goods at their value)');
  const after = (await netAmount(tx, actor.orgId, gift)) + input.delta;
  if (after < 1)
    throw broken('delta', 'a correction cannot take a gift to zero or below; refund it instead');
  // The donor's placement lock before the adjustment's trigger locks their giving_years row: the
  // order recording a gift takes them in (placement, then the gift's row), or each would wait.
  const timeZone = await lockDonorPlacement(tx, actor.orgId, gift.contactId);
  const row = await insertAdjustment(tx, {
    orgId: actor.orgId,
    giftId,
    kind: 'correction',
    delta: input.delta,
    reason: input.reason,
    occurredOn: now.toISOString().slice(0, 10),
    createdByUserId: actor.userId,
    createdAt: now,
  });
  await appendToTimeline(tx, actor, gift.contactId, {
    kind: 'gift',
    channel: 'system',
    direction: 'internal',
    summary: `Corrected a gift to ${formatMoney(after, gift.currency)}: ${input.reason}`,
    sourceType: 'gift',
    sourceId: giftId,
    occurredAt: now,
  });
  // A receipted gift gets a correction receipt in the same transaction; the old one stays.
  await correctReceipt(tx, clock, actor, gift, { kind: 'correction', reason: input.reason });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'gift_adjustment',
    entityId: row.id,
    after: { giftId, kind: row.kind, delta: row.delta, reason: row.reason },
  });
  // The level follows the giving (the placement lock is held since before the adjustment).
  await placeLockedDonor(tx, clock, actor.orgId, gift.contactId, timeZone, actor);
  return readGift(tx, actor, giftId);
}
