import { and, asc, eq, min, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { jobs } from '../schema';

/** A job row. */
export type JobRow = typeof jobs.$inferSelect;

/** The channel on which a commit that schedules a job wakes the workers (PGlite and PostgreSQL). */
export const jobsChannel = 'tend_jobs';

/** Schedules a job; with a key, an existing job of that key is moved instead of duplicated. */
export async function upsertJob(
  db: Executor,
  job: { orgId: string | null; name: string; key?: string; payload: unknown; runAt: Date },
): Promise<void> {
  // Delivered on commit only, so a woken worker always sees the job.
  await db.execute(sql`select pg_notify(${jobsChannel}, '')`);
  const values = {
    orgId: job.orgId,
    name: job.name,
    key: job.key ?? null,
    payload: job.payload,
    runAt: job.runAt,
  };
  if (job.key === undefined) {
    await db.insert(jobs).values(values);
    return;
  }
  await db
    .insert(jobs)
    .values(values)
    .onConflictDoUpdate({
      target: jobs.key,
      set: {
        name: job.name,
        payload: job.payload,
        runAt: job.runAt,
        attempts: 0,
        lockedUntil: null,
        lastError: null,
      },
    });
}

/** Removes pending jobs by key (a promise fulfilled before its breach job ran). */
export async function deleteJobs(db: Executor, keys: string[]): Promise<void> {
  for (const key of keys) await db.delete(jobs).where(eq(jobs.key, key));
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
): Promise<JobRow[]> {
  const lease = new Date(now.getTime() + leaseMs);
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from ${jobs}
        where run_at <= ${now} and (locked_until is null or locked_until <= ${now})
        order by run_at limit ${limit} for update skip locked`,
  );
  if (rows.length === 0) return [];
  const claimed: JobRow[] = [];
  for (const { id } of rows) {
    const [row] = await db
      .update(jobs)
      .set({ lockedUntil: lease, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, Number(id)))
      .returning();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Deletes a finished job. */
export async function finishJob(db: Executor, id: number): Promise<void> {
  await db.delete(jobs).where(eq(jobs.id, id));
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

/** The earliest instant at which some job becomes runnable, if any. */
export async function nextJobAt(db: Executor): Promise<Date | null> {
  const [row] = await db
    .select({
      at: min(sql<Date>`greatest(${jobs.runAt}, coalesce(${jobs.lockedUntil}, ${jobs.runAt}))`),
    })
    .from(jobs);
  const at = row?.at;
  return at ? new Date(at) : null;
}

/** Pending jobs of an organization by name (for tests and the admin view). */
export async function pendingJobs(db: Executor, orgId: string, name?: string): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), name ? eq(jobs.name, name) : undefined))
    .orderBy(asc(jobs.runAt));
}
