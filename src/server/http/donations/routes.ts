import { z } from 'zod';
import { donationFilters, receiveDonationInput } from '../../../shared/schemas/donations';
import { listDonations, readDonation } from '../../domain/donations/read-donations';
import { confirmPledge } from '../../domain/donations/confirm-pledge';
import { cancelDonation, receiveDonation } from '../../domain/donations/settle-donation';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';
import { donationView } from './views';

const tags = ['donations'];

/** Staff's side of portal gifts: the offers waiting for money, confirming and cancelling them. */
export function donationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  app.get(
    '/donations',
    {
      config: { access: 'gifts.read' },
      schema: {
        tags,
        summary: 'Gifts and pledges offered through the portal, newest first',
        querystring: z.object({ ...donationFilters, ...pageQuery }),
        response: { 200: listEnvelope(donationView) },
      },
    },
    async (req) => listDonations(db, actorOf(req), req.query),
  );
  app.get(
    '/donations/:id',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'A donation', params: idParams, response: { 200: donationView } },
    },
    async (req) => readDonation(db, actorOf(req), req.params.id),
  );
  app.post(
    '/donations/:id/receive',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary:
          'The money arrived: records the gift (starting its thank-you promise); again answers the same',
        params: idParams,
        body: receiveDonationInput,
        response: { 200: donationView },
      },
    },
    async (req, reply) =>
      createOnce(
        req,
        reply,
        deps,
        (tx) => receiveDonation(tx, clock, actorOf(req), req.params.id, req.body),
        200,
      ),
  );
  app.post(
    '/donations/:id/cancel',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary: 'Cancel a pending donation (the money will not come)',
        params: idParams,
        response: { 200: donationView },
      },
    },
    async (req) =>
      db.transaction((tx) => cancelDonation(tx, clock, actorOf(req), req.params.id, {})),
  );
  app.post(
    '/donations/:id/confirm',
    {
      config: { access: 'gifts.write' },
      schema: {
        tags,
        summary:
          'Confirm a pledge offered on the public form: records the pledge gift (again answers the same)',
        params: idParams,
        response: { 200: donationView },
      },
    },
    async (req) =>
      db.transaction((tx) => confirmPledge(tx, clock, actorOf(req), req.params.id, {})),
  );
}
