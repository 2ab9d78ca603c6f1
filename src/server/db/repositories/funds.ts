import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../connection';
import { funds, programs } from '../schema';

/** A fund row. */
export type FundRow = typeof funds.$inferSelect;
/** A program row. */
export type ProgramRow = typeof programs.$inferSelect;

/** Funds of the organization among some ids. */
export async function fundsAmong(db: Executor, orgId: string, ids: string[]): Promise<FundRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(funds)
    .where(and(eq(funds.orgId, orgId), inArray(funds.id, ids)));
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
