import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import {
  attachFile,
  listAttachments,
  maxAttachmentBytes,
  readAttachment,
} from '../../domain/requests/attachments';
import { AppError } from '../../errors';
import { databaseFileStore } from '../../storage/file-store';
import { actorOf } from '../authenticate';
import { listEnvelope } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['requests'];
const attachmentView = z.object({
  id: uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: uuid().nullable(),
  createdAt: z.string(),
});

/** Attachments: multipart upload (size limit, type checked from the bytes), list, download. */
export async function attachmentRoutes(app: App, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxAttachmentBytes, files: 1, fields: 5 },
  });
  app.post(
    '/requests/:id/attachments',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary:
          'Attach a file (multipart/form-data, field "file", up to 10 MB: PDF, images, office documents, text)',
        params: idParams,
        response: { 201: attachmentView },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'send multipart/form-data with a "file" field',
        );
      const part = await req.file();
      if (!part)
        throw new AppError('validation_failed', 'file: missing', [
          { path: 'file', message: 'required' },
        ]);
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(
            'payload_too_large',
            `files up to ${maxAttachmentBytes / 1024 / 1024} MB`,
          );
        throw err;
      });
      const view = await db.transaction((tx) =>
        attachFile(tx, databaseFileStore, actorOf(req), req.params.id, {
          name: part.filename,
          bytes,
        }),
      );
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/requests/:id/attachments',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'A request’s attachments',
        params: idParams,
        response: { 200: listEnvelope(attachmentView) },
      },
    },
    async (req) => ({
      data: await listAttachments(db, actorOf(req), req.params.id),
      nextCursor: null,
    }),
  );
  app.get(
    '/requests/:id/attachments/:attachmentId',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Download an attachment',
        params: z.object({ id: uuid(), attachmentId: uuid() }),
      },
    },
    async (req, reply) => {
      const file = await readAttachment(
        db,
        databaseFileStore,
        actorOf(req),
        req.params.id,
        req.params.attachmentId,
      );
      // Always a download, never rendered in our origin; the type is the one checked at upload.
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );
}
