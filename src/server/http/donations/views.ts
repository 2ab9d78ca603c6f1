import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { giftFrequencies, paymentMethods } from '../../../shared/gifts';
import { donationKinds, donationStatuses } from '../../../shared/schemas/donations';

/** What a donor is told to do to pay (null fields do not apply to the method). */
export const instructionsView = z.object({
  method: z.enum(paymentMethods),
  reference: z.string().describe('What the donor quotes with the payment'),
  amount: z.int(),
  currency: z.string(),
  accountName: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  bankName: z.string().nullable(),
  payableTo: z.string().nullable(),
  cashAt: z.string().nullable(),
});

/** A donation as its donor sees it on the portal. */
export const myDonationView = z.object({
  id: uuid(),
  kind: z.enum(donationKinds),
  status: z.enum(donationStatuses),
  reference: z.string(),
  amount: z.int().describe('Minor units'),
  currency: z.string(),
  fund: z.object({ id: uuid(), name: z.string() }).nullable(),
  paymentMethod: z.enum(paymentMethods),
  frequency: z.enum(giftFrequencies).nullable(),
  installments: z.int().nullable(),
  note: z.string().nullable(),
  instructions: instructionsView
    .nullable()
    .describe('While money is to come: a pending gift, or the payments of a pledge'),
  giftId: uuid().nullable().describe('The gift recorded when the money arrived (or the pledge)'),
  createdAt: z.string(),
});

/** A donation as staff see it. */
export const donationView = myDonationView.extend({
  contact: z.object({ id: uuid(), name: z.string() }),
  instructions: instructionsView.nullable(),
  provider: z.string(),
  channel: z.string().nullable(),
  receivedOn: z.string().nullable(),
  receivedAmount: z.int().nullable(),
  cancelledBy: z.enum(['donor', 'staff']).nullable(),
  version: z.int(),
  updatedAt: z.string(),
});

/** The answer to an offer: the donation and what to do to pay. */
export const offerView = z.object({
  donation: myDonationView,
  instructions: instructionsView.nullable(),
});

/** What the give form may offer. */
export const givingOptionsView = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  currencies: z.array(z.object({ currency: z.string(), minAmount: z.int(), maxAmount: z.int() })),
  presets: z.array(z.int()).describe('Suggested amounts in minor units'),
  funds: z.array(z.object({ id: uuid(), name: z.string(), restricted: z.boolean() })),
  methods: z.array(z.enum(paymentMethods)),
  kinds: z.array(z.enum(donationKinds)),
  frequencies: z.array(z.enum(giftFrequencies)),
});
