import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../connection';
import { funds, impactUpdates, programs } from '../schema';
import { netAmountOf, receivedKind } from './gifts';

/** An impact update row. */
export type ImpactUpdateRow = typeof impactUpdates.$inferSelect;

/** Inserts an impact update. */
export async function insertImpactUpdate(db: Executor, values: typeof impactUpdates.$inferInsert) {
  const [row] = await db.insert(impactUpdates).values(values).returning();
  return row!;
}

/** An update of the organization, locked for the transaction when asked. */
export async function findImpactUpdate(db: Executor, orgId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(impactUpdates)
    .where(and(eq(impactUpdates.orgId, orgId), eq(impactUpdates.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Replaces an update's fields. */
export async function updateImpactUpdate(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof impactUpdates.$inferInsert>,
) {
  const [row] = await db
    .update(impactUpdates)
    .set(values)
    .where(and(eq(impactUpdates.orgId, orgId), eq(impactUpdates.id, id)))
    .returning();
  return row!;
}

/** Deletes an update. */
export async function deleteImpactUpdate(db: Executor, orgId: string, id: string) {
  await db
    .delete(impactUpdates)
    .where(and(eq(impactUpdates.orgId, orgId), eq(impactUpdates.id, id)));
}

/** Filters of an update list. */
export type ImpactUpdateFilter = {
  programIds?: string[];
  from?: string;
  to?: string;
};

/** Updates, the latest period first (then newest), with filters, after an id, with program names. */
export function listImpactUpdates(
  db: Executor,
  orgId: string,
  f: ImpactUpdateFilter,
  limit: number,
  offset = 0,
) {
  return db
    .select({ u: impactUpdates, programName: programs.name })
    .from(impactUpdates)
    .innerJoin(
      programs,
      and(eq(programs.orgId, impactUpdates.orgId), eq(programs.id, impactUpdates.programId)),
    )
    .where(
      and(
        eq(impactUpdates.orgId, orgId),
        f.programIds ? inArray(impactUpdates.programId, f.programIds) : undefined,
        f.from ? gte(impactUpdates.periodTo, f.from) : undefined,
        f.to ? lte(impactUpdates.periodFrom, f.to) : undefined,
      ),
    )
    .orderBy(desc(impactUpdates.periodTo), desc(impactUpdates.id))
    .limit(limit)
    .offset(offset);
}

/** One gift of a donor's impact report, net of refunds and corrections. */
export type ImpactGiftRow = {
  id: string;
  kind: string;
  received_on: string;
  currency: string;
  amount: number | string | null;
  net: number | string | null;
};

/** A donor's own gifts received in a period (promises left out), oldest first. */
export function impactGifts(
  db: Executor,
  orgId: string,
  contactId: string,
  from: string,
  to: string,
) {
  return queryRows<ImpactGiftRow>(
    db,
    sql`select g.id, g.kind, g.received_on::text as received_on, g.currency, g.amount,
               ${netAmountOf('g')} as net
          from gifts g
         where g.org_id = ${orgId} and g.contact_id = ${contactId}
           and g.received_on between ${from}::date and ${to}::date
           and ${receivedKind('g')}
         order by g.received_on, g.id`,
  );
}

/** A gift's allocation with its fund and the fund's program. */
export type ImpactAllocationRow = {
  gift_id: string;
  fund_id: string;
  fund_name: string;
  program_id: string | null;
  program_name: string | null;
  amount: number | string;
};

/** The allocations of some gifts with fund and program, in the order written. */
export function allocationsWithPrograms(db: Executor, orgId: string, giftIds: string[]) {
  if (giftIds.length === 0) return Promise.resolve([] as ImpactAllocationRow[]);
  return queryRows<ImpactAllocationRow>(
    db,
    sql`select ga.gift_id, f.id as fund_id, f.name as fund_name, p.id as program_id,
               p.name as program_name, ga.amount
          from gift_allocations ga
          join funds f on f.org_id = ga.org_id and f.id = ga.fund_id
          left join programs p on p.org_id = f.org_id and p.id = f.program_id
         where ga.org_id = ${orgId}
           and ga.gift_id in (${sql.join(
             giftIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
         order by ga.id`,
  );
}

/** A program of the organization, locked for the transaction. */
export async function lockProgram(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, orgId), eq(programs.id, id)))
    .for('update');
  return row;
}

/** Changes a program's name or description. */
export async function updateProgram(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<Pick<typeof programs.$inferInsert, 'name' | 'description'>>,
) {
  const [row] = await db
    .update(programs)
    .set(values)
    .where(and(eq(programs.orgId, orgId), eq(programs.id, id)))
    .returning();
  return row!;
}

/** A fund of the organization, locked for the transaction. */
export async function lockFund(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(funds)
    .where(and(eq(funds.orgId, orgId), eq(funds.id, id)))
    .for('update');
  return row;
}

/** Changes a fund. */
export async function updateFund(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<
    Pick<typeof funds.$inferInsert, 'name' | 'description' | 'restricted' | 'programId'>
  >,
) {
  const [row] = await db
    .update(funds)
    .set(values)
    .where(and(eq(funds.orgId, orgId), eq(funds.id, id)))
    .returning();
  return row!;
}

/** The funds of a program, in the order they were made. */
export function fundsOfProgram(db: Executor, orgId: string, programId: string) {
  return db
    .select()
    .from(funds)
    .where(and(eq(funds.orgId, orgId), eq(funds.programId, programId)))
    .orderBy(funds.id);
}
