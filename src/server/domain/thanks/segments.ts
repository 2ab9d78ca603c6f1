import type { GiftRow } from '../../db/repositories/gifts';

// A recurring gift counts as active while its next installment can still be on its way: a yearly
// one comes within 12 months, so 13 leave room for a late one.
const activeRecurringDays = 396;

/** The first day a donor's other recurring gift counts as active for a gift received on `day`. */
export function recurringSince(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - activeRecurringDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * What the donor's other gifts say, read before the gift is written: whether they gave before,
 * and whether another recurring gift of theirs was received since `recurringSince(receivedOn)`.
 */
export type DonorHistory = { gaveBefore: boolean; recurring: boolean };

/** The organization's major-gift threshold (gift settings), if it set one. */
export type MajorGiftThreshold = { majorGiftAmount: number | null; currency: string } | null;

/**
 * The segments a gift itself puts its donor in, for promise policies to match: `first-gift`
 * (the donor gave nothing before), `major-gift` (at least the organization's threshold, in its
 * currency; gift settings) and `recurring` (a recurring gift, or a donor whose recurring gift
 * is active). The donor's tags and level are added beside these in record-gift.ts.
 */
export function giftSegments(
  gift: Pick<GiftRow, 'kind' | 'amount' | 'currency'>,
  history: DonorHistory,
  threshold: MajorGiftThreshold,
): string[] {
  const major =
    gift.amount !== null &&
    threshold?.majorGiftAmount != null &&
    gift.amount >= threshold.majorGiftAmount &&
    threshold.currency === gift.currency;
  return [
    ...(history.gaveBefore ? [] : ['first-gift']),
    ...(major ? ['major-gift'] : []),
    ...(history.recurring || gift.kind === 'recurring' ? ['recurring'] : []),
  ];
}
