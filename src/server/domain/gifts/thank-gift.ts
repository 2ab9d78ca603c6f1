import type { Clock } from '../../../core/clock';
import type { ThanksInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findGift, insertThanks } from '../../db/repositories/gifts';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../actor';
import { fulfilTarget } from '../promises/clocks';
import { appendToTimeline } from '../timeline/timeline';
import { readGift } from './read-gifts';

const channels = { email: 'email', letter: 'post', call: 'phone' } as const;

/**
 * Records a thank-you (an email or letter sent, a call made) on the donor's timeline and fulfils
 * the gift's thank-you promise at the moment it was given. A later thank-you is recorded too but
 * leaves the clock as the first one left it.
 */
export async function thankGift(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  input: ThanksInput,
) {
  const now = clock.now();
  const gift = await findGift(tx, actor.orgId, giftId);
  if (!gift) throw notFound('gift');
  const at = input.thankedAt ? new Date(input.thankedAt) : now;
  if (at > now) throw invalid('thankedAt', 'in the future');
  if (at < gift.createdAt) throw invalid('thankedAt', 'before the gift was recorded');
  const row = await insertThanks(tx, {
    orgId: actor.orgId,
    giftId,
    method: input.method,
    note: input.note ?? null,
    thankedAt: at,
    userId: actor.userId,
  });
  const how = { email: 'by email', letter: 'by letter', call: 'by phone' }[input.method];
  await appendToTimeline(tx, actor, gift.contactId, {
    kind: 'thanks',
    channel: channels[input.method],
    direction: 'outbound',
    summary: `Thanked ${how} for a gift${input.note ? `: ${input.note}` : ''}`,
    sourceType: 'gift',
    sourceId: giftId,
    occurredAt: at,
  });
  await fulfilTarget(tx, clock, actor.orgId, { type: 'gift', id: giftId }, 'thanks', at);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'gift_thanks',
    entityId: row.id,
    after: { giftId, method: row.method, note: row.note, thankedAt: at.toISOString() },
  });
  return readGift(tx, actor, giftId);
}
