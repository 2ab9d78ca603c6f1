import { z } from 'zod';
import { readAudit } from '../../domain/audit/read-audit';
import { actorOf } from '../authenticate';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';

const auditView = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/** The audit log: admins read it; nobody can change it. */
export function auditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Every change, newest first (read-only)',
        querystring: z.strictObject({
          ...pageQuery,
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
        }),
        response: { 200: listEnvelope(auditView) },
      },
    },
    async (req) => readAudit(deps.database.db, actorOf(req), req.query),
  );
}
