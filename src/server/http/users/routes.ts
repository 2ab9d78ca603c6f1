import { z } from 'zod';
import { email, language, text } from '../../../shared/schemas/common';
import { getUser, userList } from '../../domain/users/read-users';
import { staffRoles } from '../../db/schema/users';
import { createUser } from '../../domain/users/create-user';
import { changeUser } from '../../domain/users/update-user';
import { presentUser } from '../../presenters/user';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';
import { idParams, userView } from '../views';

const tags = ['users'];
const password = z.string().min(10).max(1000);

/** Staff accounts: admins create and change them; managers can see them. */
export function userRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'Staff of the organization',
        response: { 200: z.object({ data: z.array(userView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ data: await userList(db, actorOf(req)), nextCursor: null }),
  );
  app.get(
    '/users/:id',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: 'A staff member', params: idParams, response: { 200: userView } },
    },
    async (req) => getUser(db, actorOf(req), req.params.id),
  );
  app.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Add a staff member',
        body: z.strictObject({
          email,
          name: text(200),
          role: z.enum(staffRoles),
          password: password.optional(),
          locale: language.optional(),
        }),
        response: { 201: userView },
      },
    },
    async (req, reply) =>
      presentUser(
        await createOnce(req, reply, deps, (tx) => createUser(tx, actorOf(req), req.body)),
      ),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary:
          'Change a staff member (role, name, active, password); deactivating ends their sessions',
        params: idParams,
        body: z.strictObject({
          name: text(200).optional(),
          role: z.enum(staffRoles).optional(),
          active: z.boolean().optional(),
          locale: language.optional(),
          password: password.optional(),
        }),
        response: { 200: userView },
      },
    },
    async (req) => presentUser(await changeUser(db, actorOf(req), req.params.id, req.body)),
  );
}
