import { z } from 'zod';
import { findOrganization, inboundAddresses } from '../../db/repositories/organizations';
import { notFound } from '../../errors';
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
    async (req) => {
      const orgId = actorOf(req).orgId;
      const org = await findOrganization(db, orgId);
      if (!org) throw notFound('organization');
      return {
        ...org,
        createdAt: org.createdAt.toISOString(),
        inboundAddresses: await inboundAddresses(db, orgId),
      };
    },
  );
}
