import { z } from 'zod';
import { levelInput, levelPatch } from '../../../shared/schemas/levels';
import {
  createLevel,
  deleteLevel,
  getLevel,
  listLevelDonors,
  listLevelViews,
  updateLevel,
} from '../../domain/levels/levels';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { expectedVersion, withEtag } from '../if-match';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import { levelDonorView, levelView } from './views';

const tags = ['gifts'];

/** Donor levels: rules that place donors by their giving, and the donors in each. */
export function donorLevelRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  app.post(
    '/donor-levels',
    {
      config: { access: 'levels.manage' },
      schema: {
        tags,
        summary: 'Create a donor level (every donor is placed again)',
        body: levelInput,
        response: { 201: levelView },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await createOnce(req, reply, deps, (tx) => createLevel(tx, clock, actorOf(req), req.body)),
      ),
  );
  app.get(
    '/donor-levels',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'Donor levels, highest first',
        response: { 200: listEnvelope(levelView) },
      },
    },
    async (req) => listLevelViews(db, actorOf(req)),
  );
  app.get(
    '/donor-levels/:id',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'A donor level', params: idParams, response: { 200: levelView } },
    },
    async (req, reply) => withEtag(reply, await getLevel(db, actorOf(req), req.params.id)),
  );
  app.patch(
    '/donor-levels/:id',
    {
      config: { access: 'levels.manage' },
      schema: {
        tags,
        summary:
          'Change a donor level (send If-Match; a new minimum, currency or window places every donor again)',
        params: idParams,
        body: levelPatch,
        response: { 200: levelView },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await updateLevel(
          db,
          clock,
          actorOf(req),
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/donor-levels/:id',
    {
      config: { access: 'levels.manage' },
      schema: {
        tags,
        summary: 'Delete a donor level (its donors move to the next level down)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteLevel(
        db,
        clock,
        actorOf(req),
        req.params.id,
        expectedVersion(req.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/donor-levels/:id/donors',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'The donors in a level now, by name, with their qualifying totals',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: listEnvelope(levelDonorView) },
      },
    },
    async (req) => listLevelDonors(db, clock, actorOf(req), req.params.id, req.query),
  );
}
