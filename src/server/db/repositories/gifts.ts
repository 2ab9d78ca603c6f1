import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, lt, sql } from 'drizzle-orm';
import { newId } from '../../../core/ids';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import {
  contacts,
  funds,
  giftAdjustments,
  giftAllocations,
  gifts,
  giftSoftCredits,
  giftThanks,
  programs,
  promiseClocks,
} from '../schema';

/** A gift row. */
export type GiftRow = typeof gifts.$inferSelect;
/** A fund row. */
export type FundRow = typeof funds.$inferSelect;
/** A program row. */
export type ProgramRow = typeof programs.$inferSelect;
/** An appended change to a gift's money. */
export type AdjustmentRow = typeof giftAdjustments.$inferSelect;

/** What hangs off a set of gifts: designations, soft credits, adjustments, thank-yous. */
export type GiftParts = {
  allocations: (typeof giftAllocations.$inferSelect & { fundName: string })[];
  softCredits: (typeof giftSoftCredits.$inferSelect & { contactName: string })[];
  adjustments: AdjustmentRow[];
  thanks: (typeof giftThanks.$inferSelect)[];
};

/** A gift of the organization. */
export async function findGift(
  db: Executor,
  orgId: string,
  id: string,
): Promise<GiftRow | undefined> {
  const [row] = await db
    .select()
    .from(gifts)
    .where(and(eq(gifts.orgId, orgId), eq(gifts.id, id)));
  return row;
}

/**
 * Inserts a gift with its allocations and soft credits. Their ids are made here, in order
 * (uuid v7 is monotonic within a process), so they read back in the order they were given.
 */
export async function insertGift(
  db: Executor,
  gift: typeof gifts.$inferInsert,
  allocations: Omit<typeof giftAllocations.$inferInsert, 'giftId'>[],
  softCredits: Omit<typeof giftSoftCredits.$inferInsert, 'giftId'>[],
): Promise<GiftRow> {
  const [row] = await db.insert(gifts).values(gift).returning();
  const giftId = row!.id;
  if (allocations.length)
    await db
      .insert(giftAllocations)
      .values(allocations.map((a) => ({ ...a, id: newId(), giftId })));
  if (softCredits.length)
    await db
      .insert(giftSoftCredits)
      .values(softCredits.map((s) => ({ ...s, id: newId(), giftId })));
  return row!;
}

/** Appends a refund, correction or write-off. */
export async function insertAdjustment(
  db: Executor,
  values: typeof giftAdjustments.$inferInsert,
): Promise<AdjustmentRow> {
  const [row] = await db
    .insert(giftAdjustments)
    .values({ id: newId(), ...values })
    .returning();
  return row!;
}

/** Appends a thank-you. */
export async function insertThanks(db: Executor, values: typeof giftThanks.$inferInsert) {
  const [row] = await db
    .insert(giftThanks)
    .values({ id: newId(), ...values })
    .returning();
  return row!;
}

/** The parts of some gifts, each list in the order it was written. */
export async function giftParts(db: Executor, orgId: string, ids: string[]): Promise<GiftParts> {
  if (ids.length === 0) return { allocations: [], softCredits: [], adjustments: [], thanks: [] };
  const [allocations, softCredits, adjustments, thanks] = await Promise.all([
    db
      .select({ a: giftAllocations, fundName: funds.name })
      .from(giftAllocations)
      .innerJoin(funds, and(eq(funds.orgId, orgId), eq(funds.id, giftAllocations.fundId)))
      .where(and(eq(giftAllocations.orgId, orgId), inArray(giftAllocations.giftId, ids)))
      .orderBy(asc(giftAllocations.id)),
    db
      .select({ s: giftSoftCredits, contactName: contacts.name })
      .from(giftSoftCredits)
      .innerJoin(
        contacts,
        and(eq(contacts.orgId, orgId), eq(contacts.id, giftSoftCredits.contactId)),
      )
      .where(and(eq(giftSoftCredits.orgId, orgId), inArray(giftSoftCredits.giftId, ids)))
      .orderBy(asc(giftSoftCredits.id)),
    db
      .select()
      .from(giftAdjustments)
      .where(and(eq(giftAdjustments.orgId, orgId), inArray(giftAdjustments.giftId, ids)))
      .orderBy(asc(giftAdjustments.createdAt), asc(giftAdjustments.id)),
    db
      .select()
      .from(giftThanks)
      .where(and(eq(giftThanks.orgId, orgId), inArray(giftThanks.giftId, ids)))
      .orderBy(asc(giftThanks.thankedAt), asc(giftThanks.id)),
  ]);
  return {
    allocations: allocations.map((r) => ({ ...r.a, fundName: r.fundName })),
    softCredits: softCredits.map((r) => ({ ...r.s, contactName: r.contactName })),
    adjustments,
    thanks,
  };
}

/** Filters of a gift list. */
export type GiftFilter = {
  contactId?: string;
  kind?: GiftRow['kind'];
  campaign?: string;
  fundId?: string;
  from?: string;
  to?: string;
};

/** Gifts newest received first (then newest written), after a position, with filters. */
export async function listGiftRows(
  db: Executor,
  orgId: string,
  f: GiftFilter,
  after: { d: string; i: string } | undefined,
  limit: number,
): Promise<(GiftRow & { contactName: string })[]> {
  const rows = await db
    .select({ g: gifts, contactName: contacts.name })
    .from(gifts)
    .innerJoin(contacts, and(eq(contacts.orgId, orgId), eq(contacts.id, gifts.contactId)))
    .where(
      and(
        eq(gifts.orgId, orgId),
        f.contactId ? eq(gifts.contactId, f.contactId) : undefined,
        f.kind ? eq(gifts.kind, f.kind) : undefined,
        f.campaign ? eq(gifts.campaign, f.campaign) : undefined,
        f.from ? gte(gifts.receivedOn, f.from) : undefined,
        f.to ? lte(gifts.receivedOn, f.to) : undefined,
        f.fundId
          ? sql`exists (select 1 from ${giftAllocations} a where a.org_id = ${orgId} and a.gift_id = ${gifts.id} and a.fund_id = ${f.fundId})`
          : undefined,
        after
          ? or(
              lt(gifts.receivedOn, after.d),
              and(eq(gifts.receivedOn, after.d), lt(gifts.id, after.i)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(gifts.receivedOn), desc(gifts.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.g, contactName: r.contactName }));
}

/** Gifts of the organization among some ids, with their donors' names (in no set order). */
export async function giftRowsAmong(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<(GiftRow & { contactName: string })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ g: gifts, contactName: contacts.name })
    .from(gifts)
    .innerJoin(contacts, and(eq(contacts.orgId, orgId), eq(contacts.id, gifts.contactId)))
    .where(and(eq(gifts.orgId, orgId), inArray(gifts.id, ids)));
  return rows.map((r) => ({ ...r.g, contactName: r.contactName }));
}

/** Live contacts of the organization among some ids (name and kind). */
export async function contactsAmong(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      kind: contacts.kind,
      roles: contacts.roles,
      tags: contacts.tags,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids), isNull(contacts.deletedAt)));
}

/** Funds of the organization among some ids. */
export async function fundsAmong(db: Executor, orgId: string, ids: string[]): Promise<FundRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(funds)
    .where(and(eq(funds.orgId, orgId), inArray(funds.id, ids)));
}

/** The net amount of a gift: its amount plus every appended adjustment. */
export async function netAmount(db: Executor, orgId: string, gift: GiftRow): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string | null>`sum(${giftAdjustments.delta})::text` })
    .from(giftAdjustments)
    .where(and(eq(giftAdjustments.orgId, orgId), eq(giftAdjustments.giftId, gift.id)));
  return (gift.amount ?? 0) + Number(row?.sum ?? 0);
}

/** What has been paid against each of some pledges (net of the payments' own refunds). */
export async function pledgePayments(
  db: Executor,
  orgId: string,
  pledgeIds: string[],
): Promise<Map<string, number>> {
  if (pledgeIds.length === 0) return new Map();
  const rows = await queryRows<{ pledge_id: string; paid: string }>(
    db,
    sql`select g.pledge_id, (sum(g.amount) + coalesce(sum(a.delta), 0))::text as paid
          from ${gifts} g
          left join lateral (select sum(x.delta) as delta from ${giftAdjustments} x
                              where x.org_id = g.org_id and x.gift_id = g.id) a on true
         where g.org_id = ${orgId} and g.pledge_id in ${sql`(${sql.join(
           pledgeIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`}
         group by g.pledge_id`,
  );
  return new Map(rows.map((r) => [r.pledge_id, Number(r.paid)]));
}

/** Inserts a program. */
export async function insertProgram(db: Executor, values: typeof programs.$inferInsert) {
  const [row] = await db.insert(programs).values(values).returning();
  return row!;
}

/** A program of the organization. */
export async function findProgram(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, orgId), eq(programs.id, id)));
  return row;
}

/** Programs in the order they were made, after an id. */
export function listPrograms(
  db: Executor,
  orgId: string,
  after: string | undefined,
  limit: number,
): Promise<ProgramRow[]> {
  return db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, orgId), after ? gt(programs.id, after) : undefined))
    .orderBy(asc(programs.id))
    .limit(limit);
}

/** Inserts a fund. */
export async function insertFund(db: Executor, values: typeof funds.$inferInsert) {
  const [row] = await db.insert(funds).values(values).returning();
  return row!;
}

/** Funds in the order they were made, after an id. */
export function listFunds(
  db: Executor,
  orgId: string,
  after: string | undefined,
  limit: number,
): Promise<FundRow[]> {
  return db
    .select()
    .from(funds)
    .where(and(eq(funds.orgId, orgId), after ? gt(funds.id, after) : undefined))
    .orderBy(asc(funds.id))
    .limit(limit);
}

/** The thanks clocks of some gifts (the latest per gift wins when read in order). */
export function thanksClocks(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(promiseClocks)
    .where(
      and(
        eq(promiseClocks.orgId, orgId),
        eq(promiseClocks.subjectType, 'gift'),
        eq(promiseClocks.target, 'thanks'),
        inArray(promiseClocks.subjectId, ids),
      ),
    )
    .orderBy(asc(promiseClocks.createdAt), asc(promiseClocks.id));
}

/**
 * Gifts whose thank-you is still owed (the clock running, or broken and not yet fulfilled),
 * soonest due first, after a position.
 */
export async function thanksQueueRows(
  db: Executor,
  orgId: string,
  after: { t: string; i: string } | undefined,
  limit: number,
) {
  return queryRows<{ gift_id: string; due_at: Date | string | null; clock_id: string }>(
    db,
    sql`select g.id as gift_id, c.due_at, c.id as clock_id
          from ${promiseClocks} c
          join ${gifts} g on g.org_id = c.org_id and g.id::text = c.subject_id
         where c.org_id = ${orgId} and c.subject_type = 'gift' and c.target = 'thanks'
           and (c.state in ('running', 'paused') or (c.state = 'breached' and c.fulfilled_at is null))
           and c.due_at is not null
           ${after ? sql`and (c.due_at, c.id) > (${after.t}::timestamptz, ${after.i}::uuid)` : sql``}
         order by c.due_at, c.id
         limit ${limit}`,
  );
}

/** A gift, locked until the transaction ends (refunds of one gift queue behind each other). */
export async function lockGift(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(gifts)
    .where(and(eq(gifts.orgId, orgId), eq(gifts.id, id)))
    .for('update');
  return row;
}

/** One gift's money in a giving summary: net of its adjustments, in its currency. */
export type GivingLine = { id: string; receivedOn: string; currency: string; net: number };

/**
 * The money a contact gave themselves (kinds that are money or goods received, net of refunds
 * and corrections), and apart from it the soft credits they hold on others' gifts (at most what
 * is left of each gift). Pledges and bequest intentions are promises, not gifts received.
 */
export async function givingLines(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<{ own: GivingLine[]; soft: GivingLine[] }> {
  const rows = await queryRows<{
    soft: boolean;
    id: string;
    received_on: string;
    currency: string;
    net: string;
  }>(
    db,
    sql`with net as (
          select g.id, g.contact_id, g.received_on, g.currency,
                 g.amount + coalesce((select sum(a.delta) from ${giftAdjustments} a
                                       where a.org_id = g.org_id and a.gift_id = g.id), 0) as net
            from ${gifts} g
           where g.org_id = ${orgId} and g.amount is not null
             and g.kind not in ('pledge', 'bequest_intention')
             and (g.contact_id = ${contactId} or g.id in (
                   select s.gift_id from ${giftSoftCredits} s
                    where s.org_id = ${orgId} and s.contact_id = ${contactId}))
        )
        select false as soft, n.id, n.received_on::text, n.currency, n.net::text
          from net n where n.contact_id = ${contactId}
        union all
        select true, n.id, n.received_on::text, n.currency,
               least(coalesce(s.amount, n.net), n.net)::text
          from net n join ${giftSoftCredits} s
            on s.org_id = ${orgId} and s.gift_id = n.id and s.contact_id = ${contactId}
        order by 3, 2`,
  );
  const line = (r: (typeof rows)[number]): GivingLine => ({
    id: r.id,
    receivedOn: r.received_on,
    currency: r.currency,
    net: Number(r.net),
  });
  return { own: rows.filter((r) => !r.soft).map(line), soft: rows.filter((r) => r.soft).map(line) };
}

/** A donor who gave before this year but not yet this year, with the date of their last gift. */
export type LapsedRow = { contact_id: string; name: string; last_gift_on: string };

/**
 * Donors with a gift received (net of refunds) before `thisYearStart` and none since: those who
 * gave in the year before it (LYBUNT), or in any earlier year (SYBUNT, which includes LYBUNT).
 * Most recent givers first, after a position.
 */
export function lapsedDonorRows(
  db: Executor,
  orgId: string,
  opts: {
    thisYearStart: string;
    lastYearStart: string;
    lastYearOnly: boolean;
    after?: { d: string; i: string };
    limit: number;
  },
) {
  return queryRows<LapsedRow>(
    db,
    sql`with net as (
          select g.contact_id, g.received_on
            from ${gifts} g
            left join (select gift_id, sum(delta) as delta from ${giftAdjustments}
                        where org_id = ${orgId} group by gift_id) a on a.gift_id = g.id
           where g.org_id = ${orgId} and g.amount is not null
             and g.kind not in ('pledge', 'bequest_intention')
             and g.amount + coalesce(a.delta, 0) > 0
        ), per as (
          select contact_id, max(received_on) as last_gift_on,
                 bool_or(received_on >= ${opts.thisYearStart}::date) as this_year,
                 bool_or(received_on >= ${opts.lastYearStart}::date
                         and received_on < ${opts.thisYearStart}::date) as last_year
            from net group by contact_id
        )
        select p.contact_id, c.name, p.last_gift_on::text as last_gift_on
          from per p
          join ${contacts} c on c.org_id = ${orgId} and c.id = p.contact_id and c.deleted_at is null
         where not p.this_year
           ${opts.lastYearOnly ? sql`and p.last_year` : sql``}
           ${opts.after ? sql`and (p.last_gift_on, p.contact_id) < (${opts.after.d}::date, ${opts.after.i}::uuid)` : sql``}
         order by p.last_gift_on desc, p.contact_id desc
         limit ${opts.limit}`,
  );
}
