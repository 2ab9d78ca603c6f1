import { z } from 'zod';
import { text, uuid } from '../../../shared/schemas/common';
import { staffRoles } from '../../db/schema/users';
import { issueToken, revokeApiToken, tokenList } from '../../domain/auth/tokens';
import { presentToken } from '../../presenters/user';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';
import { idParams, tokenView } from '../views';

const tags = ['tokens'];

/** API tokens: each person manages their own; admins see and revoke all. */
export function tokenRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/tokens',
    {
      config: { access: 'tokens.own' },
      schema: {
        tags,
        summary: 'API tokens (yours; all for an admin)',
        response: { 200: z.object({ data: z.array(tokenView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ data: await tokenList(db, actorOf(req)), nextCursor: null }),
  );
  app.post(
    '/tokens',
    {
      config: { access: 'tokens.own', sessionOnly: true },
      schema: {
        tags,
        summary:
          'Create an API token (signed in, not with a token); the secret is in the answer once and never again',
        body: z.strictObject({
          name: text(100),
          role: z
            .enum(staffRoles)
            .optional()
            .describe('Defaults to the user’s role; never more than it'),
          userId: uuid().optional().describe('Admins only: make a token for another user'),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: { 201: tokenView.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return createOnce(req, reply, deps, async (tx) => {
        const issued = await issueToken(tx, deps.clock, actor, {
          ...req.body,
          userId: req.body.userId ?? actor.userId!,
        });
        return { ...presentToken(issued.row), token: issued.token };
      });
    },
  );
  app.delete(
    '/tokens/:id',
    {
      config: { access: 'tokens.own' },
      schema: {
        tags,
        summary: 'Revoke a token at once',
        params: idParams,
        response: { 200: tokenView },
      },
    },
    async (req) => presentToken(await revokeApiToken(db, deps.clock, actorOf(req), req.params.id)),
  );
}
