import { z } from 'zod';
import type { Executor } from '../../db/connection';
import {
  findReceipt,
  listReceiptRows,
  replacementsOf,
  type ReceiptFilter,
  type ReceiptRow,
} from '../../db/repositories/receipts';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { receiptNumber, type ReceiptContent } from './content';
import { renderReceiptPdf } from './pdf';

/** A receipt as the API answers it. */
export type ReceiptView = {
  id: string;
  number: string;
  year: number;
  sequence: number;
  kind: 'gift' | 'correction' | 'statement';
  contactId: string;
  giftId: string | null;
  replacesReceiptId: string | null;
  replacedBy: { id: string; number: string } | null;
  language: string;
  issuedAt: string;
  content: ReceiptContent;
};

/** Presents a receipt with what replaced it, if anything did. */
export function presentReceipt(row: ReceiptRow, replacedBy?: ReceiptRow): ReceiptView {
  return {
    id: row.id,
    number: receiptNumber(row.year, row.number),
    year: row.year,
    sequence: row.number,
    kind: row.kind as ReceiptView['kind'],
    contactId: row.contactId,
    giftId: row.giftId,
    replacesReceiptId: row.replacesReceiptId,
    replacedBy: replacedBy
      ? { id: replacedBy.id, number: receiptNumber(replacedBy.year, replacedBy.number) }
      : null,
    language: row.language,
    issuedAt: row.issuedAt.toISOString(),
    content: row.content as ReceiptContent,
  };
}

/** Presents rows, each with its replacement looked up (one query for all). */
export async function presentReceipts(db: Executor, orgId: string, rows: ReceiptRow[]) {
  const replaced = await replacementsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentReceipt(r, replaced.get(r.id)));
}

/** One receipt of the organization; 404 otherwise. */
export async function readReceipt(db: Executor, actor: Actor, id: string): Promise<ReceiptView> {
  const row = await findReceipt(db, actor.orgId, id);
  if (!row) throw notFound('receipt');
  return (await presentReceipts(db, actor.orgId, [row]))[0]!;
}

const cursor = z.object({ t: z.iso.datetime(), i: z.uuid() });

/** Receipts, newest first, with filters, page by page. */
export async function listReceipts(
  db: Executor,
  actor: Actor,
  q: ReceiptFilter & { cursor?: string; limit: number },
): Promise<Page<ReceiptView>> {
  const after = decodeCursor(q.cursor, cursor);
  const rows = await listReceiptRows(db, actor.orgId, q, after, q.limit + 1);
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows.at(-1);
  return {
    data: await presentReceipts(db, actor.orgId, pageRows),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ t: last.issuedAt.toISOString(), i: last.id })
        : null,
  };
}

/**
 * A receipt's PDF and file name; 404 unless it belongs to the organization (and, when a
 * contact is named — the portal — to that contact).
 */
export async function receiptPdf(
  db: Executor,
  orgId: string,
  id: string,
  onlyContactId?: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const row = await findReceipt(db, orgId, id);
  if (!row || (onlyContactId !== undefined && row.contactId !== onlyContactId))
    throw notFound('receipt');
  const content = row.content as ReceiptContent;
  const pdf = await renderReceiptPdf(row.kind as ReceiptView['kind'], content, row.issuedAt);
  return { pdf, fileName: `${content.number}.pdf` };
}
