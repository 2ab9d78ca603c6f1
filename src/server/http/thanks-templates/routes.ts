import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { thanksLanguages, thanksTemplateMethods } from '../../../shared/gifts';
import {
  thanksPreviewInput,
  thanksTemplateInput,
  thanksTemplateUpdate,
} from '../../../shared/schemas/thanks';
import {
  builtInThanksTemplates,
  createThanksTemplate,
  deleteThanksTemplate,
  readThanksTemplate,
  thanksTemplateList,
  updateThanksTemplate,
} from '../../domain/thanks/templates';
import { previewThanks } from '../../domain/thanks/preview';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { expectedVersion, withEtag } from '../if-match';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['gifts'];

/** A thank-you template. */
export const thanksTemplateView = z.object({
  id: uuid(),
  name: z.string(),
  language: z.enum(thanksLanguages),
  method: z.enum(thanksTemplateMethods),
  subject: z.string(),
  body: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A thank-you written for a gift, not sent. */
export const thanksPreviewView = z.object({
  template: z.string(),
  language: z.string(),
  builtIn: z.boolean(),
  method: z.enum(thanksTemplateMethods),
  subject: z.string(),
  text: z.string(),
});

/** Thank-you templates: one per name and language, with merge fields; a preview for a gift. */
export function thanksTemplateRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  app.get(
    '/thanks-templates',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary:
          "The organization's thank-you templates (the built-in 'default' is used without one)",
        response: {
          200: z.object({ data: z.array(thanksTemplateView), nextCursor: z.null() }),
        },
      },
    },
    async (req) => thanksTemplateList(db, actorOf(req)),
  );
  app.post(
    '/thanks-templates',
    {
      config: { access: 'thanks.manage' },
      schema: {
        tags,
        summary: 'Create a template (one per name and language; unknown merge fields are a 422)',
        body: thanksTemplateInput,
        response: { 201: thanksTemplateView },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await createOnce(req, reply, deps, (tx) =>
          createThanksTemplate(tx, clock, actorOf(req), req.body),
        ),
      ),
  );
  app.get(
    '/thanks-templates/built-in',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary:
          "The built-in 'default' texts in each language (used until the organization writes its own)",
        response: {
          200: z.object({
            data: z.array(
              thanksTemplateView.pick({
                name: true,
                language: true,
                method: true,
                subject: true,
                body: true,
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    () => builtInThanksTemplates(),
  );
  app.post(
    '/thanks-templates/preview',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'Write the thank-you of a gift from a template (or unsaved text), without sending',
        body: thanksPreviewInput,
        response: { 200: thanksPreviewView },
      },
    },
    async (req) => previewThanks(db, actorOf(req), req.body),
  );
  app.get(
    '/thanks-templates/:id',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'A template',
        params: idParams,
        response: { 200: thanksTemplateView },
      },
    },
    async (req, reply) =>
      withEtag(reply, await readThanksTemplate(db, actorOf(req), req.params.id)),
  );
  app.patch(
    '/thanks-templates/:id',
    {
      config: { access: 'thanks.manage' },
      schema: {
        tags,
        summary: 'Change a template (send If-Match)',
        params: idParams,
        body: thanksTemplateUpdate,
        response: { 200: thanksTemplateView },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await updateThanksTemplate(
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
    '/thanks-templates/:id',
    {
      config: { access: 'thanks.manage' },
      schema: { tags, summary: 'Delete a template', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteThanksTemplate(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
