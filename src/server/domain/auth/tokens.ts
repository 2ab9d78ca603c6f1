import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findToken,
  listTokens,
  findUser,
  insertToken,
  revokeToken,
  type ApiTokenRow,
} from '../../db/repositories/users';
import type { StaffRole } from '../../db/schema/users';
import { AppError, notFound } from '../../errors';
import { actorCan, canGrantRole } from '../../policies';
import type { Actor } from '../actor';
import { presentToken } from '../../presenters/user';
import { hashSecret, newSecret } from './secrets';
import { forgetCachedTokens } from './token-cache';

/** A token just made: the secret is in `token` and is never shown again. */
export type IssuedToken = { token: string; row: ApiTokenRow };

/**
 * Issues an API token for a user (the actor's own, or anyone's for an admin). The token's role
 * defaults to the user's and may never let it do more than the user can.
 */
export async function issueToken(
  db: Executor,
  clock: Clock,
  actor: Actor,
  input: { userId: string; name: string; role?: StaffRole; expiresInDays?: number },
): Promise<IssuedToken> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx, actor.orgId, input.userId);
    if (!user) throw notFound('user');
    if (!isSelfOrManager(actor, user.id)) throw notFound('user');
    const role = input.role ?? user.role;
    if (!canGrantRole(user.role, role)) {
      throw new AppError(
        'rule_violated',
        `a ${user.role} cannot hold a token with the ${role} role`,
      );
    }
    const token = newSecret('tend_pat');
    const now = clock.now();
    const row = await insertToken(tx, {
      orgId: actor.orgId,
      userId: user.id,
      name: input.name,
      role,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 13),
      createdAt: now,
      expiresAt: input.expiresInDays
        ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
        : null,
    });
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      after: presentToken(row),
    });
    return { token, row };
  });
}

/** Revokes a token at once; the actor's own, or any in the organization for an admin. */
export async function revokeApiToken(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<ApiTokenRow> {
  const result = await db.transaction(async (tx) => {
    const before = await findToken(tx, actor.orgId, id);
    if (!before || !isSelfOrManager(actor, before.userId)) throw notFound('token');
    if (before.revokedAt) return before;
    const after = await revokeToken(tx, actor.orgId, id, clock.now());
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'api_token',
      entityId: id,
      before: presentToken(before),
      after: presentToken(after!),
    });
    return after!;
  });
  forgetCachedTokens(); // after the commit, so no request caches the old state again
  return result;
}

function isSelfOrManager(actor: Actor, userId: string): boolean {
  return actor.userId === userId || actorCan(actor, 'tokens.manage');
}

/** API tokens: the caller's own, or all of the organization's for those who manage tokens. */
export async function tokenList(db: Executor, actor: Actor) {
  const mine = actorCan(actor, 'tokens.manage') ? undefined : (actor.userId ?? undefined);
  return (await listTokens(db, actor.orgId, mine)).map(presentToken);
}
