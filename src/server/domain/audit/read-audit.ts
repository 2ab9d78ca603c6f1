import { z } from 'zod';
import type { Executor } from '../../db/connection';
import { listAudit } from '../../db/repositories/audit';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor } from '../cursor';

/** The organization's audit log, newest first, page by page (optionally about one entity). */
export async function readAudit(
  db: Executor,
  actor: Actor,
  q: { cursor?: string; limit: number; entityType?: string; entityId?: string },
) {
  const beforeId = decodeCursor(q.cursor, z.object({ b: z.number().int() }))?.b;
  const rows = await listAudit(db, actor.orgId, {
    beforeId,
    limit: q.limit + 1,
    entityType: q.entityType,
    entityId: q.entityId,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ orgId: _org, ...r }) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ b: last.id }) : null,
  };
}
