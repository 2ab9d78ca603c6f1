import { z } from 'zod';
import { fundChanges, programChanges } from '../../../shared/schemas/impact';
import { changeFund, changeProgram, readProgram } from '../../domain/gifts/funds';
import { actorOf } from '../authenticate';
import { fundView, programView } from '../gifts/views';
import { ifMatchTag, withTag } from '../if-match';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['gifts'];

/** One program with its funds, and changes to programs and funds (If-Match on their etag). */
export function programRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/programs/:id',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'A program with its funds',
        params: idParams,
        response: { 200: programView.extend({ funds: z.array(fundView) }) },
      },
    },
    async (req, reply) => withTag(reply, await readProgram(db, actorOf(req), req.params.id)),
  );
  app.patch(
    '/programs/:id',
    {
      config: { access: 'funds.manage' },
      schema: {
        tags,
        summary: 'Rename or redescribe a program (send If-Match with its etag)',
        params: idParams,
        body: programChanges,
        response: { 200: programView },
      },
    },
    async (req, reply) => {
      const view = await db.transaction((tx) =>
        changeProgram(
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
  app.patch(
    '/funds/:id',
    {
      config: { access: 'funds.manage' },
      schema: {
        tags,
        summary: 'Change a fund: name, description, restricted, program (send If-Match)',
        params: idParams,
        body: fundChanges,
        response: { 200: fundView },
      },
    },
    async (req, reply) => {
      const view = await db.transaction((tx) =>
        changeFund(tx, actorOf(req), req.params.id, req.body, ifMatchTag(req.headers['if-match'])),
      );
      return withTag(reply, view);
    },
  );
}
