import { z } from 'zod';
import {
  giftFrequencies,
  giftKinds,
  giftLimits as L,
  inKindConditions,
  paymentMethods,
  softCreditTypes,
  thanksMethods,
} from '../gifts';
import { id, instant, text } from './common';

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Money: a whole number of minor units (cents), at least 1; a float is refused, never rounded. */
export const money = z
  .int('a whole number of minor units (e.g. cents), never a fraction')
  .min(1, 'must be at least 1 minor unit')
  .max(L.maxAmount);

/** An ISO 4217 currency code this runtime knows, upper case ("EUR"). */
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code in upper case')
  .refine((c) => knownCurrencies.has(c), 'not a known ISO 4217 currency');

/** A calendar date, YYYY-MM-DD. */
export const day = z.iso.date().describe('YYYY-MM-DD');

/** One part of a gift designated to a fund. */
export const allocationInput = z.strictObject({ fundId: id, amount: money });

/** Credit shared with another contact; a tribute may name whom to notify. */
export const softCreditInput = z.strictObject({
  contactId: id,
  type: z.enum(softCreditTypes),
  amount: money.optional().describe('Defaults to the whole gift'),
  notifyContactId: id.optional().describe('Whom to tell of a tribute'),
});

const common = {
  contactId: id.describe('The donor (for a grant, the funder organization)'),
  currency,
  receivedOn: day,
  paymentMethod: z.enum(paymentMethods).optional(),
  campaign: text(L.nameMax).optional(),
  appeal: text(L.nameMax).optional(),
  allocations: z.array(allocationInput).max(L.allocationsMax).optional(),
  softCredits: z.array(softCreditInput).max(L.softCreditsMax).optional(),
};

const schedule = z.strictObject({
  frequency: z.enum(giftFrequencies),
  installments: z.int().min(1).max(1000).optional(),
  firstDueOn: day.optional(),
});

/** Body of POST /gifts: one of eight kinds, each with its own details. */
export const giftInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('one_time'),
    ...common,
    amount: money,
    pledgeId: id.optional().describe('A payment against this pledge'),
  }),
  z.strictObject({
    kind: z.literal('recurring'),
    ...common,
    amount: money,
    frequency: z.enum(giftFrequencies),
    installment: z.int().min(1).max(100_000).optional().describe('Which installment this is'),
    pledgeId: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('pledge'),
    ...common,
    amount: money.describe('The promised amount'),
    schedule: schedule.optional(),
  }),
  z.strictObject({
    kind: z.literal('in_kind'),
    ...common,
    description: text(L.textMax),
    condition: z.enum(inKindConditions).optional(),
    donorDeclaredValue: money.optional().describe('What the donor says it is worth'),
    fairMarketValue: money.optional().describe('What the organization values it at: its amount'),
  }),
  z.strictObject({
    kind: z.literal('pro_bono'),
    ...common,
    description: text(L.textMax),
    hours: z.number().positive().max(100_000).multipleOf(0.25, 'in quarter hours'),
    hourlyRate: money,
  }),
  z.strictObject({
    kind: z.literal('grant'),
    ...common,
    amount: money,
    period: z.strictObject({ from: day, to: day }),
    deliverables: z
      .array(z.strictObject({ description: text(L.textMax), dueOn: day }))
      .max(L.deliverablesMax)
      .default([]),
  }),
  z.strictObject({
    kind: z.literal('sponsorship'),
    ...common,
    amount: money,
    sponsored: text(L.nameMax).optional().describe('The event, program or item sponsored'),
  }),
  z.strictObject({
    kind: z.literal('bequest_intention'),
    ...common,
    amount: money.optional().describe('Expected amount, when known'),
    note: text(L.textMax).optional(),
  }),
]);
/** A gift to record. */
export type GiftInput = z.infer<typeof giftInput>;

/** Body of POST /gifts/{id}/refunds. */
export const refundInput = z.strictObject({
  amount: money,
  reason: text(L.textMax).optional(),
  refundedOn: day.optional(),
});
/** A refund to append. */
export type RefundInput = z.infer<typeof refundInput>;

/** Body of POST /gifts/{id}/corrections: a signed change to the amount, with its reason. */
export const correctionInput = z.strictObject({
  delta: z
    .int('a whole number of minor units, never a fraction')
    .min(-L.maxAmount)
    .max(L.maxAmount)
    .refine((d) => d !== 0, 'a correction changes the amount')
    .describe('Minor units added to the amount (negative to lower it)'),
  reason: text(L.textMax),
});
/** A correction to append. */
export type CorrectionInput = z.infer<typeof correctionInput>;

/** Body of POST /gifts/{id}/write-off (a pledge). */
export const writeOffInput = z.strictObject({
  amount: money.optional().describe('Defaults to all that is still to come'),
  reason: text(L.textMax).optional(),
});
/** A write-off to append. */
export type WriteOffInput = z.infer<typeof writeOffInput>;

/** Body of POST /gifts/{id}/thanks. */
export const thanksInput = z.strictObject({
  method: z.enum(thanksMethods),
  note: text(L.textMax).optional(),
  thankedAt: instant.optional(),
});
/** A thank-you to record. */
export type ThanksInput = z.infer<typeof thanksInput>;

/** Body of POST /programs. */
export const programInput = z.strictObject({
  name: text(L.nameMax),
  description: text(L.textMax).optional(),
});

/** Body of POST /funds. */
export const fundInput = z.strictObject({
  name: text(L.nameMax),
  restricted: z.boolean(),
  programId: id.optional(),
  description: text(L.textMax).optional(),
});

/** Filters of GET /gifts. */
export const giftFilters = {
  contactId: id.optional(),
  kind: z.enum(giftKinds).optional(),
  campaign: z.string().max(L.nameMax).optional(),
  fundId: id.optional(),
  from: day.optional().describe('Received on or after'),
  to: day.optional().describe('Received on or before'),
};
