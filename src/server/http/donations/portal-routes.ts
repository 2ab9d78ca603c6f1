import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { donationInput, publicDonationInput } from '../../../shared/schemas/donations';
import { givePublicly } from '../../domain/donations/give-publicly';
import { givingOptions } from '../../domain/donations/options';
import {
  cancelMyDonation,
  confirmMyPledge,
  giveAsDonor,
} from '../../domain/donations/portal-donations';
import { myDonations } from '../../domain/donations/read-donations';
import { publicOrganization } from '../../domain/requests/public-intake';
import { portalUserOf } from '../authenticate';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';
import { givingOptionsView, myDonationView, offerView } from './views';

const tags = ['portal'];
const orgParams = z.object({ org: z.string().min(1).max(100) });

/** The portal's giving: what a donor may give, giving (signed in or not), my offers. */
export function portalDonationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const clock = deps.clock;
  const givingLink = (slug: string) => `${deps.config.publicUrl}/p/${slug}/giving`;

  app.get(
    '/public/:org/giving-options',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What a donor may give: currency and amounts, funds, payment methods, kinds',
        security: [],
        params: orgParams,
        response: { 200: givingOptionsView },
      },
    },
    async (req) => givingOptions(db, await publicOrganization(db, req.params.org)),
  );

  app.post(
    '/public/:org/donations',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      bodyLimit: 10_000,
      schema: {
        tags,
        summary:
          'Give without signing in (name and email): answers with the reference and how to pay, and emails them; a pledge waits for the confirmation the email asks for',
        security: [],
        params: orgParams,
        body: publicDonationInput,
        response: { 201: offerView },
      },
    },
    async (req, reply) => {
      const org = await publicOrganization(db, req.params.org);
      return createOnce(
        req,
        reply,
        deps,
        (tx) =>
          givePublicly(tx, clock, org, req.body, {
            portalLink: givingLink(org.slug),
            publicUrl: deps.config.publicUrl,
            acceptLanguage: req.headers['accept-language'],
          }),
        201,
        { orgId: org.id, principal: `public:${req.ip}` },
      );
    },
  );

  app.post(
    '/portal/donations',
    {
      config: { access: 'portal', rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: 10_000,
      schema: {
        tags,
        summary: 'Give or pledge as the signed-in donor: answers with the reference and how to pay',
        body: donationInput,
        response: { 201: offerView },
      },
    },
    async (req, reply) => {
      const user = portalUserOf(req);
      return createOnce(
        req,
        reply,
        deps,
        (tx) => giveAsDonor(tx, clock, user, req.body, givingLink),
        201,
        { orgId: user.orgId, principal: `portal:${user.contactId}` },
      );
    },
  );

  app.get(
    '/portal/donations',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'My gifts and pledges offered here, newest first (pending ones with instructions)',
        response: { 200: z.object({ data: z.array(myDonationView) }) },
      },
    },
    async (req) => ({ data: await myDonations(db, portalUserOf(req)) }),
  );

  app.post(
    '/portal/donations/:id/cancel',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Cancel one of my pending offers',
        params: z.object({ id: uuid() }),
        response: { 200: myDonationView },
      },
    },
    async (req) =>
      db.transaction((tx) => cancelMyDonation(tx, clock, portalUserOf(req), req.params.id)),
  );

  app.post(
    '/portal/donations/:id/confirm',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Confirm my pledge made on the public form: records it (again answers the same)',
        params: z.object({ id: uuid() }),
        response: { 200: myDonationView },
      },
    },
    async (req) =>
      db.transaction((tx) => confirmMyPledge(tx, clock, portalUserOf(req), req.params.id)),
  );
}
