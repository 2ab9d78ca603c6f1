import { sql } from 'drizzle-orm';

/**
 * The default of every id column: a time-ordered UUID (version 7, made by the database function
 * of migration 0016; ids made in Node come from `newId`). Consecutive rows' ids sort together,
 * so each insert lands on the right edge of its indexes instead of on a random page: fewer pages
 * touched, fewer whole pages written to the WAL after a checkpoint.
 */
export const timeOrderedId = sql`tend_uuidv7()`;
