import { and, asc, desc, eq, gte, inArray, isNull, lte, or, lt, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../../core/ids';
import { promisedKinds } from '../../../shared/gifts';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { insertRows } from '../write-together';
import {
  contacts,
  funds,
  giftAdjustments,
  giftAllocations,
  gifts,
  giftSoftCredits,
  giftThanks,
  promiseClocks,
} from '../schema';

/** A gift row. */
export type GiftRow = typeof gifts.$inferSelect;
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

/** A gift planned in full (its ids made in Node), to write with the rest of its recording. */
export type GiftWrite = {
  row: GiftRow;
  allocations: (typeof giftAllocations.$inferSelect)[];
  softCredits: (typeof giftSoftCredits.$inferSelect)[];
};

/**
 * The statements that write planned gifts with their allocations and soft credits (for
 * writeTogether): one insert per table however many gifts. Their ids are time-ordered and made in
 * order, so they read back in the order they were given.
 */
export function insertGiftQueries(gs: readonly GiftWrite[]): SQL[] {
  const allocations = gs.flatMap((g) => g.allocations);
  const softCredits = gs.flatMap((g) => g.softCredits);
  return [
    insertRows(
      gifts,
      gs.map((g) => g.row),
    ),
    ...(allocations.length ? [insertRows(giftAllocations, allocations)] : []),
    ...(softCredits.length ? [insertRows(giftSoftCredits, softCredits)] : []),
  ];
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
      ownerUserId: contacts.ownerUserId,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids), isNull(contacts.deletedAt)));
}

/**
 * The one rule for a gift's net amount in SQL, net of refunds and corrections: its amount plus
 * every appended adjustment (null where the gift has no amount), for the gift aliased `alias`.
 * @example sql`select ${netAmountOf('g')} as net from gifts g`
 */
export const netAmountOf = (alias: string) => {
  const g = sql.identifier(alias);
  return sql`${g}.amount + coalesce((select sum(a.delta) from gift_adjustments a
                                       where a.org_id = ${g}.org_id and a.gift_id = ${g}.id), 0)`;
};

/** The SQL condition that the gift aliased `alias` was received, not only promised (a pledge). */
export const receivedKind = (alias: string) =>
  sql`${sql.identifier(alias)}.kind not in (${sql.join(
    promisedKinds.map((k) => sql`${k}`),
    sql`, `,
  )})`;

/** The net amount of a (locked) gift: its amount plus every appended adjustment; 0 without one. */
export async function netAmount(db: Executor, orgId: string, gift: GiftRow): Promise<number> {
  const [row] = await queryRows<{ net: string | null }>(
    db,
    sql`select (${netAmountOf('g')})::text as net from gifts g
         where g.org_id = ${orgId} and g.id = ${gift.id}`,
  );
  return Number(row?.net ?? 0);
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

/** Filters of the thank-you queue: the plan's method (none planned = email), who, what, whose. */
export type ThanksQueueFilter = {
  method?: 'email' | 'letter' | 'call';
  assigneeId?: string;
  kind?: GiftRow['kind'];
  contactId?: string;
};

/**
 * Gifts whose thank-you is still owed (the clock running, or broken and not yet fulfilled),
 * soonest due first, after a position, with filters; each says whether it is its donor's first
 * gift and whether it reaches the organization's major-gift threshold.
 */
export async function thanksQueueRows(
  db: Executor,
  orgId: string,
  f: ThanksQueueFilter,
  after: { t: string; i: string } | undefined,
  limit: number,
) {
  return queryRows<{
    gift_id: string;
    due_at: Date | string | null;
    clock_id: string;
    first_gift: boolean;
    major_gift: boolean;
  }>(
    db,
    sql`select g.id as gift_id, c.due_at, c.id as clock_id,
               not exists (select 1 from ${gifts} e where e.org_id = g.org_id
                            and e.contact_id = g.contact_id and e.id < g.id) as first_gift,
               coalesce(g.amount >= s.major_gift_amount and g.currency = s.currency, false) as major_gift
          from ${promiseClocks} c
          join ${gifts} g on g.org_id = c.org_id and g.id::text = c.subject_id
          left join gift_settings s on s.org_id = g.org_id
         where c.org_id = ${orgId} and c.subject_type = 'gift' and c.target = 'thanks'
           and (c.state in ('running', 'paused') or (c.state = 'breached' and c.fulfilled_at is null))
           and c.due_at is not null
           ${f.method ? sql`and coalesce(g.thanks_method, 'email') = ${f.method}` : sql``}
           ${f.assigneeId ? sql`and g.thanks_user_id = ${f.assigneeId}` : sql``}
           ${f.kind ? sql`and g.kind = ${f.kind}` : sql``}
           ${f.contactId ? sql`and g.contact_id = ${f.contactId}` : sql``}
           ${after ? sql`and (c.due_at, c.id) > (${after.t}::timestamptz, ${after.i}::uuid)` : sql``}
         order by c.due_at, c.id
         limit ${limit}`,
  );
}

/**
 * A gift, locked until the transaction ends (refunds of one gift queue behind each other). The
 * lock leaves its key alone (FOR NO KEY UPDATE), so a new row naming the gift (a payment on a
 * pledge, an adjustment: their foreign keys' share lock) does not wait for it: a payment holds
 * its donor's placement lock while a correction of the pledge, holding this lock, waits for
 * that placement lock — with FOR UPDATE each waited for the other.
 */
export async function lockGift(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(gifts)
    .where(and(eq(gifts.orgId, orgId), eq(gifts.id, id)))
    .for('no key update');
  return row;
}
