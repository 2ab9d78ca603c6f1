import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { refuseNul } from './no-nul';
import { AppError } from '../errors';
import { authorizeHook } from './authenticate';
import { sendError, toAppError } from './error-writer';
import { inboundRoutes } from './inbound/routes';
import { webRoutes } from './web';
import type { App, AppDeps } from './types';
import type { Access } from '../policies';
import { healthRoutes } from './health/routes';
import { authRoutes } from './auth/routes';
import { contactRoutes } from './contacts/routes';
import { householdRoutes } from './households/routes';
import { timelineRoutes } from './timeline/routes';
import { userRoutes } from './users/routes';
import { tokenRoutes } from './tokens/routes';
import { auditRoutes } from './audit/routes';
import { organizationRoutes } from './organizations/routes';
import { calendarRoutes } from './calendars/routes';
import { promisePolicyRoutes } from './promise-policies/routes';
import { promiseRoutes } from './promises/routes';
import { publicRoutes } from './public/routes';
import { portalRoutes } from './portal/routes';
import { portalPages } from './portal/pages';
import { requestFormRoutes } from './public/request-form';
import { requestRoutes } from './requests/routes';
import { teamRoutes } from './teams/routes';
import { eventRoutes } from './events/routes';
import { cannedReplyRoutes } from './requests/canned-routes';
import { attachmentRoutes } from './requests/attachment-routes';
import { giftRoutes } from './gifts/routes';
import { portalGivingRoutes } from './portal/giving-routes';
import { impactRoutes } from './impact/routes';
import { giftSettingsRoutes } from './gift-settings/routes';
import { receiptRoutes } from './receipts/routes';
import { donationRoutes } from './donations/routes';
import { portalDonationRoutes } from './donations/portal-routes';
import { thanksTemplateRoutes } from './thanks-templates/routes';
import { donorLevelRoutes } from './donor-levels/routes';
import fastifyFormbody from '@fastify/formbody';

const requestIdPattern = /^[\w.:-]{1,64}$/;

/** One registered route and what it requires. */
export type RouteAccess = { method: string; url: string; access: Access | undefined };
const routeTables = new WeakMap<object, RouteAccess[]>();

/** Every route of an app with its access rule: what the authorization matrix test walks. */
export function routeTable(app: App): RouteAccess[] {
  return routeTables.get(app) ?? [];
}

/** Builds the HTTP app (not listening): used by `tend serve` and, in-process, by the API tests. */
export async function buildApp(
  deps: AppDeps,
  opts: { logger?: FastifyBaseLogger; webRoot?: string } = {},
): Promise<App> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: 1_048_576,
    trustProxy: process.env.TEND_TRUST_PROXY === '1',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('portalUser', null);

  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.addHook('preValidation', refuseNul);
  app.setErrorHandler((error, req, reply) => sendError(reply, req, toAppError(error, req)));
  app.setNotFoundHandler((req, reply) =>
    sendError(
      reply,
      req,
      new AppError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
    ),
  );

  // Every API route must say who may call it; a route without `access` fails start-up.
  const table: RouteAccess[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config?.access });
    }
    if (
      route.url.startsWith('/api/v1') &&
      route.config?.access === undefined &&
      route.method !== 'HEAD'
    ) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        'rate_limited',
        `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
        [],
        {
          'retry-after': String(Math.ceil(ctx.ttl / 1000)),
        },
      ),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tend API',
        version: '1',
        description:
          'Customer service for nonprofits. Errors: `{"error": {code, message, details, requestId}}`. ' +
          'Lists: `{data, nextCursor}`. Send `Idempotency-Key` on creating POSTs.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (tend token create)' },
          session: { type: 'apiKey', in: 'cookie', name: 'tend_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.addHook('onRequest', authorizeHook(deps));
  if (opts.webRoot) await webRoutes(app, opts.webRoot);
  if (opts.webRoot) await portalPages(app, deps, opts.webRoot);
  const api = app as unknown as App;
  healthRoutes(api, deps);
  requestFormRoutes(api, deps, '');
  // HTML form posts are parsed only where the no-JavaScript form posts (no cookie-auth route
  // accepts them, which keeps cross-site form posts away from staff endpoints).
  await app.register(
    async (form) => {
      await form.register(fastifyFormbody, { bodyLimit: 100_000 });
      requestFormRoutes(form, deps, '/api/v1');
    },
    { prefix: '/api/v1' },
  );
  // Raw email bodies are parsed only by the inbound mail webhook.
  await app.register(
    (mail, _opts, done) => {
      inboundRoutes(mail, deps);
      done();
    },
    { prefix: '/api/v1' },
  );
  // Multipart uploads are parsed only by the attachment routes.
  await app.register(async (files) => attachmentRoutes(files as unknown as App, deps), {
    prefix: '/api/v1',
  });
  await app.register(
    (v1, _opts, done) => {
      const r = v1 as unknown as App;
      authRoutes(r, deps);
      organizationRoutes(r, deps);
      contactRoutes(r, deps);
      householdRoutes(r, deps);
      timelineRoutes(r, deps);
      userRoutes(r, deps);
      tokenRoutes(r, deps);
      auditRoutes(r, deps);
      calendarRoutes(r, deps);
      promisePolicyRoutes(r, deps);
      promiseRoutes(r, deps);
      publicRoutes(r, deps);
      requestRoutes(r, deps);
      teamRoutes(r, deps);
      eventRoutes(r, deps);
      cannedReplyRoutes(r, deps);
      portalRoutes(r, deps);
      giftRoutes(r, deps);
      portalGivingRoutes(r, deps);
      impactRoutes(r, deps);
      giftSettingsRoutes(r, deps);
      receiptRoutes(r, deps);
      donationRoutes(r, deps);
      portalDonationRoutes(r, deps);
      thanksTemplateRoutes(r, deps);
      donorLevelRoutes(r, deps);
      done();
    },
    { prefix: '/api/v1' },
  );
  return api;
}
