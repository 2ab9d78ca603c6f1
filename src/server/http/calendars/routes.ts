import { z } from 'zod';
import { calendarSchema } from '../../../core/business-time';
import { calendarBody } from '../../../shared/schemas/promises';
import { instant, uuid } from '../../../shared/schemas/common';
import { promiseLimits } from '../../../shared/promises';
import {
  calendarList,
  createCalendar,
  deleteCalendar,
  getCalendar,
  previewCalendar,
  previewProposedCalendar,
  updateCalendar,
} from '../../domain/promises/calendars';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { expectedVersion, withEtag } from '../if-match';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['promises'];
const interval = z.tuple([z.string(), z.string()]);
const minutes = z.coerce.number().int().min(0).max(promiseLimits.maxMinutes);
const previewView = z.object({ from: z.string(), minutes: z.number(), dueAt: z.string() });

/** A calendar as the API answers it. */
export const calendarView = z.object({
  id: uuid(),
  name: z.string(),
  timezone: z.string(),
  hours: z.record(z.string(), z.array(interval)),
  holidays: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Business calendars: time zone, weekly hours (several intervals a day), holidays; with a preview. */
export function calendarRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/calendars',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary: 'Business calendars',
        response: { 200: z.object({ data: z.array(calendarView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ data: await calendarList(db, actorOf(req)), nextCursor: null }),
  );
  app.post(
    '/calendars',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Create a calendar',
        body: calendarBody,
        response: { 201: calendarView },
      },
    },
    async (req, reply) => {
      return withEtag(
        reply,
        await createOnce(req, reply, deps, (tx) => createCalendar(tx, actorOf(req), req.body)),
      );
    },
  );
  app.post(
    '/calendars/preview',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary:
          'When would N business minutes after FROM end on a calendar not saved yet? (the editor’s live preview; stores nothing)',
        body: z.strictObject({
          definition: calendarSchema,
          from: instant.optional(),
          minutes: z.int().min(0).max(promiseLimits.maxMinutes),
        }),
        response: { 200: previewView },
      },
    },
    (req) =>
      previewProposedCalendar(
        deps.clock,
        req.body.definition,
        req.body.from ? new Date(req.body.from) : undefined,
        req.body.minutes,
      ),
  );
  app.get(
    '/calendars/:id',
    {
      config: { access: 'promises.read' },
      schema: { tags, summary: 'A calendar', params: idParams, response: { 200: calendarView } },
    },
    async (req, reply) => {
      return withEtag(reply, await getCalendar(db, actorOf(req), req.params.id));
    },
  );
  app.patch(
    '/calendars/:id',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Change a calendar (send If-Match)',
        params: idParams,
        body: calendarBody.partial(),
        response: { 200: calendarView },
      },
    },
    async (req, reply) => {
      return withEtag(
        reply,
        await updateCalendar(
          db,
          deps.clock,
          actorOf(req),
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        ),
      );
    },
  );
  app.delete(
    '/calendars/:id',
    {
      config: { access: 'promises.manage' },
      schema: {
        tags,
        summary: 'Delete a calendar no policy uses',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteCalendar(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/calendars/:id/preview',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary: 'When would N business minutes after FROM end on this calendar?',
        params: idParams,
        querystring: z.strictObject({ from: instant.optional(), minutes }),
        response: { 200: previewView },
      },
    },
    async (req) =>
      previewCalendar(
        db,
        deps.clock,
        actorOf(req),
        req.params.id,
        req.query.from ? new Date(req.query.from) : undefined,
        req.query.minutes,
      ),
  );
}
