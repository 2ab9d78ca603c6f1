import type { FastifyRequest } from 'fastify';
import { actorFromSession, actorFromToken } from '../domain/auth/authenticate';
import type { Actor } from '../domain/actor';
import { portalUserFromSession, type PortalUser } from '../domain/portal/portal';
import { AppError } from '../errors';
import { actorCan } from '../policies';
import type { AppDeps } from './types';

/** The cookie that carries a staff session. */
export const sessionCookie = 'tend_session';
/** The cookie that carries a contact's portal session (never a staff session). */
export const portalCookie = 'tend_portal';

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" and other opaque origins are never same-site
  }
}

/** Reads the bearer token or the session cookie; undefined when neither identifies anyone. */
async function identify(req: FastifyRequest, deps: AppDeps): Promise<Actor | undefined> {
  const db = deps.database.db;
  const auth = req.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return match ? actorFromToken(db, deps.clock, match[1]!) : undefined;
  }
  const cookie = req.cookies[sessionCookie];
  if (!cookie) return undefined;
  const actor = await actorFromSession(db, deps.clock, cookie);
  if (actor) refuseCrossSite(req);
  return actor;
}

/** A cookie is sent by the browser on its own; refuse cross-site writes (CSRF) by Origin. */
function refuseCrossSite(req: FastifyRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  if (origin !== undefined && originHost(origin) !== req.headers.host) {
    throw new AppError('forbidden', 'cross-site request refused');
  }
}

/** The contact signed in to the portal on a route with `access: 'portal'`. */
export function portalUserOf(req: FastifyRequest): PortalUser {
  if (!req.portalUser) throw new AppError('unauthenticated', 'sign in to the portal');
  return req.portalUser;
}

/**
 * The authentication and authorization hook: runs before the body is read, so an anonymous or
 * unauthorized caller learns nothing from validation errors.
 */
export function authorizeHook(deps: AppDeps) {
  return async (req: FastifyRequest): Promise<void> => {
    const access = req.routeOptions.config.access;
    req.actor = null;
    req.portalUser = null;
    if (access === undefined || access === 'public') return;
    if (access === 'portal') {
      const cookie = req.cookies[portalCookie];
      const user = cookie
        ? await portalUserFromSession(deps.database.db, deps.clock, cookie)
        : undefined;
      if (!user)
        throw new AppError('unauthenticated', 'sign in to the portal with the link we email you');
      refuseCrossSite(req);
      req.portalUser = user;
      return;
    }
    const actor = await identify(req, deps);
    if (!actor) throw new AppError('unauthenticated', 'sign in or send an API token');
    actor.requestId = req.id;
    req.actor = actor;
    if (req.routeOptions.config.sessionOnly && actor.type !== 'user') {
      throw new AppError('forbidden', 'sign in to do this; an API token cannot');
    }
    if (access === 'signed_in') return;
    if (actor.role === 'system' || !actorCan(actor, access)) {
      throw new AppError('forbidden', `your role (${actor.role}) may not do this`);
    }
  };
}

/** The caller of a route that requires sign-in. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'sign in or send an API token');
  return req.actor;
}
