import { and, asc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findRequest } from '../../db/repositories/requests';
import { requestAttachments } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { FileStore } from '../../storage/file-store';
import type { Actor } from '../actor';

/** The largest attachment Tend accepts. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

// What may be attached, by the type the bytes really are (never by the name or the browser's word).
const allowed = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

/** Plain text (and CSV): valid UTF-8 without control characters other than tab and line breaks. */
function isPlainText(bytes: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return !text.includes('\uFFFD') && !/[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(text);
}

/** The content type of uploaded bytes, checked against the allow-list; 415 otherwise. */
export async function checkedContentType(bytes: Buffer, name: string): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected && allowed.has(detected.mime)) return detected.mime;
  if (!detected && isPlainText(bytes))
    return name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'text/plain';
  throw new AppError(
    'unsupported_media_type',
    `${detected?.mime ?? 'this kind of file'} cannot be attached; send PDF, images, office documents or text`,
  );
}

const present = (a: typeof requestAttachments.$inferSelect) => ({
  id: a.id,
  name: a.name,
  contentType: a.contentType,
  size: a.size,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt.toISOString(),
});

/** Attaches a checked file to a request. */
export async function attachFile(
  tx: Executor,
  store: FileStore,
  actor: Actor,
  requestId: string,
  file: { name: string; bytes: Buffer },
) {
  if (!(await findRequest(tx, actor.orgId, requestId))) throw notFound('request');
  if (file.bytes.length === 0)
    throw new AppError('validation_failed', 'file: empty', [{ path: 'file', message: 'empty' }]);
  if (file.bytes.length > maxAttachmentBytes)
    throw new AppError('payload_too_large', `files up to ${maxAttachmentBytes / 1024 / 1024} MB`);
  const contentType = await checkedContentType(file.bytes, file.name);
  // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
  const name = file.name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 200) || 'file';
  const fileKey = await store.put(tx, actor.orgId, file.bytes);
  const [row] = await tx
    .insert(requestAttachments)
    .values({
      orgId: actor.orgId,
      requestId,
      fileKey,
      name,
      contentType,
      size: file.bytes.length,
      uploadedBy: actor.userId,
    })
    .returning();
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'request_attachment',
    entityId: row!.id,
    after: present(row!),
  });
  return present(row!);
}

/** A request's attachments. */
export async function listAttachments(db: Executor, actor: Actor, requestId: string) {
  if (!(await findRequest(db, actor.orgId, requestId))) throw notFound('request');
  const rows = await db
    .select()
    .from(requestAttachments)
    .where(
      and(eq(requestAttachments.orgId, actor.orgId), eq(requestAttachments.requestId, requestId)),
    )
    .orderBy(asc(requestAttachments.createdAt));
  return rows.map(present);
}

/** One attachment's bytes and metadata. */
export async function readAttachment(
  db: Executor,
  store: FileStore,
  actor: Actor,
  requestId: string,
  id: string,
) {
  const [row] = await db
    .select()
    .from(requestAttachments)
    .where(
      and(
        eq(requestAttachments.orgId, actor.orgId),
        eq(requestAttachments.requestId, requestId),
        eq(requestAttachments.id, id),
      ),
    );
  if (!row) throw notFound('attachment');
  const bytes = await store.get(db, actor.orgId, row.fileKey);
  if (!bytes) throw notFound('attachment');
  return { ...present(row), bytes };
}
