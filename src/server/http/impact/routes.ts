import { z } from 'zod';
import {
  impactReportQuery,
  impactUpdateChanges,
  impactUpdateFilters,
  impactUpdateInput,
} from '../../../shared/schemas/impact';
import { emailImpactReport } from '../../domain/impact/email';
import { impactReport } from '../../domain/impact/report';
import {
  changeImpactUpdate,
  createImpactUpdate,
  listImpactUpdatePage,
  readImpactUpdate,
  removeImpactUpdate,
} from '../../domain/impact/updates';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { ifMatchTag, withTag } from '../if-match';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import { programRoutes } from './program-routes';
import { impactReportView, impactUpdateView } from './views';

const tags = ['impact'];

/** Programs' impact updates, and donors' impact reports (as data and by email). */
export function impactRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  programRoutes(app, deps);
  app.post(
    '/programs/:id/impact-updates',
    {
      config: { access: 'impact.write' },
      schema: {
        tags,
        summary: 'A program posts an impact update (a story and figures about a period)',
        params: idParams,
        body: impactUpdateInput,
        response: { 201: impactUpdateView },
      },
    },
    async (req, reply) => {
      const view = await createOnce(req, reply, deps, (tx) =>
        createImpactUpdate(tx, clock, actorOf(req), req.params.id, req.body),
      );
      return withTag(reply, view);
    },
  );
  app.get(
    '/programs/:id/impact-updates',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: "A program's impact updates, the latest period first",
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: listEnvelope(impactUpdateView) },
      },
    },
    async (req) =>
      listImpactUpdatePage(db, actorOf(req), { ...req.query, programId: req.params.id }),
  );
  app.get(
    '/impact-updates',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'Impact updates of all programs whose period overlaps from–to',
        querystring: z.object({ ...impactUpdateFilters, ...pageQuery }),
        response: { 200: listEnvelope(impactUpdateView) },
      },
    },
    async (req) => listImpactUpdatePage(db, actorOf(req), req.query),
  );
  app.get(
    '/impact-updates/:id',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'An impact update',
        params: idParams,
        response: { 200: impactUpdateView },
      },
    },
    async (req, reply) => withTag(reply, await readImpactUpdate(db, actorOf(req), req.params.id)),
  );
  app.patch(
    '/impact-updates/:id',
    {
      config: { access: 'impact.write' },
      schema: {
        tags,
        summary: 'Change an impact update (send If-Match with its etag)',
        params: idParams,
        body: impactUpdateChanges,
        response: { 200: impactUpdateView },
      },
    },
    async (req, reply) => {
      const view = await db.transaction((tx) =>
        changeImpactUpdate(
          tx,
          actorOf(req),
          req.params.id,
          req.body,
          ifMatchTag(req.headers['if-match']),
        ),
      );
      return withTag(reply, view);
    },
  );
  app.delete(
    '/impact-updates/:id',
    {
      config: { access: 'impact.write' },
      schema: {
        tags,
        summary: 'Delete an impact update',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => removeImpactUpdate(tx, actorOf(req), req.params.id));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/contacts/:id/impact',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary:
          "A donor's impact report: gifts, allocations, and their programs' updates (default: last 12 months, the donor's language)",
        params: idParams,
        querystring: impactReportQuery,
        response: { 200: impactReportView },
      },
    },
    async (req) => impactReport(db, clock, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/contacts/:id/impact/email',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Email a donor their impact report (422 no_email when they have no address)',
        params: idParams,
        body: impactReportQuery.strict().nullish(),
        response: { 202: z.object({ recipient: z.string(), report: impactReportView }) },
      },
    },
    async (req, reply) =>
      createOnce(
        req,
        reply,
        deps,
        (tx) => emailImpactReport(tx, clock, actorOf(req), req.params.id, req.body ?? {}),
        202,
      ),
  );
}
