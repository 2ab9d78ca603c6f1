import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/connection';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (tar), loaded by each test file in ~0.6 s; '' on PostgreSQL. */
    pgliteSnapshot: string;
    /** Set when the data tests also run on a real PostgreSQL. */
    testDatabaseUrl: string;
  }
}

/** Migrates the databases once per run, for every project that uses this setup (db and api). */
async function migrateOnce(url: string): Promise<string> {
  if (url) {
    const pg = await openDatabase({ url });
    await pg.migrate();
    await pg.close();
    return ''; // the tests use PostgreSQL alone (testDatabase): no PGlite snapshot to make
  }
  const lite = await openDatabase({ memory: true });
  await lite.migrate();
  const dump = await lite.dumpDataDir!();
  await lite.close();
  const file = join(tmpdir(), `tend-test-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** The run's migration, shared by the projects' setups (one process: theirs is one module each). */
const shared = globalThis as { tendTestSnapshot?: Promise<string> };

/**
 * Migrates one database per run: a PGlite snapshot that every test file clones, and, when
 * TEST_DATABASE_URL is set, the real PostgreSQL the tests share (each test file uses its own
 * organizations, never its own database).
 */
export async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? '';
  console.log(
    url
      ? `[${project.name}] data tests on PostgreSQL (TEST_DATABASE_URL)`
      : `[${project.name}] data tests on PGlite; set TEST_DATABASE_URL to run them on PostgreSQL too`,
  );
  shared.tendTestSnapshot ??= migrateOnce(url);
  project.provide('pgliteSnapshot', await shared.tendTestSnapshot);
  project.provide('testDatabaseUrl', url);
}
