/** The organization every bench load opens requests in, set up like a real desk. */
import { systemClock } from '../src/core/clock';
import type { Database } from '../src/server/db/connection';
import { systemActor } from '../src/server/domain/actor';
import { issueToken } from '../src/server/domain/auth/tokens';
import { createOrganization } from '../src/server/domain/orgs/create-organization';
import { createUser } from '../src/server/domain/users/create-user';
import { setUpDemoDesk } from '../src/server/demo/demo-desk';

/**
 * A new organization with an admin's API token and one staff member per other role, under the
 * demo desk's settings: office-hours clocks with warnings, a round-robin team with routing rules,
 * the line watched — requests are not opened on an empty configuration.
 */
export async function benchDeskOrg(database: Database, name: string) {
  const org = await createOrganization(database.db, {
    name: `${name} ${Date.now()}`,
    defaultCountry: 'LT',
  });
  const domain = `${name.toLowerCase()}.example.org`;
  const admin = await createUser(database.db, systemActor(org.id), {
    email: `admin@${domain}`,
    name,
    role: 'admin',
    password: `${name.toLowerCase()}-password-123`,
  });
  const staff = Object.fromEntries(
    await Promise.all(
      (['agent', 'manager', 'volunteer_coordinator', 'fundraiser'] as const).map(
        async (role) =>
          [
            role,
            await createUser(database.db, systemActor(org.id), {
              email: `${role}@${domain}`,
              name: `${name} ${role}`,
              role,
            }),
          ] as const,
      ),
    ),
  ) as Parameters<typeof setUpDemoDesk>[2];
  await setUpDemoDesk(database.db, org.id, staff);
  const { token } = await issueToken(database.db, systemClock, systemActor(org.id), {
    userId: admin.id,
    name: name.toLowerCase(),
  });
  return { org, token };
}
