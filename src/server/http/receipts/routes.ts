import { z } from 'zod';
import { receiptFilters, receiptInput, statementInput } from '../../../shared/schemas/receipts';
import type { Issued } from '../../domain/receipts/issue';
import { issueGiftReceipt } from '../../domain/receipts/issue';
import { listReceipts, presentReceipts, readReceipt, receiptPdf } from '../../domain/receipts/read';
import { issueStatement } from '../../domain/receipts/statement';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import { receiptView } from './views';

const tags = ['receipts'];

/** Sends a PDF as a download named by the receipt's number. */
export function sendPdf(
  reply: { header(n: string, v: string): unknown; type(t: string): unknown },
  file: { pdf: Buffer; fileName: string },
) {
  reply.type('application/pdf');
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return file.pdf;
}

/** Receipts of gifts, their corrections and annual statements, as data and as PDF. */
export function receiptRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  // A receipt asked for again is the same receipt (200), never a second number.
  const issue = async (
    req: Parameters<typeof actorOf>[0],
    reply: { status(code: number): unknown },
    run: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<Issued>,
  ) => {
    const result = await createOnce(req, reply as never, deps, async (tx) => {
      const issued = await run(tx);
      const [view] = await presentReceipts(tx, issued.receipt.orgId, [issued.receipt]);
      return { created: issued.created, view: view! };
    });
    if (!result.created) reply.status(200);
    return result.view;
  };
  const answers = { 200: receiptView, 201: receiptView };
  app.post(
    '/gifts/:id/receipts',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary:
          'Issue a gift’s receipt (201); if it has a live one, that receipt is answered (200) — a copy keeps its number',
        params: idParams,
        body: receiptInput.nullish(),
        response: answers,
      },
    },
    async (req, reply) =>
      issue(req, reply, (tx) =>
        issueGiftReceipt(tx, clock, actorOf(req), req.params.id, req.body ?? {}),
      ),
  );
  app.post(
    '/contacts/:id/statements',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary:
          'Issue a donor’s annual statement of a year’s gifts (201); unchanged since the last one, that one is answered (200)',
        params: idParams,
        body: statementInput,
        response: answers,
      },
    },
    async (req, reply) =>
      issue(req, reply, (tx) => issueStatement(tx, clock, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/receipts',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'List receipts, newest first',
        querystring: z.object({ ...receiptFilters, ...pageQuery }),
        response: { 200: listEnvelope(receiptView) },
      },
    },
    async (req) => listReceipts(db, actorOf(req), req.query),
  );
  app.get(
    '/receipts/:id',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'A receipt', params: idParams, response: { 200: receiptView } },
    },
    async (req) => readReceipt(db, actorOf(req), req.params.id),
  );
  app.get(
    '/receipts/:id/pdf',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'A receipt as PDF, printed in its language from what it stated when issued',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => sendPdf(reply, await receiptPdf(db, actorOf(req).orgId, req.params.id)),
  );
}
