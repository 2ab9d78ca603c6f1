import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/connection';

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
