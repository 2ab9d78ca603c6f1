import { z } from 'zod';
import {
  createMessageInput,
  createRequestInput,
  logCallInput,
  updateRequestInput,
} from '../../../shared/schemas/requests';
import { requestChannels, requestPriorities } from '../../../shared/schemas/promises';
import { requestStatuses } from '../../../shared/requests';
import { text, uuid } from '../../../shared/schemas/common';
import { changeRequest } from '../../domain/requests/change-request';
import { createRequest, groupedOpener } from '../../domain/requests/create-request';
import { addRequesterMessage, addStaffMessage, listMessages } from '../../domain/requests/messages';
import {
  countedViews,
  getRequest,
  queueCounts,
  queueViews,
  readQueue,
} from '../../domain/requests/queue';
import { linkedRequests, linkRequests, mergeRequests } from '../../domain/requests/merge';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { expectedVersion, withEtag } from '../if-match';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import { messageView, queueItemView, requestView } from './views';

const tags = ['requests'];

/** Requests: intake by staff and API, the queue, changes, and the conversation. */
export function requestRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const openInGroup = groupedOpener(db, deps.clock);
  app.post(
    '/requests',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary: 'Open a request for a contact (routed and on the promise clock)',
        body: createRequestInput,
        response: { 201: requestView },
      },
    },
    async (req, reply) =>
      createOnce(
        req,
        reply,
        deps,
        (tx) => createRequest(tx, deps.clock, actorOf(req), req.body),
        201,
        undefined,
        () => openInGroup({ actor: actorOf(req), input: req.body }),
      ),
  );
  app.post(
    '/requests/log-call',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary:
          'Log a phone call or a walk-in as a request; optionally it was answered there and then',
        body: logCallInput,
        response: { 201: requestView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, async (tx) => {
        const { answer, answered, ...fields } = req.body;
        const actor = actorOf(req);
        const created = await createRequest(tx, deps.clock, actor, fields);
        if (answer || answered) {
          const body =
            answer ?? `Answered by ${fields.channel === 'phone' ? 'phone' : 'in person'}.`;
          return (
            await addStaffMessage(tx, deps.clock, actor, created.id, {
              body,
              visibility: 'public',
              channel: fields.channel,
            })
          ).request;
        }
        return created;
      }),
  );
  app.get(
    '/requests',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary:
          'The queue: a view, ordered by the next due instant, with the requester’s and assignee’s names',
        querystring: z.strictObject({
          ...pageQuery,
          view: z.enum(queueViews).default('all'),
          status: z.enum(requestStatuses).optional(),
          priority: z.enum(requestPriorities).optional(),
          channel: z.enum(requestChannels).optional(),
          category: text(100).optional(),
          teamId: uuid().optional(),
          assigneeId: uuid().optional(),
          requesterId: uuid().optional(),
          tag: text(50).optional(),
          q: text(200).optional().describe('Words of the subject, or a reference (R-1042)'),
        }),
        response: { 200: listEnvelope(queueItemView) },
      },
    },
    async (req) => {
      const { cursor, limit, view, ...filters } = req.query;
      return readQueue(db, deps.clock, actorOf(req), view, filters, { cursor, limit });
    },
  );
  app.get(
    '/requests/counts',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'How many requests each queue view holds for you',
        response: { 200: z.record(z.enum(['open', ...countedViews]), z.number().int()) },
      },
    },
    async (req) => queueCounts(db, deps.clock, actorOf(req)),
  );
  app.get(
    '/requests/:id',
    {
      config: { access: 'requests.read' },
      schema: { tags, summary: 'A request', params: idParams, response: { 200: requestView } },
    },
    async (req, reply) => {
      return withEtag(reply, await getRequest(db, actorOf(req), req.params.id));
    },
  );
  app.patch(
    '/requests/:id',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary: 'Change status, priority, category, assignee, team, tags, fields',
        params: idParams,
        body: updateRequestInput,
        response: { 200: requestView },
      },
    },
    async (req, reply) => {
      return withEtag(
        reply,
        await db.transaction((tx) =>
          changeRequest(
            tx,
            deps.clock,
            actorOf(req),
            req.params.id,
            req.body,
            expectedVersion(req.headers['if-match']),
          ),
        ),
      );
    },
  );
  app.get(
    '/requests/:id/messages',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'The conversation, with internal notes',
        params: idParams,
        response: { 200: listEnvelope(messageView) },
      },
    },
    async (req) => ({
      data: await listMessages(db, actorOf(req), req.params.id),
      nextCursor: null,
    }),
  );
  app.post(
    '/requests/:id/messages',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary: 'Reply publicly or add an internal note (optionally setting the status)',
        params: idParams,
        body: createMessageInput,
        response: { 201: z.object({ message: messageView, request: requestView }) },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        addStaffMessage(tx, deps.clock, actorOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/requests/:id/requester-messages',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary:
          'Record what the requester wrote (a channel integration): reopens, or opens a follow-up when closed',
        params: idParams,
        body: z.strictObject({
          body: text(50_000),
          channel: z.enum(requestChannels).default('api'),
        }),
        response: {
          201: z.object({ message: messageView, request: requestView, followUp: z.boolean() }),
        },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        addRequesterMessage(tx, deps.clock, actorOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/requests/:id/merge',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary:
          'Merge this request into another: messages move, its clocks stop, it closes with a link',
        params: idParams,
        body: z.strictObject({ intoId: uuid() }),
        response: { 200: requestView },
      },
    },
    async (req) =>
      db.transaction((tx) =>
        mergeRequests(tx, deps.clock, actorOf(req), req.params.id, req.body.intoId),
      ),
  );
  app.get(
    '/requests/:id/links',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Related requests',
        params: idParams,
        response: { 200: listEnvelope(requestView) },
      },
    },
    async (req) => ({
      data: await linkedRequests(db, actorOf(req), req.params.id),
      nextCursor: null,
    }),
  );
  app.post(
    '/requests/:id/links',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        summary: 'Link a related request (both ways)',
        params: idParams,
        body: z.strictObject({ otherId: uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => linkRequests(tx, actorOf(req), req.params.id, req.body.otherId));
      return reply.status(204).send(null);
    },
  );
}
