import { eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { orgInboundAddresses, organizations } from '../schema';

/** An organization row. */
export type OrganizationRow = typeof organizations.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an organization by id or slug. */
export async function findOrganization(
  db: Executor,
  idOrSlug: string,
): Promise<OrganizationRow | undefined> {
  const where = uuidPattern.test(idOrSlug)
    ? or(eq(organizations.id, idOrSlug), eq(organizations.slug, idOrSlug))
    : eq(organizations.slug, idOrSlug.toLowerCase());
  const [row] = await db.select().from(organizations).where(where).limit(1);
  return row;
}

/** Whether any organization exists (first run detection). */
export async function anyOrganization(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length > 0;
}

/** Slugs already taken that start with the given base. */
export async function slugsLike(db: Executor, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(sql`${organizations.slug} = ${base} or ${organizations.slug} like ${base + '-%'}`);
  return rows.map((r) => r.slug);
}

/** Inserts an organization. */
export async function insertOrganization(db: Executor, values: typeof organizations.$inferInsert) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

/** Inbound mail addresses of an organization. */
export async function inboundAddresses(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ address: orgInboundAddresses.address })
    .from(orgInboundAddresses)
    .where(eq(orgInboundAddresses.orgId, orgId))
    .orderBy(orgInboundAddresses.createdAt, orgInboundAddresses.address);
  return rows.map((r) => r.address);
}

/** The organization that owns an inbound address, if any. */
export async function ownerOfInboundAddress(
  db: Executor,
  address: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ orgId: orgInboundAddresses.orgId })
    .from(orgInboundAddresses)
    .where(sql`lower(${orgInboundAddresses.address}) = ${address.toLowerCase()}`);
  return row?.orgId;
}

/** Adds an inbound address to an organization. */
export async function insertInboundAddress(
  db: Executor,
  orgId: string,
  address: string,
): Promise<void> {
  await db.insert(orgInboundAddresses).values({ orgId, address: address.toLowerCase() });
}

/** Changes an organization's own fields. */
export async function updateOrganizationRow(
  db: Executor,
  id: string,
  values: Partial<
    Pick<OrganizationRow, 'name' | 'defaultCountry' | 'defaultLanguage' | 'timeZone'>
  >,
): Promise<void> {
  if (Object.keys(values).length)
    await db.update(organizations).set(values).where(eq(organizations.id, id));
}

/** Replaces an organization's inbound addresses. */
export async function replaceInboundAddresses(
  db: Executor,
  orgId: string,
  addresses: string[],
): Promise<void> {
  await db.delete(orgInboundAddresses).where(eq(orgInboundAddresses.orgId, orgId));
  for (const address of addresses) await insertInboundAddress(db, orgId, address);
}
