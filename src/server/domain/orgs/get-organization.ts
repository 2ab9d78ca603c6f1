import type { Executor } from '../../db/connection';
import { findOrganization, inboundAddresses } from '../../db/repositories/organizations';
import { notFound } from '../../errors';
import type { Actor } from '../actor';

/** The caller's organization with its settings and inbound addresses. */
export async function getOrganization(db: Executor, actor: Actor) {
  const org = await findOrganization(db, actor.orgId);
  if (!org) throw notFound('organization');
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    defaultCountry: org.defaultCountry,
    defaultLanguage: org.defaultLanguage,
    timeZone: org.timeZone,
    inboundAddresses: await inboundAddresses(db, actor.orgId),
    createdAt: org.createdAt.toISOString(),
  };
}
