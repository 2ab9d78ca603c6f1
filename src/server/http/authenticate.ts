import type { FastifyRequest } from 'fastify';
import { actorFromSession, actorFromToken } from '../domain/auth/authenticate';
import type { Actor } from '../domain/actor';
import { AppError } from '../errors';
import { actorCan } from '../policies';
import type { AppDeps } from './types';

/** The cookie that carries a staff session. */
export const sessionCookie = 'tend_session';

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
  // A cookie is sent by the browser on its own; refuse cross-site writes (CSRF) by Origin.
  if (actor && req.method !== 'GET' && req.method !== 'HEAD') {
    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin) !== req.headers.host) {
      throw new AppError('forbidden', 'cross-site request refused');
    }
  }
  return actor;
}

/**
 * The authentication and authorization hook: runs before the body is read, so an anonymous or
 * unauthorized caller learns nothing from validation errors.
 */
export function authorizeHook(deps: AppDeps) {
  return async (req: FastifyRequest): Promise<void> => {
    const access = req.routeOptions.config.access;
    req.actor = null;
    if (access === undefined || access === 'public') return;
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
