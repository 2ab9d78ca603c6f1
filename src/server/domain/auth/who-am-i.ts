import type { Executor } from '../../db/connection';
import { findOrganization } from '../../db/repositories/organizations';
import { findUser } from '../../db/repositories/users';
import { notFound } from '../../errors';
import { actorCan, permissions, type Permission } from '../../policies';
import { presentUser } from '../../presenters/user';
import type { Actor } from '../actor';

/**
 * Who is calling: the user, their organization, how they signed in, and what they may do —
 * for a token, only what both the token's role and its user's current role allow.
 */
export async function whoAmI(db: Executor, actor: Actor) {
  const user = actor.userId ? await findUser(db, actor.orgId, actor.userId) : undefined;
  const org = await findOrganization(db, actor.orgId);
  if (!user || !org || actor.role === 'system') throw notFound('user');
  return {
    user: presentUser(user),
    organization: { id: org.id, slug: org.slug, name: org.name },
    via: actor.type === 'token' ? ('token' as const) : ('session' as const),
    role: actor.role,
    permissions: (Object.keys(permissions) as Permission[]).filter((p) => actorCan(actor, p)),
  };
}
