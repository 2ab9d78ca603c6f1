import { z } from 'zod';
import { instant, uuid } from '../../../shared/schemas/common';
import {
  createPolicyInput,
  policyOrderInput,
  updatePolicyInput,
} from '../../../shared/schemas/promises';
import { thanksMethods } from '../../../shared/gifts';
import { promiseSubjectTypes, promiseTargets } from '../../../shared/promises';
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  policyList,
  previewPolicy,
  reorderPolicies,
  updatePolicy,
} from '../../domain/promises/policies';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { expectedVersion, withEtag } from '../if-match';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['promises'];

const list = z.array(z.string()).readonly().optional();
const conditionsView = z.object({
  roles: list,
  segments: list,
  categories: list,
  channels: list,
  priorities: list,
});

/** A policy as the API answers it. */
export const policyView = z.object({
  id: uuid(),
  subjectType: z.enum(promiseSubjectTypes),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  conditions: conditionsView,
  targets: z.array(
    z.object({
      target: z.enum(promiseTargets),
      minutes: z.number().int(),
      calendarId: uuid().nullable(),
      pauseStatuses: z.array(z.string()),
      warnBeforeMinutes: z.number().int(),
    }),
  ),
  thanks: z
    .object({ method: z.enum(thanksMethods), by: z.string().nullable() })
    .nullable()
    .describe("A gift policy's thank-you method and who thanks ('owner', a user id, or anyone)"),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const policyList200 = z.object({ data: z.array(policyView), nextCursor: z.null() });

/** Promise policies: an ordered list per subject; the first that matches applies. */
export function promisePolicyRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/promise-policies',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary: 'Policies in the order they are tried',
        querystring: z.strictObject({ subjectType: z.enum(promiseSubjectTypes).optional() }),
        response: { 200: policyList200 },
      },
    },
    async (req) => ({
      data: await policyList(db, actorOf(req), req.query.subjectType),
      nextCursor: null,
    }),
  );
  app.post(
    '/promise-policies',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Create a policy',
        body: createPolicyInput,
        response: { 201: policyView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) => createPolicy(tx, actorOf(req), req.body)),
  );
  app.put(
    '/promise-policies/order',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Reorder the policies of a subject type',
        body: policyOrderInput,
        response: { 200: policyList200 },
      },
    },
    async (req) => ({
      data: await reorderPolicies(db, actorOf(req), req.body.subjectType, req.body.ids),
      nextCursor: null,
    }),
  );
  app.get(
    '/promise-policies/:id',
    {
      config: { access: 'promises.read' },
      schema: { tags, summary: 'A policy', params: idParams, response: { 200: policyView } },
    },
    async (req, reply) => {
      return withEtag(reply, await getPolicy(db, actorOf(req), req.params.id));
    },
  );
  app.patch(
    '/promise-policies/:id',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Change a policy (send If-Match)',
        params: idParams,
        body: updatePolicyInput,
        response: { 200: policyView },
      },
    },
    async (req, reply) => {
      return withEtag(
        reply,
        await updatePolicy(
          db,
          actorOf(req),
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        ),
      );
    },
  );
  app.delete(
    '/promise-policies/:id',
    {
      config: { access: 'promises.manage' },
      schema: { tags, summary: 'Delete a policy', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deletePolicy(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/promise-policies/:id/preview',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary: 'When each target would be due for a subject arriving at a given time',
        params: idParams,
        querystring: z.strictObject({ arrivesAt: instant.optional() }),
        response: {
          200: z.object({
            policyId: uuid(),
            arrivesAt: z.string(),
            targets: z.array(
              z.object({
                target: z.string(),
                minutes: z.number(),
                calendarId: uuid().nullable(),
                dueAt: z.string(),
                warnAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      previewPolicy(
        db,
        deps.clock,
        actorOf(req),
        req.params.id,
        req.query.arrivesAt ? new Date(req.query.arrivesAt) : undefined,
      ),
  );
}
