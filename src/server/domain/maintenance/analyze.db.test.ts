import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../tests/support/database';
import { fixedClock } from '../../../core/clock';
import { queryRows, type Database } from '../../db/connection';
import { jobRegistry } from '../../jobs/registry';
import { analyzeJob, runAnalyze } from './analyze';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database?.close());

describe('the nightly housekeeping', () => {
  it('vacuums every table (its visibility map set, its statistics fresh) and comes back at the next 03:00 UTC', async () => {
    const table = `vacuum_probe_${randomUUID().replaceAll('-', '')}`;
    await database.db.execute(sql.raw(`create table ${table} (id int primary key, note text)`));
    try {
      await database.db.execute(
        sql.raw(`insert into ${table} select n, repeat('x', 100) from generate_series(1, 2000) n`),
      );
      await database.db.execute(sql.raw(`delete from ${table} where id % 2 = 0`));
      const before = await stats(table);
      expect(before.relallvisible).toBe(0);
      const { again } = await runAnalyze(database.db, fixedClock(new Date('2026-11-25T05:00:00Z')));
      expect(again.toISOString()).toBe('2026-11-26T03:00:00.000Z');
      const after = await stats(table);
      expect(after.relallvisible).toBeGreaterThan(0);
      expect(after.reltuples).toBe(1000); // counted by the ANALYZE
    } finally {
      await database.db.execute(sql.raw(`drop table ${table}`));
    }
  });

  it('runs outside a transaction (VACUUM cannot run in one), so its job has its own commits', async () => {
    expect(jobRegistry({ mail: {} as never })[analyzeJob]!.ownCommits).toBe(true);
    const error: unknown = await database.db
      .transaction((tx) => runAnalyze(tx, fixedClock(new Date())))
      .catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause)).toMatch(
      /VACUUM cannot run inside a transaction block/,
    );
  });
});

async function stats(table: string) {
  const [row] = await queryRows<{ relallvisible: number; reltuples: number }>(
    database.db,
    sql`select relallvisible, reltuples::int as reltuples from pg_class where relname = ${table}`,
  );
  return row!;
}
