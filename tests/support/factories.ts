import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../src/core/clock';
import type { CreateContactInput } from '../../src/shared/schemas/contacts';
import type { Executor } from '../../src/server/db/connection';
import type { OrganizationRow } from '../../src/server/db/repositories/organizations';
import type { UserRow } from '../../src/server/db/repositories/users';
import type { StaffRole } from '../../src/server/db/schema/users';
import { systemActor, type Actor } from '../../src/server/domain/actor';
import { issueToken } from '../../src/server/domain/auth/tokens';
import { createContact } from '../../src/server/domain/contacts/create-contact';
import { createOrganization } from '../../src/server/domain/orgs/create-organization';
import { createUser } from '../../src/server/domain/users/create-user';

/** The password every factory-made user has. */
export const testPassword = 'correct horse battery staple';

const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
const unique = () => randomUUID().slice(0, 8);

/** A new organization of its own for a test. */
export function buildOrg(
  db: Executor,
  overrides: Partial<Parameters<typeof createOrganization>[1]> = {},
): Promise<OrganizationRow> {
  return createOrganization(db, {
    name: `Test Charity ${unique()}`,
    defaultCountry: 'LT',
    ...overrides,
  });
}

/** A staff user of the organization (role agent unless told). */
export function buildUser(
  db: Executor,
  org: OrganizationRow,
  role: StaffRole = 'agent',
  overrides: { email?: string } = {},
): Promise<UserRow> {
  return createUser(db, systemActor(org.id), {
    email: overrides.email ?? `${role}-${unique()}@example.org`,
    name: `Test ${role}`,
    role,
    password: testPassword,
  });
}

/** An API token for the user; returns the secret. */
export async function buildToken(db: Executor, user: UserRow): Promise<string> {
  const issued = await issueToken(db, clock, systemActor(user.orgId), {
    userId: user.id,
    name: 'test',
  });
  return issued.token;
}

/** The actor for a user, as the HTTP layer would make it. */
export function actorFor(user: UserRow): Actor {
  return { orgId: user.orgId, type: 'user', userId: user.id, tokenId: null, role: user.role };
}

/** A contact of the organization (a person named "Test …" unless told). */
export function buildContact(
  db: Executor,
  org: OrganizationRow,
  input: Partial<CreateContactInput> = {},
) {
  return db.transaction((tx) =>
    createContact(tx, clock, systemActor(org.id), {
      kind: 'person',
      givenName: 'Test',
      familyName: `Person ${unique()}`,
      ...input,
    }),
  );
}
