import type { GiftKind } from '../../../shared/gifts';
import type { Executor } from '../../db/connection';
import {
  liveStatementsOf,
  receiptsOfGifts,
  receivedGiftRows,
} from '../../db/repositories/receipts';
import { presentGifts } from '../gifts/read-gifts';
import type { PortalUser } from '../portal/portal';
import { receiptNumber, type ReceiptContent } from './content';
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
 * A signed-in contact's own gifts received (promises are not gifts received), newest first (up to `limit`), each with the funds it went to
 * and its receipts (the original and any corrections) to download.
 */
export async function myGifts(
  db: Executor,
  user: PortalUser,
  limit: number,
): Promise<PortalGiftView[]> {
  const rows = await receivedGiftRows(db, user.orgId, user.contactId, limit);
  const gifts = await presentGifts(
    db,
    user.orgId,
    rows.map((r) => ({ ...r, contactName: '' })),
  );
  const receipts = await receiptsOfGifts(
    db,
    user.orgId,
    gifts.map((g) => g.id),
  );
  return gifts.map((g) => ({
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

/** An annual statement as its donor sees it on the portal: `year` is the year of giving. */
export type PortalStatementView = { id: string; number: string; year: number; issuedOn: string };

/**
 * A signed-in contact's live annual statements to download, the latest year first. They belong
 * to no gift, so the gift list cannot show them.
 */
export async function myStatements(db: Executor, user: PortalUser): Promise<PortalStatementView[]> {
  const rows = await liveStatementsOf(db, user.orgId, user.contactId);
  return rows.map((r) => {
    const content = r.content as ReceiptContent;
    return {
      id: r.id,
      number: receiptNumber(r.year, r.number),
      year: content.statementYear ?? r.year,
      issuedOn: content.issuedOn,
    };
  });
}
