import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryPrepared, type Executor } from '../connection';
import {
  contactAddresses,
  contactEmails,
  contactPhones,
  contacts,
  households,
  users,
} from '../schema';

/** A contact row. */
export type ContactRow = typeof contacts.$inferSelect;
/** A contact with everything its presenter shows. */
export type ContactDetails = ContactRow & {
  emails: (typeof contactEmails.$inferSelect)[];
  phones: (typeof contactPhones.$inferSelect)[];
  addresses: (typeof contactAddresses.$inferSelect)[];
  household: { id: string; name: string } | null;
  owner: { id: string; name: string; email: string } | null;
};

const live = (orgId: string) => and(eq(contacts.orgId, orgId), isNull(contacts.deletedAt));

/** A live (not deleted) contact of the organization. */
export async function findContact(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(live(orgId), eq(contacts.id, id)));
  return row;
}

/** Inserts a contact row. */
export async function insertContact(
  db: Executor,
  values: typeof contacts.$inferInsert,
): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning();
  return row!;
}

/** Updates a live contact, bumping its version; undefined when it is gone. */
export async function updateContactRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1` })
    .where(and(live(orgId), eq(contacts.id, id)))
    .returning();
  return row;
}

/** New emails, phones and addresses of a contact (lists left out are not touched). */
export type ChannelLists = {
  emails?: Omit<typeof contactEmails.$inferInsert, 'orgId' | 'contactId'>[];
  phones?: Omit<typeof contactPhones.$inferInsert, 'orgId' | 'contactId'>[];
  addresses?: Omit<typeof contactAddresses.$inferInsert, 'orgId' | 'contactId'>[];
};

/** Inserts a contact's emails, phones and addresses; returns the stored rows (empty when none). */
export async function insertChannels(
  db: Executor,
  orgId: string,
  contactId: string,
  lists: ChannelLists,
) {
  const scope = { orgId, contactId };
  const emails = lists.emails?.length
    ? await db
        .insert(contactEmails)
        .values(lists.emails.map((x) => ({ ...x, ...scope })))
        .returning()
    : [];
  const phones = lists.phones?.length
    ? await db
        .insert(contactPhones)
        .values(lists.phones.map((x) => ({ ...x, ...scope })))
        .returning()
    : [];
  const addresses = lists.addresses?.length
    ? await db
        .insert(contactAddresses)
        .values(lists.addresses.map((x) => ({ ...x, ...scope })))
        .returning()
    : [];
  return { emails, phones, addresses };
}

/** Replaces the lists given (delete, then insert); lists left out stay as they are. */
export async function replaceChannels(
  db: Executor,
  orgId: string,
  contactId: string,
  lists: ChannelLists,
): Promise<void> {
  const tables = [
    [contactEmails, lists.emails],
    [contactPhones, lists.phones],
    [contactAddresses, lists.addresses],
  ] as const;
  for (const [table, list] of tables) {
    if (list !== undefined)
      await db.delete(table).where(and(eq(table.orgId, orgId), eq(table.contactId, contactId)));
  }
  await insertChannels(db, orgId, contactId, lists);
}

type Email = typeof contactEmails.$inferSelect;
type Phone = typeof contactPhones.$inferSelect;
type Address = typeof contactAddresses.$inferSelect;

/**
 * Loads emails, phones, addresses, household and owner for a page of contacts, keeping order.
 * ONE prepared statement for the page (the contacts as one JSON parameter, so its text is the
 * same for any page): the contact page and every list page read it. It was five queries one
 * after another, each planned anew.
 */
export async function withDetails(
  db: Executor,
  orgId: string,
  rows: ContactRow[],
): Promise<ContactDetails[]> {
  if (rows.length === 0) return [];
  const page = JSON.stringify(
    rows.map((r) => ({ id: r.id, household_id: r.householdId, owner_user_id: r.ownerUserId })),
  );
  const found = await queryPrepared<{
    id: string;
    emails: (Omit<Email, 'bouncedAt'> & { bouncedAt: string | null })[];
    phones: Phone[];
    addresses: Address[];
    household: ContactDetails['household'];
    owner: ContactDetails['owner'];
  }>(
    db,
    sql`select c.id,
        (select coalesce(json_agg(json_build_object('id', e.id, 'orgId', e.org_id,
                  'contactId', e.contact_id, 'address', e.address, 'label', e.label,
                  'isPrimary', e.is_primary, 'bouncedAt', e.bounced_at) order by e.address), '[]')
           from ${contactEmails} e where e.org_id = ${orgId} and e.contact_id = c.id) as emails,
        (select coalesce(json_agg(json_build_object('id', p.id, 'orgId', p.org_id,
                  'contactId', p.contact_id, 'number', p.number, 'label', p.label,
                  'isPrimary', p.is_primary) order by p.number), '[]')
           from ${contactPhones} p where p.org_id = ${orgId} and p.contact_id = c.id) as phones,
        (select coalesce(json_agg(json_build_object('id', a.id, 'orgId', a.org_id,
                  'contactId', a.contact_id, 'label', a.label, 'line1', a.line1, 'line2', a.line2,
                  'city', a.city, 'region', a.region, 'postalCode', a.postal_code,
                  'country', a.country, 'isPrimary', a.is_primary) order by a.id), '[]')
           from ${contactAddresses} a where a.org_id = ${orgId} and a.contact_id = c.id) as addresses,
        (select json_build_object('id', h.id, 'name', h.name) from ${households} h
          where h.org_id = ${orgId} and h.id = c.household_id) as household,
        (select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from ${users} u
          where u.org_id = ${orgId} and u.id = c.owner_user_id) as owner
      from jsonb_to_recordset(${page}::jsonb) as c(id uuid, household_id uuid, owner_user_id uuid)`,
  );
  const byId = new Map(found.map((f) => [f.id, f]));
  return rows.map((r) => {
    const f = byId.get(r.id)!;
    return {
      ...r,
      emails: f.emails.map((e) => ({
        ...e,
        bouncedAt: e.bouncedAt ? new Date(e.bouncedAt) : null,
      })),
      phones: f.phones,
      addresses: f.addresses,
      household: f.household,
      owner: f.owner,
    };
  });
}

/** What a contact search matches on; name variants are already folded by the core. */
export type ContactSearch = {
  nameVariants: string[][];
  emailLike?: string;
  phoneDigits: string[];
  role?: string;
  tag?: string;
  ownerUserId?: string;
  householdId?: string;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (s: string) => `%${likeEscape(s)}%`;

function searchConditions(orgId: string, s: ContactSearch): SQL | undefined {
  const filters: (SQL | undefined)[] = [live(orgId)];
  if (s.role) filters.push(sql`${s.role} = any(${contacts.roles})`);
  if (s.tag) filters.push(sql`${s.tag} = any(${contacts.tags})`);
  if (s.ownerUserId) filters.push(eq(contacts.ownerUserId, s.ownerUserId));
  if (s.householdId) filters.push(eq(contacts.householdId, s.householdId));
  const matches: (SQL | undefined)[] = s.nameVariants.map((tokens) =>
    and(...tokens.map((t) => sql`${contacts.searchText} like ${contains(t)}`)),
  );
  // Uncorrelated IN-subqueries: the email/phone trigram index is read once, not once per contact.
  if (s.emailLike) {
    matches.push(sql`${contacts.id} in (select e.contact_id from ${contactEmails} e
      where e.org_id = ${orgId} and e.address like ${contains(s.emailLike)})`);
  }
  for (const digits of s.phoneDigits) {
    matches.push(sql`${contacts.id} in (select p.contact_id from ${contactPhones} p
      where p.org_id = ${orgId} and p.number like ${contains(digits)})`);
  }
  const anyQuery =
    s.nameVariants.length > 0 || s.emailLike !== undefined || s.phoneDigits.length > 0;
  if (anyQuery) filters.push(or(...matches));
  return and(...filters);
}

/** Searches by name, email or phone and filters; best matches first. Paged by offset. */
export async function searchContactRows(
  db: Executor,
  orgId: string,
  s: ContactSearch,
  page: { offset: number; limit: number },
): Promise<ContactRow[]> {
  const best = s.nameVariants[0]?.join(' ') ?? '';
  return db
    .select()
    .from(contacts)
    .where(searchConditions(orgId, s))
    .orderBy(
      sql`similarity(${contacts.searchText}, ${best}) desc`,
      asc(contacts.name),
      asc(contacts.id),
    )
    .offset(page.offset)
    .limit(page.limit);
}

/** Lists contacts by name with filters, paged by keyset (name, id). */
export async function listContactRows(
  db: Executor,
  orgId: string,
  s: ContactSearch,
  page: { after?: { name: string; id: string }; limit: number },
): Promise<ContactRow[]> {
  const after = page.after;
  return db
    .select()
    .from(contacts)
    .where(
      and(
        searchConditions(orgId, s),
        after
          ? or(
              gt(contacts.name, after.name),
              and(eq(contacts.name, after.name), gt(contacts.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(page.limit);
}

/** The live contact with this email address (lower-case), if any; the oldest when several. */
export async function findContactByEmail(
  db: Executor,
  orgId: string,
  address: string,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select({ contact: contacts })
    .from(contactEmails)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, contactEmails.orgId), eq(contacts.id, contactEmails.contactId)),
    )
    .where(
      and(
        eq(contactEmails.orgId, orgId),
        eq(contactEmails.address, address),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(1);
  return row?.contact;
}

/** The live contact with this E.164 phone number, if any; the oldest when several. */
export async function findContactByPhone(
  db: Executor,
  orgId: string,
  e164: string,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select({ contact: contacts })
    .from(contactPhones)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, contactPhones.orgId), eq(contacts.id, contactPhones.contactId)),
    )
    .where(
      and(
        eq(contactPhones.orgId, orgId),
        eq(contactPhones.number, e164),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(1);
  return row?.contact;
}
