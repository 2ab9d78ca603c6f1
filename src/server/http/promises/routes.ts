import { z } from 'zod';
import { instant, uuid } from '../../../shared/schemas/common';
import { clockStates, promiseSubjectTypes, promiseTargets } from '../../../shared/promises';
import { subjectClocks } from '../../domain/promises/clocks';
import { promiseSummary } from '../../domain/promises/ledger';
import { actorOf } from '../authenticate';
import type { App, AppDeps } from '../types';

const tags = ['promises'];

const clockView = z.object({
  id: uuid(),
  subjectType: z.enum(promiseSubjectTypes),
  subjectId: z.string(),
  target: z.enum(promiseTargets),
  policyId: uuid().nullable(),
  minutes: z.number().int(),
  calendarId: uuid().nullable(),
  state: z.enum(clockStates),
  dueAt: z.string().nullable(),
  startedAt: z.string(),
  fulfilledAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  kept: z.boolean().nullable(),
  usedMinutes: z.number().int(),
  overrunMinutes: z.number().int().nullable(),
});

const summaryView = z.object({
  from: z.string(),
  to: z.string(),
  data: z.array(
    z.object({
      subjectType: z.string(),
      target: z.string(),
      policy: z.object({ id: uuid(), name: z.string().nullable() }).nullable(),
      period: z.string().nullable(),
      kept: z.number().int(),
      broken: z.number().int(),
      keptRate: z.number().nullable(),
      fulfilP50Minutes: z.number().nullable(),
      fulfilP90Minutes: z.number().nullable(),
    }),
  ),
  timeToThank: z
    .object({
      thanked: z.int().describe('Gifts first thanked in the period'),
      p50Minutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
    })
    .nullable()
    .describe(
      'Wall-clock minutes from a gift recorded to its first thank-you, over gifts thanked in the period (null when another subject type is asked for, or for a role that may not read gifts)',
    ),
});

/** The promise ledger and the clocks of a subject. */
export function promiseRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/promises/summary',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary:
          'Promises kept and broken, and time to fulfil (business minutes, p50/p90), decided in a period',
        querystring: z.strictObject({
          from: instant.optional().describe('Default: 30 days before `to`'),
          to: instant.optional().describe('Default: now'),
          subjectType: z.enum(promiseSubjectTypes).optional(),
          policyId: uuid().optional(),
          period: z.enum(['day', 'week', 'month']).optional().describe('Split by period (UTC)'),
        }),
        response: { 200: summaryView },
      },
    },
    async (req) => promiseSummary(db, deps.clock, actorOf(req), req.query),
  );
  app.get(
    '/promises/clocks',
    {
      config: { access: 'promises.read' },
      schema: {
        tags,
        summary: 'The promise clocks of one subject (a request, a gift…)',
        querystring: z.strictObject({
          subjectType: z.enum(promiseSubjectTypes),
          subjectId: z.string().min(1).max(100),
        }),
        response: { 200: z.object({ data: z.array(clockView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      data: await subjectClocks(db, actorOf(req).orgId, req.query.subjectType, req.query.subjectId),
      nextCursor: null,
    }),
  );
}
