import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { findLiveSession, findLiveToken, touchToken } from '../../db/repositories/users';
import type { Actor } from '../actor';
import { hashSecret } from './secrets';
import { cacheTokenActor, cachedTokenActor } from './token-cache';

/** Who a session cookie belongs to, or undefined when it is unknown, expired or the user is off. */
export async function actorFromSession(
  db: Executor,
  clock: Clock,
  token: string,
): Promise<Actor | undefined> {
  const row = await findLiveSession(db, hashSecret(token), clock.now());
  if (!row || !row.user.active) return undefined;
  return {
    orgId: row.user.orgId,
    type: 'user',
    userId: row.user.id,
    tokenId: null,
    role: row.user.role,
  };
}

// When this process last wrote a token's last-used time: at most one write a minute per token.
const lastTouched = new Map<string, number>();

/** Who an API token belongs to; the token's own role applies, not its user's. */
export async function actorFromToken(
  db: Executor,
  clock: Clock,
  token: string,
): Promise<Actor | undefined> {
  const now = clock.now();
  const hash = hashSecret(token);
  const cached = cachedTokenActor(hash, now);
  if (cached) return cached;
  const row = await findLiveToken(db, hash, now);
  if (!row || !row.user.active) return undefined;
  if ((lastTouched.get(row.token.id) ?? 0) < now.getTime() - 60_000) {
    if (lastTouched.size > 10_000) lastTouched.clear();
    lastTouched.set(row.token.id, now.getTime());
    await touchToken(db, row.token.id, now);
  }
  const actor: Actor = {
    orgId: row.token.orgId,
    type: 'token',
    userId: row.user.id,
    tokenId: row.token.id,
    role: row.token.role,
    userRole: row.user.role,
  };
  cacheTokenActor(hash, actor, row.token.expiresAt);
  return actor;
}
