import { householdInput } from '../../../shared/schemas/contacts';
import {
  createHousehold,
  getHousehold,
  listHouseholdPage,
  updateHousehold,
} from '../../domain/contacts/households';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { householdView, idParams } from '../views';
import { z } from 'zod';

const tags = ['households'];

/** Households: people who live together; members join by their contact's householdId. */
export function householdRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.post(
    '/households',
    {
      config: { access: 'households.write' },
      schema: {
        tags,
        summary: 'Create a household',
        body: householdInput,
        response: { 201: householdView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        createHousehold(tx, deps.clock, actorOf(req), req.body.name),
      ),
  );
  app.get(
    '/households',
    {
      config: { access: 'households.read' },
      schema: {
        tags,
        summary: 'List households',
        querystring: z.object(pageQuery),
        response: { 200: listEnvelope(householdView) },
      },
    },
    async (req) => listHouseholdPage(db, actorOf(req), req.query),
  );
  app.get(
    '/households/:id',
    {
      config: { access: 'households.read' },
      schema: {
        tags,
        summary: 'A household and its members',
        params: idParams,
        response: { 200: householdView },
      },
    },
    async (req) => getHousehold(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/households/:id',
    {
      config: { access: 'households.write' },
      schema: {
        tags,
        summary: 'Rename a household',
        params: idParams,
        body: householdInput,
        response: { 200: householdView },
      },
    },
    async (req) => updateHousehold(db, deps.clock, actorOf(req), req.params.id, req.body.name),
  );
}
