import type { Actor } from '../actor';

/**
 * API tokens this process has just verified, by their hash, for a few seconds: a busy
 * integration then costs no query per call. Revoking a token or changing a user clears the cache
 * in this process at once; another process honours the change within `ttlMs`.
 */
const ttlMs = 5_000;
const maxEntries = 10_000;
const cache = new Map<string, { actor: Actor; until: number; expiresAt: Date | null }>();

/** The cached actor of a token hash while fresh, and never once the token has expired at `now`. */
export function cachedTokenActor(hash: string, now: Date): Actor | undefined {
  const hit = cache.get(hash);
  if (!hit) return undefined;
  if (hit.until > Date.now() && (!hit.expiresAt || hit.expiresAt > now)) return hit.actor;
  cache.delete(hash);
  return undefined;
}

/** Remembers a verified token for `ttlMs` (bounded by its expiry when it is read back). */
export function cacheTokenActor(hash: string, actor: Actor, expiresAt: Date | null): void {
  if (cache.size >= maxEntries) cache.clear();
  cache.set(hash, { actor, until: Date.now() + ttlMs, expiresAt });
}

/** Forgets every cached token (a token revoked, a user demoted, deactivated or removed). */
export function forgetCachedTokens(): void {
  cache.clear();
}
