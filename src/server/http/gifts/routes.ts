import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import {
  correctionInput,
  fundInput,
  giftFilters,
  giftInput,
  programInput,
  refundInput,
  thanksInput,
  writeOffInput,
} from '../../../shared/schemas/gifts';
import {
  bulkThanksInput,
  sendThanksInput,
  thanksQueueFilters,
} from '../../../shared/schemas/thanks';
import { correctGift } from '../../domain/gifts/correct-gift';
import { createFund, createProgram, listFundPage, listProgramPage } from '../../domain/gifts/funds';
import { givingSummary } from '../../domain/gifts/giving';
import { lapsedDonors } from '../../domain/gifts/lapsed';
import { listGifts, readGift, thanksQueue } from '../../domain/gifts/read-gifts';
import { groupedRecorder, recordGift } from '../../domain/gifts/record-gift';
import { refundGift } from '../../domain/gifts/refund-gift';
import { thankGift } from '../../domain/gifts/thank-gift';
import { writeOffPledge } from '../../domain/gifts/write-off-pledge';
import { deliverGrantReport } from '../../domain/thanks/deliverables';
import { bulkThanks, sendThanks } from '../../domain/thanks/send';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import {
  bulkThanksView,
  fundView,
  giftView,
  givingView,
  lapsedView,
  programView,
  queueView,
  sentThanksView,
} from './views';

const tags = ['gifts'];

/** Gifts, their refunds and thank-yous, the thank-you queue, funds, programs, giving summaries. */
export function giftRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  const recordInGroup = groupedRecorder(db, clock);
  app.post(
    '/gifts',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Record a gift (starts its thank-you promise)',
        body: giftInput,
        response: { 201: giftView },
      },
    },
    async (req, reply) =>
      createOnce(
        req,
        reply,
        deps,
        (tx) => recordGift(tx, clock, actorOf(req), req.body),
        201,
        undefined,
        // Without a key it is recorded in a group with the organization's other gifts arriving
        // meanwhile, in a transaction of their own whose wake-ups follow its commit.
        () => recordInGroup({ actor: actorOf(req), input: req.body }),
      ),
  );
  app.get(
    '/gifts',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'List gifts, newest received first',
        querystring: z.object({ ...giftFilters, ...pageQuery }),
        response: { 200: listEnvelope(giftView) },
      },
    },
    async (req) => listGifts(db, actorOf(req), req.query),
  );
  app.get(
    '/gifts/thanks-queue',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'Gifts still owed a thank-you, soonest due first (filters: method, assignee…)',
        querystring: z.object({ ...thanksQueueFilters, ...pageQuery }),
        response: { 200: listEnvelope(queueView) },
      },
    },
    async (req) => thanksQueue(db, actorOf(req), req.query),
  );
  for (const which of ['lybunt', 'sybunt'] as const)
    app.get(
      `/gifts/${which}`,
      {
        config: { access: 'gifts.read' },
        schema: {
          tags,
          summary:
            which === 'lybunt'
              ? 'Donors who gave last year but not this year'
              : 'Donors who gave some year (last year included) but not this year',
          querystring: z.object(pageQuery),
          response: { 200: listEnvelope(lapsedView) },
        },
      },
      async (req) => lapsedDonors(db, clock, actorOf(req), which, req.query),
    );
  app.get(
    '/gifts/:id',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'A gift', params: idParams, response: { 200: giftView } },
    },
    async (req) => readGift(db, actorOf(req), req.params.id),
  );
  app.post(
    '/gifts/:id/refunds',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Append a refund (at most what is left of the gift)',
        params: idParams,
        body: refundInput,
        response: { 201: giftView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        refundGift(tx, clock, actorOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/gifts/:id/corrections',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Append a correction of the amount (the gift as recorded stays on record)',
        params: idParams,
        body: correctionInput,
        response: { 201: giftView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        correctGift(tx, clock, actorOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/gifts/:id/write-off',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Write off what is still to come of a pledge (all, or a part)',
        params: idParams,
        body: writeOffInput,
        response: { 201: giftView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        writeOffPledge(tx, clock, actorOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/gifts/:id/thanks',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Record a thank-you (fulfils the thank-you promise)',
        params: idParams,
        body: thanksInput,
        response: { 201: giftView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        thankGift(tx, clock, actorOf(req), req.params.id, req.body),
      ),
  );
  thanksRoutes(app, deps);
  app.get(
    '/contacts/:id/giving',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: "A contact's giving summary (soft credits beside, never in the totals)",
        params: idParams,
        response: { 200: givingView },
      },
    },
    async (req) => givingSummary(db, clock, actorOf(req), req.params.id),
  );
  fundAndProgramRoutes(app, deps);
}

/** Sending thank-yous (one, or a batch) and a grant's deliverables. */
function thanksRoutes(app: App, deps: AppDeps): void {
  const clock = deps.clock;
  app.post(
    '/gifts/:id/thanks/send',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary:
          'Send the thank-you from a template: an email, or a letter to print (fulfils the promise)',
        params: idParams,
        body: sendThanksInput,
        response: { 201: sentThanksView },
      },
    },
    async (req, reply) =>
      createOnce(
        req,
        reply,
        deps,
        async (tx) => (await sendThanks(tx, clock, actorOf(req), req.params.id, req.body))!,
      ),
  );
  app.post(
    '/gifts/thanks/bulk',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Email the thank-you of up to 200 gifts, each on its own (thanked ones skipped)',
        body: bulkThanksInput,
        response: { 200: bulkThanksView },
      },
    },
    async (req) => bulkThanks(deps.database.db, clock, actorOf(req), req.body),
  );
  app.post(
    '/gifts/:id/deliverables/:index/delivered',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: "Record a grant's deliverable as delivered (fulfils its promise)",
        params: z.object({
          id: uuid(),
          index: z.coerce.number().int().min(0).max(1000),
        }),
        response: { 200: giftView },
      },
    },
    async (req) =>
      deps.database.db.transaction((tx) =>
        deliverGrantReport(tx, clock, actorOf(req), req.params.id, req.params.index),
      ),
  );
}

function fundAndProgramRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const list = { querystring: z.object(pageQuery) };
  app.post(
    '/programs',
    {
      config: { access: 'funds.manage' },
      schema: {
        tags,
        summary: 'Create a program',
        body: programInput,
        response: { 201: programView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) => createProgram(tx, deps.clock, actorOf(req), req.body)),
  );
  app.get(
    '/programs',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'List programs',
        ...list,
        response: { 200: listEnvelope(programView) },
      },
    },
    async (req) => listProgramPage(db, actorOf(req), req.query),
  );
  app.post(
    '/funds',
    {
      config: { access: 'funds.manage' },
      schema: { tags, summary: 'Create a fund', body: fundInput, response: { 201: fundView } },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) => createFund(tx, deps.clock, actorOf(req), req.body)),
  );
  app.get(
    '/funds',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'List funds', ...list, response: { 200: listEnvelope(fundView) } },
    },
    async (req) => listFundPage(db, actorOf(req), req.query),
  );
}
