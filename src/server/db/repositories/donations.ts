import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { donations, funds } from '../schema';

/** A donation row. */
export type DonationRow = typeof donations.$inferSelect;

/** The funds donors may choose, by name. */
export function fundChoices(db: Executor, orgId: string, limit: number) {
  return db
    .select({ id: funds.id, name: funds.name, restricted: funds.restricted })
    .from(funds)
    .where(eq(funds.orgId, orgId))
    .orderBy(asc(funds.restricted), asc(funds.name), asc(funds.id))
    .limit(limit);
}

/**
 * The next donation reference of a year, "D-2026-0042". An advisory lock held to the end of the
 * caller's transaction makes concurrent offers of one organization take turns for the number
 * (the unique (org_id, reference) constraint would refuse a duplicate anyway).
 */
export async function nextDonationReference(
  tx: Executor,
  orgId: string,
  year: number,
): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`donations:${orgId}`}))`);
  const prefix = `D-${year}-`;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substr(reference, ${prefix.length + 1})::int), 0)::int + 1 as n
        from donations where org_id = ${orgId} and reference like ${`${prefix}%`}`,
  );
  return `${prefix}${String(row?.n ?? 1).padStart(4, '0')}`;
}

/** Inserts a donation. */
export async function insertDonation(
  db: Executor,
  values: typeof donations.$inferInsert,
): Promise<DonationRow> {
  const [row] = await db.insert(donations).values(values).returning();
  return row!;
}

/** A donation of the organization; `lock` holds its row until the transaction ends. */
export async function findDonation(
  db: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<DonationRow | undefined> {
  const query = db
    .select()
    .from(donations)
    .where(and(eq(donations.orgId, orgId), eq(donations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Changes a donation's status (and what came with it), bumping its version. */
export async function updateDonation(
  db: Executor,
  orgId: string,
  id: string,
  values: Pick<Partial<DonationRow>, 'status' | 'giftId' | 'details' | 'updatedAt'>,
): Promise<DonationRow> {
  const [row] = await db
    .update(donations)
    .set({ ...values, version: sql`${donations.version} + 1` })
    .where(and(eq(donations.orgId, orgId), eq(donations.id, id)))
    .returning();
  return row!;
}

/** A contact's donations, newest first. */
export function donationsOfContact(db: Executor, orgId: string, contactId: string, limit = 200) {
  return db
    .select()
    .from(donations)
    .where(and(eq(donations.orgId, orgId), eq(donations.contactId, contactId)))
    .orderBy(desc(donations.id))
    .limit(limit);
}

/** The organization's donations, newest first (ids are time-ordered), after a cursor id. */
export function listDonationRows(
  db: Executor,
  orgId: string,
  filter: { status?: string | undefined },
  before: string | undefined,
  limit: number,
) {
  return db
    .select()
    .from(donations)
    .where(
      and(
        eq(donations.orgId, orgId),
        filter.status ? eq(donations.status, filter.status) : undefined,
        before ? lt(donations.id, before) : undefined,
      ),
    )
    .orderBy(desc(donations.id))
    .limit(limit);
}

/** Offers made by a contact since an instant (the public form's per-donor limit). */
export async function donationsSince(
  db: Executor,
  orgId: string,
  contactId: string,
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from donations
        where org_id = ${orgId} and contact_id = ${contactId} and created_at >= ${since.toISOString()}`,
  );
  return row?.n ?? 0;
}
