import { z } from 'zod';
import { email, timeZone, uuid } from '../../../shared/schemas/common';
import { signIn, signOut } from '../../domain/auth/sign-in';
import { whoAmI } from '../../domain/auth/who-am-i';
import { changeOwnPreferences } from '../../domain/users/update-user';
import { actorOf, sessionCookie } from '../authenticate';
import { userView } from '../views';
import type { App, AppDeps } from '../types';

const signInBody = z.strictObject({
  email,
  password: z.string().min(1).max(1000),
  org: z
    .string()
    .max(100)
    .optional()
    .describe('Organization slug; needed only if the email is staff in several'),
});

const meView = z.object({
  user: userView,
  organization: z.object({ id: uuid(), slug: z.string(), name: z.string() }),
  via: z.enum(['session', 'token']),
  role: z.string(),
  permissions: z.array(z.string()),
});

/** Sign in and out with a session cookie; who am I. */
export function authRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const secure = deps.config.publicUrl.startsWith('https:');

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the httpOnly session cookie',
        body: signInBody,
        response: { 200: meView },
      },
    },
    async (req, reply) => {
      const s = await signIn(
        db,
        deps.clock,
        {
          sessionHours: deps.config.sessionHours,
          maxFailures: deps.config.loginMaxFailures,
          lockMinutes: 15,
        },
        req.body,
      );
      void reply.setCookie(sessionCookie, s.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: s.expiresAt,
      });
      const actor = {
        orgId: s.user.orgId,
        type: 'user' as const,
        userId: s.user.id,
        tokenId: null,
        role: s.user.role,
      };
      return whoAmI(db, actor);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const cookie = req.cookies[sessionCookie];
      if (cookie) await signOut(db, cookie);
      void reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/auth/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary:
          'Change my own preferences: the language of the console and of my emails, my time zone',
        body: z.strictObject({
          locale: z
            .enum(['en', 'es', 'lt', 'uk'])
            .optional()
            .describe('a language the console and the emails speak'),
          timeZone: timeZone.nullable().optional(),
        }),
        response: { 200: meView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await changeOwnPreferences(db, actor, req.body);
      return whoAmI(db, actor);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['auth'], summary: 'Who is calling', response: { 200: meView } },
    },
    async (req) => {
      return whoAmI(db, actorOf(req));
    },
  );
}
