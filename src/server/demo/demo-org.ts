import type { Clock } from '../../core/clock';
import type { Database } from '../db/connection';
import { findOrganization, type OrganizationRow } from '../db/repositories/organizations';
import { systemActor } from '../domain/actor';
import { generatePassword } from '../domain/auth/secrets';
import { createOrganization } from '../domain/orgs/create-organization';
import { createUser } from '../domain/users/create-user';
import { sql } from 'drizzle-orm';
import { seedContacts } from './seed';
import { seedDemoDesk } from './demo-desk';
import { seedDemoGiving } from './demo-giving';
import { dropPendingEmails } from '../db/repositories/outbox';

/** What a newcomer needs to sign in to the demo. */
export type DemoLogin = { org: OrganizationRow; email: string; password: string; contacts: number };

const staff = [
  { email: 'manager@example.org', name: 'Marta Manager', role: 'manager' },
  { email: 'agent@example.org', name: 'Andrii Agent', role: 'agent' },
  { email: 'fundraiser@example.org', name: 'Fiona Fundraiser', role: 'fundraiser' },
  { email: 'volunteers@example.org', name: 'Vytautas Coordinator', role: 'volunteer_coordinator' },
] as const;

/**
 * Creates a realistic demo organization: an admin with a generated password, four staff
 * members, `count` contacts with households and a year of timeline, the service desk, and
 * about three years of giving (demo-giving.ts). Fundraisers own donors.
 */
export async function createDemoOrganization(
  database: Database,
  clock: Clock,
  opts: {
    slug?: string;
    count?: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<DemoLogin> {
  const db = database.db;
  const slug = opts.slug ?? 'demo';
  if (await findOrganization(db, slug)) throw new Error(`an organization "${slug}" exists already`);
  const org = await createOrganization(db, {
    name: 'Demo Community Services',
    slug,
    defaultCountry: 'LT',
    timeZone: 'Europe/Vilnius',
    inbound: [`help@${slug}.example.org`],
  });
  const actor = systemActor(org.id);
  const password = generatePassword();
  const email = 'admin@example.org';
  const admin = await createUser(db, actor, { email, name: 'Ada Admin', role: 'admin', password });
  const users = [];
  for (const s of staff) users.push(await createUser(db, actor, { ...s }));
  const result = await db.transaction((tx) =>
    seedContacts(tx, clock, org.id, {
      count: opts.count ?? 200,
      seed: opts.seed,
      onProgress: opts.onProgress,
    }),
  );
  // The fundraiser is the relationship owner of a share of the donors: "the right person to talk to".
  const fundraiser = users.find((u) => u.role === 'fundraiser')!;
  await db.execute(sql`update contacts set owner_user_id = ${fundraiser.id}
    where org_id = ${org.id} and 'donor' = any(roles) and (hashtext(id::text) % 3) = 0`);
  const byRole = Object.fromEntries(users.map((u) => [u.role, u]));
  await seedDemoDesk(database, clock.now(), org.id, byRole);
  await seedDemoGiving(db, clock, org, { ...byRole, admin }, { seed: opts.seed });
  // The demo's made-up history must not email its made-up people.
  await dropPendingEmails(db, org.id);
  // Planner statistics after a bulk load (PGlite has no autovacuum to gather them).
  await db.execute(sql`analyze`);
  return { org, email, password, contacts: result.contacts };
}
