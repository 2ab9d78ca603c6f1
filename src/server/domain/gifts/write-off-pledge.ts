import type { Clock } from '../../../core/clock';
import type { WriteOffInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { insertAdjustment, lockGift, netAmount, pledgePayments } from '../../db/repositories/gifts';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { appendToTimeline } from '../timeline/timeline';
import { broken, formatMoney } from './money';
import { readGift } from './read-gifts';

/**
 * Writes off what is still to come of a pledge (all of it, or a part): appended as an
 * adjustment, so the promise as made stays on record.
 */
export async function writeOffPledge(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  pledgeId: string,
  input: WriteOffInput,
) {
  const now = clock.now();
  const pledge = await lockGift(tx, actor.orgId, pledgeId);
  if (!pledge) throw notFound('gift');
  if (pledge.kind !== 'pledge') throw broken('id', 'only a pledge can be written off');
  const paid = (await pledgePayments(tx, actor.orgId, [pledgeId])).get(pledgeId) ?? 0;
  const balance = (await netAmount(tx, actor.orgId, pledge)) - paid;
  const amount = input.amount ?? balance;
  if (balance <= 0) throw broken('amount', 'nothing of this pledge is left to write off');
  if (amount > balance)
    throw broken('amount', `only ${balance} minor units of this pledge are still to come`);
  const row = await insertAdjustment(tx, {
    orgId: actor.orgId,
    giftId: pledgeId,
    kind: 'write_off',
    delta: -amount,
    reason: input.reason ?? null,
    occurredOn: now.toISOString().slice(0, 10),
    createdByUserId: actor.userId,
    createdAt: now,
  });
  await appendToTimeline(tx, actor, pledge.contactId, {
    kind: 'gift',
    channel: 'system',
    direction: 'internal',
    summary: `Wrote off ${formatMoney(amount, pledge.currency)} of a pledge`,
    sourceType: 'gift',
    sourceId: pledgeId,
    occurredAt: now,
  });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'gift_adjustment',
    entityId: row.id,
    after: { giftId: pledgeId, kind: row.kind, delta: row.delta, reason: row.reason },
  });
  return readGift(tx, actor, pledgeId);
}
