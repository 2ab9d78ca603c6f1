import { z } from 'zod';
import { text, uuid } from '../../../shared/schemas/common';
import {
  cannedReplyList,
  createCannedReply,
  renderCannedReply,
  updateCannedReply,
} from '../../domain/requests/canned-replies';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['requests'];
const bodies = z
  .record(
    z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag like es or pt-BR'),
    z.string().trim().min(1).max(20_000),
  )
  .refine(
    (b) => Object.keys(b).length >= 1 && Object.keys(b).length <= 20,
    'one to twenty languages',
  );
const view = z.object({
  id: uuid(),
  name: z.string(),
  bodies: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});

/** Canned replies: texts per language with variables, written out for a request on demand. */
export function cannedReplyRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/canned-replies',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Canned replies',
        response: { 200: z.object({ data: z.array(view), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      data: await cannedReplyList(db, actorOf(req)),
      nextCursor: null,
    }),
  );
  app.post(
    '/canned-replies',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary:
          'Create a canned reply (texts per language; {{requester.name}}, {{request.reference}}, {{agent.name}}…)',
        body: z.strictObject({ name: text(100), bodies }),
        response: { 201: view },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) => createCannedReply(tx, actorOf(req), req.body)),
  );
  app.patch(
    '/canned-replies/:id',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary: 'Change a canned reply',
        params: idParams,
        body: z.strictObject({ name: text(100).optional(), bodies: bodies.optional() }),
        response: { 200: view },
      },
    },
    async (req) =>
      db.transaction((tx) => updateCannedReply(tx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/canned-replies/:id/render',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'The canned reply written out for a request, in the requester’s language',
        params: idParams,
        querystring: z.strictObject({ requestId: uuid() }),
        response: { 200: z.object({ language: z.string(), body: z.string() }) },
      },
    },
    async (req) => renderCannedReply(db, actorOf(req), req.params.id, req.query.requestId),
  );
}
