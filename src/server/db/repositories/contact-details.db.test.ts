import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../tests/support/database';
import { buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database, Executor } from '../connection';
import {
  contactAddresses,
  contactEmails,
  contactPhones,
  contacts,
  households,
  users,
} from '../schema';
import { withDetails, type ContactRow } from './contacts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

/** The five-query reading withDetails replaced: the oracle its one statement must equal. */
async function oracle(db: Executor, orgId: string, rows: ContactRow[]) {
  const ids = rows.map((r) => r.id);
  const inOrg = <T extends typeof contactEmails | typeof contactPhones | typeof contactAddresses>(
    t: T,
  ) => and(eq(t.orgId, orgId), inArray(t.contactId, ids));
  const emails = await db
    .select()
    .from(contactEmails)
    .where(inOrg(contactEmails))
    .orderBy(asc(contactEmails.address));
  const phones = await db
    .select()
    .from(contactPhones)
    .where(inOrg(contactPhones))
    .orderBy(asc(contactPhones.number));
  const addresses = await db
    .select()
    .from(contactAddresses)
    .where(inOrg(contactAddresses))
    .orderBy(asc(contactAddresses.id));
  const hh = await db
    .select({ id: households.id, name: households.name })
    .from(households)
    .where(eq(households.orgId, orgId));
  const owners = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.orgId, orgId));
  return rows.map((r) => ({
    ...r,
    emails: emails.filter((e) => e.contactId === r.id),
    phones: phones.filter((p) => p.contactId === r.id),
    addresses: addresses.filter((a) => a.contactId === r.id),
    household: hh.find((h) => h.id === r.householdId) ?? null,
    owner: owners.find((o) => o.id === r.ownerUserId) ?? null,
  }));
}

describe('withDetails', () => {
  it("reads a page's emails, phones, addresses, household and owner as the five queries did", async () => {
    const db = database.db;
    const org = await buildOrg(db);
    const other = await buildOrg(db);
    const owner = await buildUser(db, org, 'agent');
    const [household] = await db
      .insert(households)
      .values({ orgId: org.id, name: 'The Šimkus household' })
      .returning();
    const full = await buildContact(db, org, {
      emails: [
        { address: 'zoe@example.org', label: 'work' },
        { address: 'Ada@example.org', primary: true },
        { address: 'mia@example.org' },
      ],
      phones: [{ number: '+37060000002' }, { number: '+37060000001', label: 'mobile' }],
      addresses: [
        { line1: 'Gedimino pr. 1', city: 'Vilnius', postalCode: '01103', country: 'LT' },
        { line1: 'Laisvės al. 2', line2: 'butas 3', country: 'LT', label: 'home' },
      ],
    });
    const bare = await buildContact(db, org, {});
    const another = await buildContact(db, org, { emails: [{ address: 'solo@example.org' }] });
    await db
      .update(contacts)
      .set({ householdId: household!.id, ownerUserId: owner.id })
      .where(eq(contacts.id, full.id));
    await db
      .update(contactEmails)
      .set({ bouncedAt: new Date('2026-11-20T08:30:00.123Z') })
      .where(eq(contactEmails.address, 'mia@example.org'));
    const rows = await db
      .select()
      .from(contacts)
      .where(inArray(contacts.id, [another.id, full.id, bare.id]))
      .orderBy(sql`${contacts.id} = ${full.id} desc`, asc(contacts.id));

    const details = await withDetails(db, org.id, rows);
    expect(details).toEqual(await oracle(db, org.id, rows));
    expect(details.map((d) => d.id)).toEqual(rows.map((r) => r.id)); // the page's order kept
    const first = details[0]!;
    expect(first.emails.map((e) => e.address)).toHaveLength(3);
    expect(first.emails.find((e) => e.address === 'mia@example.org')!.bouncedAt).toEqual(
      new Date('2026-11-20T08:30:00.123Z'),
    );
    expect(first.phones).toHaveLength(2);
    expect(first.addresses).toHaveLength(2);
    expect(first.household).toEqual({ id: household!.id, name: 'The Šimkus household' });
    expect(first.owner).toEqual({ id: owner.id, name: owner.name, email: owner.email });
    expect(details.find((d) => d.id === bare.id)).toMatchObject({
      emails: [],
      phones: [],
      addresses: [],
      household: null,
      owner: null,
    });

    // Another organization's reading of the same rows finds none of their details.
    const foreign = await withDetails(db, other.id, rows);
    expect(foreign.every((d) => d.emails.length === 0 && d.owner === null)).toBe(true);
    expect(await withDetails(db, org.id, [])).toEqual([]);
  });
});
