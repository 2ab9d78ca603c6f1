import { z } from 'zod';
import { publishedPromises } from '../../domain/promises/ledger';
import type { App, AppDeps } from '../types';

const window = z.object({ decided: z.number().int(), keptRate: z.number().nullable() });
const list = z.array(z.string()).readonly().optional();

/** Unauthenticated endpoints of an organization's public face; each is rate-limited per address. */
export function publicRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/public/:org/promises',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary:
          'What the organization promises, and how often it kept each promise (30 and 90 days)',
        security: [],
        params: z.object({ org: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            organization: z.object({ slug: z.string(), name: z.string() }),
            promises: z.array(
              z.object({
                subjectType: z.string(),
                name: z.string(),
                description: z.string().nullable(),
                forEveryone: z.boolean(),
                conditions: z.object({
                  roles: list,
                  categories: list,
                  channels: list,
                  priorities: list,
                }),
                targets: z.array(
                  z.object({
                    target: z.string(),
                    minutes: z.number().int(),
                    businessHours: z.object({ name: z.string(), timezone: z.string() }).nullable(),
                    last30Days: window,
                    last90Days: window,
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => publishedPromises(deps.database.db, deps.clock, req.params.org),
  );
}
