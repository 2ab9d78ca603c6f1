import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { promisedKinds } from '../../../shared/gifts';
import { queryRows, type Executor } from '../connection';
import { contactAddresses, funds, giftAllocations, gifts, receipts } from '../schema';
import { netAmountOf, receivedKind } from './gifts';

/** A receipt row. */
export type ReceiptRow = typeof receipts.$inferSelect;

/**
 * The next receipt number of the organization's year, taken in the caller's transaction: the
 * counter row stays locked until it ends, so issuers take turns, and a rollback gives the number
 * back — numbers never skip and never repeat.
 */
export async function nextReceiptNumber(db: Executor, orgId: string, year: number) {
  const [row] = await queryRows<{ last: number }>(
    db,
    sql`insert into receipt_counters (org_id, year, last) values (${orgId}, ${year}, 1)
        on conflict (org_id, year) do update set last = receipt_counters.last + 1
        returning last`,
  );
  return Number(row!.last);
}

/** Inserts a receipt. */
export async function insertReceipt(db: Executor, values: typeof receipts.$inferInsert) {
  const [row] = await db.insert(receipts).values(values).returning();
  return row!;
}

/** A receipt of the organization. */
export async function findReceipt(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.orgId, orgId), eq(receipts.id, id)));
  return row;
}

const later = alias(receipts, 'later');
const notReplaced = sql`not exists (select 1 from ${receipts} x
  where x.org_id = ${receipts.orgId} and x.replaces_receipt_id = ${receipts.id})`;

/** The gift's live receipt: its receipt or latest correction, not replaced by another. */
export async function liveReceiptOfGift(db: Executor, orgId: string, giftId: string) {
  const [row] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.orgId, orgId), eq(receipts.giftId, giftId), notReplaced))
    .orderBy(desc(receipts.issuedAt), desc(receipts.id))
    .limit(1);
  return row;
}

/**
 * Takes turns over a donor's annual statement for a year: a transaction-scoped advisory lock,
 * held to the end of the caller's transaction, so two requests at once cannot both find no live
 * statement and each issue one.
 */
export async function lockStatement(db: Executor, orgId: string, contactId: string, year: number) {
  const key = `statement:${orgId}:${contactId}:${year}`;
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** The live annual statement of a contact for a year of giving. */
export async function liveStatement(db: Executor, orgId: string, contactId: string, year: number) {
  const [row] = await db
    .select()
    .from(receipts)
    .where(
      and(
        eq(receipts.orgId, orgId),
        eq(receipts.contactId, contactId),
        eq(receipts.kind, 'statement'),
        sql`${receipts.content}->>'statementYear' = ${String(year)}`,
        notReplaced,
      ),
    )
    .limit(1);
  return row;
}

/** A contact's live annual statements (none replaced), the latest year of giving first. */
export function liveStatementsOf(db: Executor, orgId: string, contactId: string) {
  return db
    .select()
    .from(receipts)
    .where(
      and(
        eq(receipts.orgId, orgId),
        eq(receipts.contactId, contactId),
        eq(receipts.kind, 'statement'),
        notReplaced,
      ),
    )
    .orderBy(desc(sql`(${receipts.content}->>'statementYear')::int`), desc(receipts.issuedAt));
}

/**
 * A contact's own gifts received (promises — pledges, bequest intentions — are not), newest
 * received first, up to `limit`.
 */
export async function receivedGiftRows(
  db: Executor,
  orgId: string,
  contactId: string,
  limit: number,
) {
  const rows = await db
    .select()
    .from(gifts)
    .where(
      and(
        eq(gifts.orgId, orgId),
        eq(gifts.contactId, contactId),
        notInArray(gifts.kind, [...promisedKinds]),
      ),
    )
    .orderBy(desc(gifts.receivedOn), desc(gifts.id))
    .limit(limit);
  return rows;
}

/** Which receipts replaced some receipts: replaced id → the replacing receipt. */
export async function replacementsOf(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, ReceiptRow>();
  const rows = await db
    .select()
    .from(later)
    .where(and(eq(later.orgId, orgId), inArray(later.replacesReceiptId, ids)));
  return new Map(rows.map((r) => [r.replacesReceiptId!, r]));
}

/** Filters of a receipt list. */
export type ReceiptFilter = { contactId?: string; giftId?: string; year?: number };

/** Receipts, newest first, after a position. */
export function listReceiptRows(
  db: Executor,
  orgId: string,
  f: ReceiptFilter,
  after: { t: string; i: string } | undefined,
  limit: number,
) {
  return db
    .select()
    .from(receipts)
    .where(
      and(
        eq(receipts.orgId, orgId),
        f.contactId ? eq(receipts.contactId, f.contactId) : undefined,
        f.giftId ? eq(receipts.giftId, f.giftId) : undefined,
        f.year ? eq(receipts.year, f.year) : undefined,
        after
          ? or(
              lt(receipts.issuedAt, new Date(after.t)),
              and(eq(receipts.issuedAt, new Date(after.t)), lt(receipts.id, after.i)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(receipts.issuedAt), desc(receipts.id))
    .limit(limit);
}

/** The receipts of some gifts, oldest first. */
export function receiptsOfGifts(db: Executor, orgId: string, giftIds: string[]) {
  if (giftIds.length === 0) return Promise.resolve([] as ReceiptRow[]);
  return db
    .select()
    .from(receipts)
    .where(and(eq(receipts.orgId, orgId), inArray(receipts.giftId, giftIds)))
    .orderBy(asc(receipts.issuedAt), asc(receipts.id));
}

/** A contact's primary postal address (else any). */
export async function postalAddressOf(db: Executor, orgId: string, contactId: string) {
  const [row] = await db
    .select()
    .from(contactAddresses)
    .where(and(eq(contactAddresses.orgId, orgId), eq(contactAddresses.contactId, contactId)))
    .orderBy(desc(contactAddresses.isPrimary), asc(contactAddresses.id))
    .limit(1);
  return row;
}

/** The funds a gift is designated to, with their names, in the order written. */
export function allocationsOf(db: Executor, orgId: string, giftId: string) {
  return db
    .select({ fundId: funds.id, fundName: funds.name, amount: giftAllocations.amount })
    .from(giftAllocations)
    .innerJoin(funds, and(eq(funds.orgId, orgId), eq(funds.id, giftAllocations.fundId)))
    .where(and(eq(giftAllocations.orgId, orgId), eq(giftAllocations.giftId, giftId)))
    .orderBy(asc(giftAllocations.id));
}

/** One gift line of an annual statement. */
export type StatementLine = {
  id: string;
  kind: string;
  received_on: string;
  currency: string;
  net: number | string | null;
  details: Record<string, unknown>;
  funds: string | null;
};

/**
 * A contact's own gifts received in a calendar year (promises excluded; soft credits are
 * others' gifts and never appear), each net of refunds and corrections, oldest first.
 */
export function statementLines(db: Executor, orgId: string, contactId: string, year: number) {
  return queryRows<StatementLine>(
    db,
    sql`select g.id, g.kind, g.received_on::text as received_on, g.currency, g.details,
               ${netAmountOf('g')} as net,
               (select string_agg(f.name, ', ' order by ga.id) from gift_allocations ga
                  join funds f on f.org_id = ga.org_id and f.id = ga.fund_id
                 where ga.org_id = g.org_id and ga.gift_id = g.id) as funds
          from gifts g
         where g.org_id = ${orgId} and g.contact_id = ${contactId}
           and g.received_on >= make_date(${year}, 1, 1) and g.received_on < make_date(${year + 1}, 1, 1)
           and ${receivedKind('g')}
         order by g.received_on, g.id`,
  );
}
