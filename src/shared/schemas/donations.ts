import { z } from 'zod';
import { giftFrequencies, giftLimits, paymentMethods } from '../gifts';
import { email, id, language, text } from './common';
import { currency, day, money } from './gifts';

/** What a donor offers through the portal: a gift now, a monthly (…) gift, or a pledge. */
export const donationKinds = ['one_time', 'recurring', 'pledge'] as const;
/** One donation kind. */
export type DonationKind = (typeof donationKinds)[number];

/** Where a donation stands: waiting for the money, received (a gift recorded), or cancelled. */
export const donationStatuses = ['pending', 'received', 'cancelled'] as const;
/** One donation status. */
export type DonationStatus = (typeof donationStatuses)[number];

/** Input limits shared by the API and the portal's give form. */
export const donationLimits = {
  noteMax: 500,
  /** Funds a donor may choose from (the giving options list at most this many). */
  fundsMax: 100,
  /** Payments a pledge may be split into. */
  installmentsMax: 120,
  /** Smallest and largest gift through the portal, in whole units of the currency. */
  minUnits: 1,
  maxUnits: 1_000_000,
} as const;

const common = {
  amount: money.describe('Integer minor units (cents), never a fraction'),
  currency,
  fundId: id.optional().describe('A fund from the giving options; none = where most needed'),
  paymentMethod: z.enum(paymentMethods).describe('One of the methods the giving options offer'),
  frequency: z
    .enum(giftFrequencies)
    .optional()
    .describe('Recurring gifts and pledges: how often the payments come'),
  installments: z
    .int()
    .min(1)
    .max(donationLimits.installmentsMax)
    .optional()
    .describe('A pledge: how many payments'),
  note: text(donationLimits.noteMax).optional(),
};

/** A one-time gift has no frequency; a recurring gift needs one; a pledge may have one. */
function checkFrequency(
  d: { kind: DonationKind; frequency?: unknown; installments?: unknown },
  ctx: z.RefinementCtx,
) {
  if (d.kind === 'recurring' && d.frequency === undefined)
    ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'a recurring gift needs one' });
  if (d.kind === 'one_time' && d.frequency !== undefined)
    ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'a one-time gift has none' });
  if (d.kind !== 'pledge' && d.installments !== undefined)
    ctx.addIssue({ code: 'custom', path: ['installments'], message: 'only a pledge has them' });
}

/** Body of POST /portal/donations: a signed-in donor offers a gift or pledge. */
export const donationInput = z
  .strictObject({ kind: z.enum(donationKinds), ...common })
  .superRefine(checkFrequency);
/** A donation a signed-in donor offers. */
export type DonationInput = z.infer<typeof donationInput>;

/** Body of POST /public/{org}/donations: a visitor gives without signing in. */
export const publicDonationInput = z
  .strictObject({
    kind: z.enum(donationKinds),
    ...common,
    name: text(giftLimits.nameMax),
    email,
    language: language.optional(),
    website: z.string().max(500).optional().describe('Leave empty: a field for robots (honeypot)'),
  })
  .superRefine(checkFrequency);
/** A donation a visitor offers. */
export type PublicDonationInput = z.infer<typeof publicDonationInput>;

/** Body of POST /donations/{id}/receive: staff confirm the money arrived. */
export const receiveDonationInput = z.strictObject({
  receivedOn: day,
  amount: money.optional().describe('What arrived, when it differs from the offer'),
});
/** Staff's confirmation that a donation's money arrived. */
export type ReceiveDonationInput = z.infer<typeof receiveDonationInput>;

/** Query of GET /donations. */
export const donationFilters = {
  status: z.enum(donationStatuses).optional(),
};
