import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Durable scheduled jobs, claimed with FOR UPDATE SKIP LOCKED so each runs once across
 * processes. `key` names a job that is replaced, not duplicated, when rescheduled.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    name: text('name').notNull(),
    key: text('key').unique(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_run_at_idx').on(t.runAt),
    index('jobs_locked_until_idx')
      .on(t.lockedUntil)
      .where(sql`locked_until is not null`),
  ],
);
