import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { App, AppDeps } from '../types';

/** `GET /health` (the process is alive) and `GET /ready` (database reachable, migrations applied). */
export function healthRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );
  const readiness = z.object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['pglite', 'postgres']),
    migrations: z.object({ applied: z.number(), expected: z.number() }),
  });
  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: readiness, 503: readiness } },
    },
    async (_req, reply) => {
      let migrations = { applied: 0, expected: 0 };
      let ok: boolean;
      try {
        await deps.database.db.execute(sql`select 1`);
        migrations = await deps.database.migrationState();
        ok = migrations.applied >= migrations.expected;
      } catch {
        ok = false;
      }
      void reply.status(ok ? 200 : 503);
      return {
        status: ok ? ('ready' as const) : ('not_ready' as const),
        database: deps.database.kind,
        migrations,
      };
    },
  );
}
