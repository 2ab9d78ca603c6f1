import { z } from 'zod';
import { listAudit } from '../../db/repositories/audit';
import { decodeCursor, encodeCursor } from '../../domain/cursor';
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
    async (req) => {
      const { cursor, limit, entityType, entityId } = req.query;
      const beforeId = decodeCursor(cursor, z.object({ b: z.number().int() }))?.b;
      const rows = await listAudit(deps.database.db, actorOf(req).orgId, {
        beforeId,
        limit: limit + 1,
        entityType,
        entityId,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        data: page.map((r) => ({ ...r, at: r.at.toISOString(), orgId: undefined })),
        nextCursor: rows.length > limit && last ? encodeCursor({ b: last.id }) : null,
      };
    },
  );
}
