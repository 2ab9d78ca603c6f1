import { fixedClock } from '../../src/core/clock';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/connection';
import type { OrganizationRow } from '../../src/server/db/repositories/organizations';
import type { UserRow } from '../../src/server/db/repositories/users';
import { staffRoles, type StaffRole } from '../../src/server/db/schema/users';
import { buildApp } from '../../src/server/http/app';
import type { App } from '../../src/server/http/types';
import { testDatabase } from './database';
import { buildOrg, buildToken, buildUser } from './factories';

/** The app in-process on a test database, with a clock the test can move. */
export type TestApi = {
  app: App;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

/** Builds the HTTP app over a fresh test database. */
export async function testApi(): Promise<TestApi> {
  const database = await testDatabase();
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const config = loadConfig({ TEND_DEMO: 'off' });
  const app = await buildApp({ database, clock, config });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** One organization with a user and an API token for every staff role. */
export type Staffed = {
  org: OrganizationRow;
  users: Record<StaffRole, UserRow>;
  tokens: Record<StaffRole, string>;
};

/** Creates an organization staffed with one user (and token) per role. */
export async function staffedOrg(database: Database): Promise<Staffed> {
  const org = await buildOrg(database.db);
  const users = {} as Record<StaffRole, UserRow>;
  const tokens = {} as Record<StaffRole, string>;
  for (const role of staffRoles) {
    users[role] = await buildUser(database.db, org, role);
    tokens[role] = await buildToken(database.db, users[role]);
  }
  return { org, users, tokens };
}

/** Authorization header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
