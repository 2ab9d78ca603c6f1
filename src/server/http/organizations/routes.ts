import { z } from 'zod';
import { getOrganization } from '../../domain/orgs/get-organization';
import { actorOf } from '../authenticate';
import type { App, AppDeps } from '../types';

const orgView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  defaultCountry: z.string().nullable(),
  defaultLanguage: z.string(),
  timeZone: z.string(),
  inboundAddresses: z.array(z.string()),
  createdAt: z.string(),
});

/** The caller's own organization. */
export function organizationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/organization',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['organization'],
        summary: 'Your organization and its settings',
        response: { 200: orgView },
      },
    },
    async (req) => getOrganization(db, actorOf(req)),
  );
}
