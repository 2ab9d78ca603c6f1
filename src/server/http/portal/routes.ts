import { z } from 'zod';
import { email, text, uuid } from '../../../shared/schemas/common';
import { requestStatuses } from '../../../shared/requests';
import { AppError } from '../../errors';
import {
  myRequest,
  myRequests,
  openPortalSession,
  replyOnPortal,
  askForSignIn,
  endPortalSession,
  portalMe,
} from '../../domain/portal/portal';
import { publicOrganization } from '../../domain/requests/public-intake';
import { portalCookie, portalUserOf } from '../authenticate';
import type { App, AppDeps } from '../types';

const tags = ['portal'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
/** A path inside the portal to return to after signing in (never another site). */
const portalPath = z
  .string()
  .max(300)
  .regex(/^\/[a-z0-9/_-]*$/i, 'a path inside the portal');

const portalRequestView = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  description: z.string().nullable(),
  status: z.enum(requestStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  followUpOfId: z.string().nullable(),
});

/**
 * The self-service portal: a contact asks for an emailed sign-in link (single use, expiring),
 * exchanges it for a portal session, then follows and answers their own requests. Staff cookies
 * and API tokens mean nothing here, and a contact sees nothing but their own requests and their
 * public conversation.
 */
export function portalRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const secure = deps.config.publicUrl.startsWith('https:');

  app.post(
    '/public/:org/portal/sign-in',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Email me a sign-in link (single use, 30 minutes); answers alike whether the address is known or not',
        security: [],
        params: orgParams,
        body: z.strictObject({ email, next: portalPath.optional() }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      const org = await publicOrganization(db, req.params.org);
      await askForSignIn(db, deps.clock, org, req.body);
      return reply.status(202).send({
        message: 'If this address is known to us, a sign-in link is on its way.',
      });
    },
  );

  app.post(
    '/public/:org/portal/session',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Use an emailed sign-in link: opens a portal session (cookie) and uses the link up',
        security: [],
        params: orgParams,
        body: z.strictObject({ token: z.string().min(20).max(200) }),
        response: { 200: z.object({ next: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      const org = await publicOrganization(db, req.params.org);
      const opened = await db.transaction((tx) =>
        openPortalSession(tx, deps.clock, org, req.body.token),
      );
      if (!opened)
        throw new AppError(
          'unauthenticated',
          'this sign-in link has expired or was used already; ask for a new one',
        );
      void reply.setCookie(portalCookie, opened.session, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: opened.expiresAt,
      });
      return { next: opened.next };
    },
  );

  app.post(
    '/portal/sign-out',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'End this portal session', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await endPortalSession(db, req.cookies[portalCookie]!);
      void reply.clearCookie(portalCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/portal/me',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Who is signed in to the portal, and for which organization',
        response: {
          200: z.object({
            name: z.string(),
            preferredLanguage: z.string().nullable(),
            organization: z.object({ slug: z.string(), name: z.string() }),
          }),
        },
      },
    },
    async (req) => portalMe(db, portalUserOf(req)),
  );

  app.get(
    '/portal/requests',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'My requests, newest first',
        response: { 200: z.object({ data: z.array(portalRequestView) }) },
      },
    },
    async (req) => ({ data: await myRequests(db, portalUserOf(req)) }),
  );

  app.get(
    '/portal/requests/:id',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'One of my requests: its public conversation and what was promised',
        params: z.object({ id: uuid() }),
        response: {
          200: portalRequestView.extend({
            firstResponse: z
              .object({
                dueAt: z.string().nullable(),
                state: z.string(),
                kept: z.boolean().nullable(),
              })
              .nullable(),
            messages: z.array(
              z.object({
                id: z.string(),
                author: z.enum(['you', 'staff']),
                staffName: z.string().nullable(),
                body: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => myRequest(db, portalUserOf(req), req.params.id),
  );

  app.post(
    '/portal/requests/:id/messages',
    {
      config: { access: 'portal', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Write on my request (reopens a recently solved one; a closed one gets a linked follow-up)',
        params: z.object({ id: uuid() }),
        body: z.strictObject({ body: text(20_000) }),
        response: { 201: z.object({ requestId: z.string(), followUp: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const user = portalUserOf(req);
      const result = await db.transaction((tx) =>
        replyOnPortal(tx, deps.clock, user, req.params.id, req.body.body),
      );
      return reply.status(201).send(result);
    },
  );
}
