import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/support/database';
import { queryPrepared, queryRows, type Database } from './connection';
import { pgliteOf } from './pglite-prepared';

// queryPrepared runs named statements on both databases: on PostgreSQL through node-postgres, on
// PGlite through pglite-prepared.ts. Whatever the database, it must answer as drizzle's own
// execute does, fail as it does, and keep transactions and notices working.
let database: Database;
/** Its own table per run: PostgreSQL's test database is shared by the run's files. */
const probe = sql.raw(`prepared_probe_${process.pid}_${Date.now()}`);
beforeAll(async () => {
  database = await testDatabase();
  await database.db.execute(sql`create table ${probe} (id int primary key, note text not null)`);
});
afterAll(() => database.close());

const sample = (id: number) => sql`select ${id}::int as n, ${'text ' + id} as t,
  ${'2026-11-25T10:00:00Z'}::timestamptz as at, ${'2026-11-25'}::date as day,
  123456789012::bigint as big, 12.50::numeric as amount, true as yes, null::text as nothing,
  ${JSON.stringify({ a: [1, 'b'] })}::jsonb as doc, array[1, 2]::int[] as ints,
  array['x', null]::text[] as texts, interval '2 days' as span, ${'0190f3a0-0000-7000-8000-000000000001'}::uuid as uid`;

describe('queryPrepared', () => {
  it('answers the rows drizzle execute answers, on every run', async () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7]) {
      const plain = await queryRows(database.db, sample(id));
      expect(await queryPrepared(database.db, sample(id))).toEqual(plain);
    }
    const [row] = await queryPrepared<Record<string, unknown>>(database.db, sample(9));
    expect(row).toMatchObject({
      n: 9,
      t: 'text 9',
      yes: true,
      nothing: null,
      doc: { a: [1, 'b'] },
    });
  });

  it('answers no rows for a statement without results, and many for a set', async () => {
    expect(await queryPrepared(database.db, sql`insert into ${probe} values (1, 'one')`)).toEqual(
      [],
    );
    const rows = await queryPrepared<{ g: number }>(
      database.db,
      sql`select g from generate_series(1, ${300}::int) g`,
    );
    expect(rows.map((r) => r.g)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("fails as drizzle fails, with the database's error as the cause, and runs on after", async () => {
    await queryPrepared(database.db, sql`insert into ${probe} values (10, 'ten')`);
    const error = await queryPrepared(
      database.db,
      sql`insert into ${probe} values (${10}, ${'again'})`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrizzleQueryError);
    expect((error as DrizzleQueryError).cause).toMatchObject({ code: '23505' });
    const bad = await queryPrepared(database.db, sql`select 1 from no_such_table`).catch(
      (e: unknown) => e,
    );
    expect((bad as DrizzleQueryError).cause).toMatchObject({ code: '42P01' });
    expect(await queryPrepared(database.db, sql`select ${5}::int as five`)).toEqual([{ five: 5 }]);
  });

  it('writes inside a transaction that rolls back leave nothing', async () => {
    await database.db
      .transaction(async (tx) => {
        await queryPrepared(tx, sql`insert into ${probe} values (${20}, ${'twenty'})`);
        const seen = await queryPrepared(tx, sql`select note from ${probe} where id = 20`);
        expect(seen).toEqual([{ note: 'twenty' }]);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await queryRows(database.db, sql`select 1 from ${probe} where id = 20`)).toEqual([]);
  });

  it('a statement outside a transaction waits for the open one to end', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const tx = database.db.transaction(async (t) => {
      await queryPrepared(t, sql`insert into ${probe} values (${30}, ${'thirty'})`);
      await held;
      order.push('commit');
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = queryPrepared<{ note: string }>(
      database.db,
      sql`select note from ${probe} where id = ${30}`,
    ).then((rows) => {
      order.push('read');
      return rows;
    });
    await new Promise((r) => setTimeout(r, 20));
    release();
    await tx;
    // On PGlite the read waits for the transaction and sees its row; on PostgreSQL another
    // connection reads at once, before the commit, and does not see it.
    const rows = await outside;
    if (database.kind === 'pglite') {
      expect(order).toEqual(['commit', 'read']);
      expect(rows).toEqual([{ note: 'thirty' }]);
    } else {
      expect(order).toEqual(['read', 'commit']);
      expect(rows).toEqual([]);
    }
  });

  it('on PGlite, refuses a statement on a transaction that has ended', async () => {
    if (database.kind !== 'pglite') return;
    let ended: Parameters<Parameters<Database['db']['transaction']>[0]>[0] | undefined;
    await database.db.transaction(async (tx) => {
      ended = tx;
      await queryPrepared(tx, sql`select 1 as one`);
    });
    const error = await queryPrepared(ended!, sql`select 1 as one`).catch((e: unknown) => e);
    expect(String(error)).toMatch(/Transaction is closed/);
  });

  it('delivers the NOTIFYs a statement sends', async () => {
    const heard: (string | undefined)[] = [];
    const stop = await database.listen('prepared_probe', (payload) => heard.push(payload));
    await queryPrepared(database.db, sql`select pg_notify('prepared_probe', ${'hello'})`);
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await stop();
    expect(heard).toEqual(['hello']);
  });

  it('on PGlite, parses a statement once and then runs it in one call each time', async () => {
    const lite = pgliteOf(
      (database.db as unknown as { session: { client: unknown } }).session.client,
    );
    if (!lite) return expect(database.kind).toBe('postgres');
    const calls: string[] = [];
    const exec = lite.execProtocolStream.bind(lite);
    lite.execProtocolStream = (message, options) => {
      calls.push(String.fromCharCode(message[0]!));
      return exec(message, options);
    };
    try {
      for (const id of [1, 2, 3]) {
        await queryPrepared(database.db, sql`select ${id}::int as once_parsed`);
      }
    } finally {
      lite.execProtocolStream = exec;
    }
    expect(calls).toEqual(['P', 'B', 'B', 'B']);
  });
});
