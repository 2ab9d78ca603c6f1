import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { insertRows, writeTogether } from '../write-together';
import { queryRows } from '../connection';
import { jobs } from '../schema';

/** A job row. */
export type JobRow = typeof jobs.$inferSelect;

/** The channel on which a commit that schedules a job wakes the workers (PGlite and PostgreSQL). */
export const jobsChannel = 'tend_jobs';

/** A job to schedule: with a key, an existing job of that key is moved instead of duplicated. */
export type JobPlan = {
  orgId: string | null;
  name: string;
  key: string;
  payload: unknown;
  runAt: Date;
};

/** The statement that schedules keyed jobs (await it, or send it with writeTogether). */
export function upsertJobsQuery(plans: readonly JobPlan[], onlyIf?: SQL) {
  return insertRows(
    jobs,
    plans.map((j) => ({ ...j })),
    sql`on conflict (key) do update set name = excluded.name, payload = excluded.payload,
      run_at = excluded.run_at, attempts = 0, locked_until = null, last_error = null`,
    onlyIf,
  );
}

/** Schedules a job; with a key, an existing job of that key is moved instead of duplicated. */
export async function upsertJob(
  db: Executor,
  job: { orgId: string | null; name: string; key?: string; payload: unknown; runAt: Date },
): Promise<void> {
  // One statement: the job, and the wake-up delivered on commit (so a woken worker sees it).
  const { key, ...rest } = job;
  await writeTogether(
    db,
    [key === undefined ? insertRows(jobs, [rest]) : upsertJobsQuery([{ ...rest, key }])],
    [jobsNotice([job.runAt])],
  );
}

/** Removes pending jobs by key (a promise fulfilled before its breach job ran). */
export async function deleteJobs(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(jobs).where(inArray(jobs.key, keys));
}

/**
 * Claims up to `limit` due jobs for `leaseMs`: SKIP LOCKED makes concurrent workers take
 * different jobs; the lease lets another worker retry one whose worker died.
 */
export async function claimDueJobs(
  db: Executor,
  now: Date,
  limit: number,
  leaseMs: number,
  orgIds?: readonly string[],
): Promise<JobRow[]> {
  const lease = new Date(now.getTime() + leaseMs);
  const scope = !orgIds ? sql`` : orgIds.length ? sql`and org_id in ${orgIds}` : sql`and false`;
  const claimed = await db
    .update(jobs)
    .set({ lockedUntil: lease, attempts: sql`${jobs.attempts} + 1` })
    .where(
      sql`${jobs.id} in (select id from ${jobs}
        where run_at <= ${now} and (locked_until is null or locked_until <= ${now}) ${scope}
        order by run_at, id limit ${limit} for update skip locked)`,
    )
    .returning();
  // RETURNING has no order: run them as they were due, first scheduled first.
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/**
 * Deletes a finished job — unless its handler re-armed it meanwhile (an upsert of its key sets a
 * new run_at and clears the lease), as a clock's job does for its next alarm: then it stays.
 */
export async function finishJob(db: Executor, id: number): Promise<void> {
  await db.delete(jobs).where(and(eq(jobs.id, id), isNotNull(jobs.lockedUntil)));
}

/** Books a finished recurring job for its next run. */
export async function rescheduleJob(db: Executor, id: number, runAt: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt, attempts: 0, lockedUntil: null, lastError: null })
    .where(eq(jobs.id, id));
}

/** Records a failure and when to try again. */
export async function retryJob(
  db: Executor,
  id: number,
  error: string,
  retryAt: Date,
): Promise<void> {
  await db
    .update(jobs)
    .set({ lastError: error.slice(0, 2000), runAt: retryAt, lockedUntil: null })
    .where(eq(jobs.id, id));
}

/** The earliest instant at which some job becomes runnable, if any (two index lookups). */
export async function nextJobAt(db: Executor): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(
    db,
    sql`select least(
      (select run_at from ${jobs} where locked_until is null order by run_at limit 1),
      (select min(locked_until) from ${jobs} where locked_until is not null)) as at`,
  );
  const at = row?.at;
  return at ? new Date(at) : null;
}

/** The wake-up for workers when jobs are scheduled: it carries the earliest run time. */
export function jobsNotice(runAts: readonly Date[]) {
  const earliest = Math.min(...runAts.map((d) => d.getTime()));
  return { channel: jobsChannel, payload: new Date(earliest).toISOString() };
}

/** Pending jobs of an organization by name (for tests and the admin view). */
export async function pendingJobs(db: Executor, orgId: string, name?: string): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), name ? eq(jobs.name, name) : undefined))
    .orderBy(asc(jobs.runAt));
}
