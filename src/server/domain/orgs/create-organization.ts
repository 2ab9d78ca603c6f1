import type { Executor } from '../../db/connection';
import {
  findOrganization,
  insertInboundAddress,
  insertOrganization,
  ownerOfInboundAddress,
  slugsLike,
  type OrganizationRow,
} from '../../db/repositories/organizations';
import { appendAudit } from '../../db/repositories/audit';
import { AppError, invalid } from '../../errors';
import { systemActor } from '../actor';
import { nameVariants } from '../../../core/text/search-key';

/** What it takes to create an organization. */
export type NewOrganization = {
  name: string;
  slug?: string;
  defaultCountry?: string;
  defaultLanguage?: string;
  timeZone?: string;
  inbound?: string[];
};

/** Turns a name into a URL-safe slug: "Vilniaus Maisto Bankas" → "vilniaus-maisto-bankas". */
export function slugify(name: string): string {
  const base = (nameVariants(name)[0] ?? '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return base.slice(0, 40).replace(/-$/, '') || 'org';
}

/** Creates an organization (a tenant) with its inbound mail addresses; the slug is made unique. */
export async function createOrganization(
  db: Executor,
  input: NewOrganization,
): Promise<OrganizationRow> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw invalid('name', 'must be 1 to 200 characters');
  if (input.slug !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(input.slug)) {
    throw invalid('slug', 'lower-case letters, digits and hyphens, at most 40');
  }
  for (const [i, address] of (input.inbound ?? []).entries()) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
      throw invalid(`inbound.${i}`, 'not an email address');
  }
  return db.transaction(async (tx) => {
    let slug = input.slug;
    if (slug === undefined) {
      const base = slugify(name);
      const taken = new Set(await slugsLike(tx, base));
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    } else if (await findOrganization(tx, slug)) {
      throw new AppError('conflict', `an organization with slug "${slug}" exists`);
    }
    const org = await insertOrganization(tx, {
      name,
      slug,
      defaultCountry: input.defaultCountry?.toUpperCase() ?? null,
      defaultLanguage: input.defaultLanguage ?? 'en',
      timeZone: input.timeZone ?? 'UTC',
    });
    for (const address of input.inbound ?? []) {
      if (await ownerOfInboundAddress(tx, address)) {
        throw new AppError(
          'conflict',
          `the inbound address ${address} belongs to another organization`,
        );
      }
      await insertInboundAddress(tx, org.id, address);
    }
    await appendAudit(tx, systemActor(org.id), {
      action: 'create',
      entityType: 'organization',
      entityId: org.id,
      after: { ...org, inbound: input.inbound ?? [] },
    });
    return org;
  });
}
