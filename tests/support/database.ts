import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database, type Executor } from '../../src/server/db/connection';
import { pgliteOf } from '../../src/server/db/pglite-prepared';

/**
 * The database a test file works on: a clone of the migrated PGlite snapshot, or the shared
 * PostgreSQL when TEST_DATABASE_URL is set. Tests isolate themselves by organization.
 */
export async function testDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl');
  if (url) return openDatabase({ url });
  const snapshot = await readFile(inject('pgliteSnapshot'));
  return openDatabase({ memory: true, loadDataDir: new Blob([snapshot]) });
}

/**
 * Counts the statements a callback sends on a transaction's own connection (tests that hold a
 * write path to its number of round trips): drizzle's queries, and on PGlite the runs of named
 * statements (see pglite-prepared.ts), each one Bind.
 */
export async function countingStatements<T>(tx: Executor, run: () => Promise<T>) {
  const client = (tx as unknown as { session: { client: { query: (...a: unknown[]) => unknown } } })
    .session.client;
  const lite = pgliteOf(client);
  const query = client.query;
  const execProtocolStream = lite?.execProtocolStream.bind(lite);
  let count = 0;
  client.query = (...args: unknown[]) => {
    count++;
    return query.apply(client, args);
  };
  if (lite) {
    lite.execProtocolStream = (message, options) => {
      if (message[0] === 'B'.charCodeAt(0)) count++;
      return execProtocolStream!(message, options);
    };
  }
  try {
    return { result: await run(), count };
  } finally {
    client.query = query;
    if (lite) lite.execProtocolStream = execProtocolStream!;
  }
}
