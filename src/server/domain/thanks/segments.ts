import type { Executor } from '../../db/connection';
import type { GiftRow } from '../../db/repositories/gifts';
import { giftFacts } from '../../db/repositories/thanks';

// A recurring gift counts as active while its next installment can still be on its way: a yearly
// one comes within 12 months, so 13 leave room for a late one.
const activeRecurringDays = 396;

/**
 * The segments a gift itself puts its donor in, for promise policies to match: `first-gift`
 * (the donor gave nothing before), `major-gift` (at least the organization's threshold, in its
 * currency; gift settings) and `recurring` (a recurring gift, or a donor whose recurring gift
 * is active). The donor's tags and level are added beside these in record-gift.ts.
 */
export async function giftSegments(tx: Executor, orgId: string, gift: GiftRow): Promise<string[]> {
  const since = new Date(
    Date.parse(`${gift.receivedOn}T00:00:00Z`) - activeRecurringDays * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  const facts = await giftFacts(tx, orgId, gift, since);
  return [
    ...(facts.first ? ['first-gift'] : []),
    ...(facts.major ? ['major-gift'] : []),
    ...(facts.recurring || gift.kind === 'recurring' ? ['recurring'] : []),
  ];
}
