import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../connection';
import { insertRows } from '../write-together';
import { auditLog } from '../schema';
import type { Actor } from '../../domain/actor';

/** One change to record. */
export type AuditEntry = {
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** The statement that appends an entry to the audit log (await it, or send it with writeTogether). */
export function auditQuery(actor: Actor, entry: AuditEntry) {
  return auditRowsQuery([auditRow(actor, entry)]);
}

/** An audit entry as the row to append. */
export function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    orgId: actor.orgId,
    actorType: actor.type,
    actorId: actor.tokenId ?? actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId ?? null,
  };
}

/** Appends audit rows (for writeTogether). */
export function auditRowsQuery(rows: readonly ReturnType<typeof auditRow>[]) {
  return insertRows(auditLog, rows);
}

/** Appends an entry to the audit log, in the caller's transaction. */
export async function appendAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.execute(auditQuery(actor, entry));
}

/** Lists an organization's audit entries, newest first. */
export async function listAudit(
  db: Executor,
  orgId: string,
  opts: { beforeId?: number; limit: number; entityType?: string; entityId?: string },
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        opts.beforeId === undefined ? undefined : lt(auditLog.id, opts.beforeId),
        opts.entityType === undefined ? undefined : eq(auditLog.entityType, opts.entityType),
        opts.entityId === undefined ? undefined : eq(auditLog.entityId, opts.entityId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
