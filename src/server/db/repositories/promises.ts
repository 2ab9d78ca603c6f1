import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { insertRows } from '../write-together';
import { calendars, promiseClockEvents, promiseClocks, promisePolicies } from '../schema';

/** A calendar row. */
export type CalendarRow = typeof calendars.$inferSelect;
/** A policy row. */
export type PolicyRow = typeof promisePolicies.$inferSelect;
/** A clock row. */
export type ClockRow = typeof promiseClocks.$inferSelect;

/** A calendar of the organization. */
export async function findCalendar(
  db: Executor,
  orgId: string,
  id: string,
): Promise<CalendarRow | undefined> {
  const [row] = await db
    .select()
    .from(calendars)
    .where(and(eq(calendars.orgId, orgId), eq(calendars.id, id)));
  return row;
}

/** Calendars of the organization by name. */
export function listCalendars(db: Executor, orgId: string): Promise<CalendarRow[]> {
  return db.select().from(calendars).where(eq(calendars.orgId, orgId)).orderBy(asc(calendars.name));
}

/** Inserts a calendar. */
export async function insertCalendar(
  db: Executor,
  values: typeof calendars.$inferInsert,
): Promise<CalendarRow> {
  const [row] = await db.insert(calendars).values(values).returning();
  return row!;
}

/** Changes a calendar, bumping its version. */
export async function updateCalendarRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof calendars.$inferInsert>,
) {
  const [row] = await db
    .update(calendars)
    .set({ ...values, version: sql`${calendars.version} + 1` })
    .where(and(eq(calendars.orgId, orgId), eq(calendars.id, id)))
    .returning();
  return row;
}

/** Deletes a calendar. */
export async function deleteCalendarRow(db: Executor, orgId: string, id: string): Promise<void> {
  await db.delete(calendars).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id)));
}

/** Whether a calendar is used by a policy target or an undecided clock. */
export async function calendarInUse(db: Executor, orgId: string, id: string): Promise<boolean> {
  const [p] = await db
    .select({ id: promisePolicies.id })
    .from(promisePolicies)
    .where(
      and(
        eq(promisePolicies.orgId, orgId),
        sql`exists (select 1 from jsonb_array_elements(${promisePolicies.targets}) t where t->>'calendarId' = ${id})`,
      ),
    )
    .limit(1);
  if (p) return true;
  const [c] = await db
    .select({ id: promiseClocks.id })
    .from(promiseClocks)
    .where(
      and(
        eq(promiseClocks.orgId, orgId),
        eq(promiseClocks.calendarId, id),
        inArray(promiseClocks.state, ['running', 'paused']),
      ),
    )
    .limit(1);
  return c !== undefined;
}

/** Policies of the organization in their order (optionally of one subject type). */
export function listPolicies(
  db: Executor,
  orgId: string,
  subjectType?: PolicyRow['subjectType'],
): Promise<PolicyRow[]> {
  return db
    .select()
    .from(promisePolicies)
    .where(
      and(
        eq(promisePolicies.orgId, orgId),
        subjectType ? eq(promisePolicies.subjectType, subjectType) : undefined,
      ),
    )
    .orderBy(
      asc(promisePolicies.subjectType),
      asc(promisePolicies.position),
      asc(promisePolicies.createdAt),
    );
}

/** A policy of the organization. */
export async function findPolicy(
  db: Executor,
  orgId: string,
  id: string,
): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(promisePolicies)
    .where(and(eq(promisePolicies.orgId, orgId), eq(promisePolicies.id, id)));
  return row;
}

/** Inserts a policy. */
export async function insertPolicy(
  db: Executor,
  values: typeof promisePolicies.$inferInsert,
): Promise<PolicyRow> {
  const [row] = await db.insert(promisePolicies).values(values).returning();
  return row!;
}

/** Changes a policy, bumping its version. */
export async function updatePolicyRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof promisePolicies.$inferInsert>,
) {
  const [row] = await db
    .update(promisePolicies)
    .set({ ...values, version: sql`${promisePolicies.version} + 1` })
    .where(and(eq(promisePolicies.orgId, orgId), eq(promisePolicies.id, id)))
    .returning();
  return row;
}

/** Deletes a policy (its clocks keep their terms and history). */
export async function deletePolicyRow(db: Executor, orgId: string, id: string): Promise<void> {
  await db
    .delete(promisePolicies)
    .where(and(eq(promisePolicies.orgId, orgId), eq(promisePolicies.id, id)));
}

/** Clocks of one subject. */
export function clocksOf(
  db: Executor,
  orgId: string,
  subjectType: ClockRow['subjectType'],
  subjectId: string,
): Promise<ClockRow[]> {
  return db
    .select()
    .from(promiseClocks)
    .where(
      and(
        eq(promiseClocks.orgId, orgId),
        eq(promiseClocks.subjectType, subjectType),
        eq(promiseClocks.subjectId, subjectId),
      ),
    )
    .orderBy(asc(promiseClocks.createdAt), asc(promiseClocks.target));
}

/** A clock by id, locked for update so concurrent events on it apply one after another. */
export async function lockClock(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ClockRow | undefined> {
  const [row] = await db
    .select()
    .from(promiseClocks)
    .where(and(eq(promiseClocks.orgId, orgId), eq(promiseClocks.id, id)))
    .for('update');
  return row;
}

/** The statement that inserts planned clocks (await it, or send it with writeTogether). */
export function insertClocksQuery(rows: (typeof promiseClocks.$inferInsert)[]) {
  return insertRows(promiseClocks, rows);
}

/** The statement that appends planned clock events. */
export function insertClockEventsQuery(rows: (typeof promiseClockEvents.$inferInsert)[]) {
  return insertRows(promiseClockEvents, rows);
}

/** Writes a clock's projection and terms. */
export async function updateClockRow(
  db: Executor,
  id: string,
  values: Partial<typeof promiseClocks.$inferInsert>,
): Promise<ClockRow> {
  const [row] = await db
    .update(promiseClocks)
    .set(values)
    .where(eq(promiseClocks.id, id))
    .returning();
  return row!;
}

/** Appends to a clock's log. */
export async function appendClockEvent(
  db: Executor,
  values: typeof promiseClockEvents.$inferInsert,
): Promise<void> {
  await db.insert(promiseClockEvents).values(values);
}

/** A clock's log in order. */
export function clockEvents(db: Executor, clockId: string) {
  return db
    .select()
    .from(promiseClockEvents)
    .where(eq(promiseClockEvents.clockId, clockId))
    .orderBy(asc(promiseClockEvents.id));
}

/** Undecided clocks that run on a calendar (to re-time them when its hours change). */
export function openClocksOnCalendar(
  db: Executor,
  orgId: string,
  calendarId: string,
): Promise<ClockRow[]> {
  return db
    .select()
    .from(promiseClocks)
    .where(
      and(
        eq(promiseClocks.orgId, orgId),
        eq(promiseClocks.calendarId, calendarId),
        inArray(promiseClocks.state, ['running', 'paused', 'breached']),
      ),
    );
}
