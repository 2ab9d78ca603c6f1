import type { GiftKind } from '../../../shared/gifts';
import type { Executor } from '../../db/connection';
import { receiptsOfGifts } from '../../db/repositories/receipts';
import { systemActor } from '../actor';
import { listGifts } from '../gifts/read-gifts';
import type { PortalUser } from '../portal/portal';
import { receiptNumber } from './content';
import type { ReceiptView } from './read';

/** A gift as its donor sees it on the portal: no staff notes, promises or soft credits. */
export type PortalGiftView = {
  id: string;
  kind: GiftKind;
  amount: number | null;
  currency: string;
  receivedOn: string;
  funds: string[];
  receipts: { id: string; number: string; kind: ReceiptView['kind']; year: number }[];
};

/**
 * A signed-in contact's own gifts, newest first (up to `limit`), each with the funds it went to
 * and its receipts (the original and any corrections) to download.
 */
export async function myGifts(
  db: Executor,
  user: PortalUser,
  limit: number,
): Promise<PortalGiftView[]> {
  const page = await listGifts(db, systemActor(user.orgId), { contactId: user.contactId, limit });
  const receipts = await receiptsOfGifts(
    db,
    user.orgId,
    page.data.map((g) => g.id),
  );
  return page.data.map((g) => ({
    id: g.id,
    kind: g.kind,
    amount: g.netAmount,
    currency: g.currency,
    receivedOn: g.receivedOn,
    funds: g.allocations.map((a) => a.fundName),
    receipts: receipts
      .filter((r) => r.giftId === g.id && r.contactId === user.contactId)
      .map((r) => ({
        id: r.id,
        number: receiptNumber(r.year, r.number),
        kind: r.kind as ReceiptView['kind'],
        year: r.year,
      })),
  }));
}
