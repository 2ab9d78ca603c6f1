import { z } from 'zod';
import { interactionChannels, interactionKinds } from '../../../shared/contacts';
import { logInteractionInput } from '../../../shared/schemas/contacts';
import { logInteraction, readTimeline } from '../../domain/timeline/timeline';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams, interactionView } from '../views';

const tags = ['timeline'];

/** A contact's timeline: read it newest first; log a call, meeting or note on it. */
export function timelineRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/contacts/:id/timeline',
    {
      config: { access: 'timeline.read' },
      schema: {
        tags,
        summary: 'Every interaction with a contact, newest first; filter by kind and channel',
        params: idParams,
        querystring: z.strictObject({
          ...pageQuery,
          kind: z
            .string()
            .optional()
            .describe('Comma-separated kinds to show, e.g. call,email')
            .pipe(
              z
                .string()
                .transform((s) => s.split(','))
                .pipe(z.array(z.enum(interactionKinds)))
                .optional(),
            ),
          channel: z
            .string()
            .optional()
            .describe('Comma-separated channels to show, e.g. phone,walk_in')
            .pipe(
              z
                .string()
                .transform((s) => s.split(','))
                .pipe(z.array(z.enum(interactionChannels)))
                .optional(),
            ),
        }),
        response: { 200: listEnvelope(interactionView) },
      },
    },
    async (req) =>
      readTimeline(db, actorOf(req), req.params.id, {
        cursor: req.query.cursor,
        limit: req.query.limit,
        kinds: req.query.kind,
        channels: req.query.channel,
      }),
  );
  app.post(
    '/contacts/:id/timeline',
    {
      config: { access: 'timeline.write' },
      schema: {
        tags,
        summary: 'Log an interaction (a call, a meeting, a note)',
        params: idParams,
        body: logInteractionInput,
        response: { 201: interactionView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        logInteraction(tx, deps.clock, actorOf(req), req.params.id, req.body),
      ),
  );
}
