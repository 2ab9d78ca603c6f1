import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { giftKinds } from '../../../shared/gifts';
import { impactReportQuery } from '../../../shared/schemas/impact';
import { receiptKinds } from '../../../shared/schemas/receipts';
import { systemActor } from '../../domain/actor';
import { impactReport } from '../../domain/impact/report';
import { myGifts, myStatements } from '../../domain/receipts/portal';
import { receiptPdf } from '../../domain/receipts/read';
import { portalUserOf } from '../authenticate';
import { impactReportView } from '../impact/views';
import { sendPdf } from '../receipts/routes';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['portal'];

const portalGiftView = z.object({
  id: uuid(),
  kind: z.enum(giftKinds),
  amount: z.int().nullable().describe('Net of refunds and corrections'),
  currency: z.string(),
  receivedOn: z.string(),
  funds: z.array(z.string()),
  receipts: z.array(
    z.object({
      id: uuid(),
      number: z.string(),
      kind: z.enum(receiptKinds),
      year: z.int(),
    }),
  ),
});

const portalStatementView = z.object({
  id: uuid(),
  number: z.string(),
  year: z.int().describe('The year of giving it covers'),
  issuedOn: z.string(),
});

/**
 * A signed-in donor's own giving on the portal: gifts with receipts, annual statements, receipt
 * PDFs, impact.
 */
export function portalGivingRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/portal/gifts',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary:
          'My gifts received (not pledges or bequest intentions), newest first, with their receipts',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: { 200: z.object({ data: z.array(portalGiftView) }) },
      },
    },
    async (req) => ({ data: await myGifts(db, portalUserOf(req), req.query.limit) }),
  );
  app.get(
    '/portal/statements',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'My annual statements (the current one of each year), latest year first',
        response: { 200: z.object({ data: z.array(portalStatementView) }) },
      },
    },
    async (req) => ({ data: await myStatements(db, portalUserOf(req)) }),
  );
  app.get(
    '/portal/receipts/:id/pdf',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'One of my receipts as PDF (404 for anyone else’s)',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const user = portalUserOf(req);
      return sendPdf(reply, await receiptPdf(db, user.orgId, req.params.id, user.contactId));
    },
  );
  app.get(
    '/portal/impact',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'What my gifts did (default: the last 12 months, in my language)',
        querystring: impactReportQuery,
        response: { 200: impactReportView },
      },
    },
    async (req) => {
      const user = portalUserOf(req);
      return impactReport(db, deps.clock, systemActor(user.orgId), user.contactId, req.query);
    },
  );
}
