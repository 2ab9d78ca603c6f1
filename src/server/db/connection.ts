import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';
import { pgliteOf, queryOnPglite, trackTransactions } from './pglite-prepared';

/** The Drizzle handle every repository receives (PGlite and PostgreSQL alike). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run a query on. */
export type Executor = Db | Tx;

/** An open database with its lifecycle. */
export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Applied and expected migration counts, for /ready. */
  migrationState(): Promise<{ applied: number; expected: number }>;
  close(): Promise<void>;
  /** Streams CSV into a table with `COPY table (columns) FROM STDIN (FORMAT csv)`: bulk loads. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** Calls `onNotify` for every NOTIFY on `channel`; returns the function that stops listening. */
  listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data folder as a tarball (tests clone a migrated database with it). */
  dumpDataDir?(): Promise<Blob>;
};

/** Where the committed SQL migrations live. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How to open the database: a PostgreSQL URL, a PGlite data folder, or PGlite in memory. */
export type DatabaseTarget =
  { url: string } | { dataDir: string; command?: string } | { memory: true; loadDataDir?: Blob };

/** Opens PGlite (a data folder, locked to this process) or PostgreSQL (DATABASE_URL). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  if ('memory' in target) {
    const client = await PGlite.create({
      extensions: { pg_trgm },
      loadDataDir: target.loadDataDir,
    });
    return wrapPglite(client, () => undefined);
  }
  const release = lockDataDir(target.dataDir, target.command ?? process.argv.slice(1).join(' '));
  try {
    const client = await PGlite.create(target.dataDir, { extensions: { pg_trgm } });
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

function wrapPglite(client: PGlite, release: () => void): Database {
  trackTransactions(client);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    migrationState: () => migrationState(db),
    close: async () => {
      await client.close();
      release();
    },
    dumpDataDir: async () => await client.dumpDataDir('none'),
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
    copyCsv: async (table, columns, csv) => {
      await client.query(
        `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
        [],
        {
          blob: new Blob([csv]),
        },
      );
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder });
    },
    migrationState: () => migrationState(db),
    close: () => pool.end(),
    copyCsv: async (table, columns, csv) => {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`),
        );
        await pipeline(Readable.from([csv]), stream);
      } finally {
        client.release();
      }
    },
    listen: async (channel, onNotify) => {
      const listener = new pg.Client({ connectionString: url });
      await listener.connect();
      listener.on('notification', (n) => onNotify(n.payload));
      listener.on('error', () => undefined); // a lost listener only delays wake-ups to the resync
      await listener.query(`listen ${channel}`);
      return () => listener.end();
    },
  };
}

/**
 * Runs raw SQL as a NAMED prepared statement (named by a hash of its text) and returns its rows.
 * PostgreSQL then parses it once per connection and can reuse its plan: for the hot paths (a new
 * request's context and its one write) planning cost more than executing. On PGlite too, where
 * drizzle would send it unnamed (see pglite-prepared.ts).
 */
export async function queryPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const { session, dialect } = db as unknown as { session: PgSession; dialect: PgDialect };
  const built = dialect.sqlToQuery(query);
  const client = (session as unknown as { client: unknown }).client;
  if (pgliteOf(client)) {
    return queryOnPglite<T>(client, built.sql, built.params, statementName(built.sql));
  }
  const result: unknown = await session
    .prepareQuery(built, undefined, statementName(built.sql), false)
    .execute();
  return (result as { rows: T[] }).rows;
}

/** Prepared statements' names by text: the hash is computed once per text, not per run. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    // Texts are few (a hot path's statement text does not depend on its data); the bound only
    // guards against a caller that would build texts from data.
    if (statementNames.size >= 1000) statementNames.clear();
    name = `tend_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Runs raw SQL and returns its rows (PGlite and node-postgres both answer `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function migrationState(db: Db): Promise<{ applied: number; expected: number }> {
  const expected = expectedMigrations();
  try {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return { applied: Number(rows[0]?.n ?? 0), expected };
  } catch {
    return { applied: 0, expected };
  }
}
