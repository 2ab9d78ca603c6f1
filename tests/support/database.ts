import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database, type Executor } from '../../src/server/db/connection';

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
 * write path to its number of round trips).
 */
export async function countingStatements<T>(tx: Executor, run: () => Promise<T>) {
  const client = (tx as unknown as { session: { client: { query: (...a: unknown[]) => unknown } } })
    .session.client;
  const query = client.query;
  let count = 0;
  client.query = (...args: unknown[]) => {
    count++;
    return query.apply(client, args);
  };
  try {
    return { result: await run(), count };
  } finally {
    client.query = query;
  }
}
