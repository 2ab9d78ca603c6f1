import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { organizationChanges } from '../../../shared/schemas/organization';
import { getOrganization } from '../../domain/orgs/get-organization';
import { updateOrganization } from '../../domain/orgs/update-organization';
import { actorOf } from '../authenticate';
import type { App, AppDeps } from '../types';

const orgView = z.object({
  id: uuid(),
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
  app.patch(
    '/organization',
    {
      config: { access: 'org.manage' },
      schema: {
        tags: ['organization'],
        summary: 'Change the organization’s settings and the addresses it receives mail at',
        body: organizationChanges,
        response: { 200: orgView },
      },
    },
    async (req) => updateOrganization(db, actorOf(req), req.body),
  );
}
