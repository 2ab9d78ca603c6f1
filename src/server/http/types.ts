import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../../core/clock';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import type { Actor } from '../domain/actor';
import type { PortalUser } from '../domain/portal/portal';
import type { Access } from '../policies';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook on every staff route. */
    actor: Actor | null;
    /** The contact signed in to the portal; set on every `access: 'portal'` route. */
    portalUser: PortalUser | null;
  }
  interface FastifyContextConfig {
    /** What the route requires; every /api route must say (checked at start-up). */
    access?: Access;
    /** Only a signed-in person (session cookie), never an API token, may call the route. */
    sessionOnly?: boolean;
  }
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules receive: the database, the clock and the configuration. */
export type AppDeps = {
  database: Database;
  clock: Clock;
  config: Config;
};
