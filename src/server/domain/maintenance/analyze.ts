import { sql } from 'drizzle-orm';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { deleteExpiredPortalRows } from '../../db/repositories/portal';

/** The job that vacuums and refreshes planner statistics once a day. */
export const analyzeJob = 'maintenance.analyze';
const key = 'maintenance:analyze';

/** The next 03:00 UTC after `now`: a quiet hour for most charities in Europe and the Americas. */
export function nextQuietHour(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  return next > now ? next : new Date(next.getTime() + 86_400_000);
}

/**
 * Schedules the nightly housekeeping (VACUUM ANALYZE) unless it is scheduled already. The
 * embedded database has no autovacuum, so without it search plans go stale as contacts grow.
 */
export async function scheduleAnalyze(db: Executor, clock: Clock): Promise<void> {
  const runAt = nextQuietHour(clock.now());
  await db.execute(sql`insert into jobs (name, key, payload, run_at) values (${analyzeJob}, ${key}, '{}'::jsonb, ${runAt})
    on conflict (key) do nothing`);
}

/**
 * The nightly housekeeping: removes expired portal sign-in links and sessions, then vacuums and
 * refreshes the statistics of every table; returns when to run again. Outside any transaction
 * (VACUUM cannot run in one; the job has its own commits). The embedded database has no
 * autovacuum: without the VACUUM its dead rows are never reclaimed and its visibility map is
 * never set, so index-only scans (the giving summary's, the lists') read the table as well.
 * On PostgreSQL it repeats at a quiet hour what autovacuum does anyway.
 */
export async function runAnalyze(db: Executor, clock: Clock): Promise<{ again: Date }> {
  await deleteExpiredPortalRows(db, clock.now());
  await db.execute(sql`vacuum (analyze)`);
  return { again: nextQuietHour(clock.now()) };
}
