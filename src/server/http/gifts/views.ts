import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import {
  giftAdjustmentKinds,
  giftKinds,
  paymentMethods,
  softCreditTypes,
  thanksMethods,
  thanksTemplateMethods,
} from '../../../shared/gifts';
import { clockStates } from '../../../shared/promises';

/** A gift as the API answers it: money in integer minor units, net of appended adjustments. */
export const giftView = z.object({
  id: uuid(),
  kind: z.enum(giftKinds),
  contact: z.object({ id: uuid(), name: z.string() }),
  amount: z.int().nullable().describe('Minor units as recorded; never changed'),
  currency: z.string(),
  netAmount: z.int().nullable().describe('The amount after refunds and corrections'),
  refunded: z.int(),
  pledge: z
    .object({ paid: z.int(), writtenOff: z.int(), balance: z.int() })
    .nullable()
    .describe('For a pledge: paid so far, written off, and what is still to come'),
  receivedOn: z.string(),
  paymentMethod: z.enum(paymentMethods).nullable(),
  campaign: z.string().nullable(),
  appeal: z.string().nullable(),
  pledgeId: uuid().nullable(),
  details: z.record(z.string(), z.unknown()).describe("The kind's own facts"),
  allocations: z.array(z.object({ fundId: uuid(), fundName: z.string(), amount: z.int() })),
  softCredits: z.array(
    z.object({
      contactId: uuid(),
      contactName: z.string(),
      type: z.enum(softCreditTypes),
      amount: z.int().nullable(),
      notifyContactId: uuid().nullable(),
    }),
  ),
  adjustments: z.array(
    z.object({
      id: uuid(),
      kind: z.enum(giftAdjustmentKinds),
      delta: z.int(),
      reason: z.string().nullable(),
      occurredOn: z.string(),
      createdAt: z.string(),
    }),
  ),
  thanks: z.array(
    z.object({
      method: z.enum(thanksMethods),
      note: z.string().nullable(),
      thankedAt: z.string(),
      userId: uuid().nullable(),
    }),
  ),
  thanksPromise: z
    .object({
      state: z.enum(clockStates),
      dueAt: z.string().nullable(),
      kept: z.boolean().nullable(),
    })
    .nullable(),
  thanksPlan: z
    .object({
      method: z.enum(thanksMethods),
      user: z.object({ id: uuid(), name: z.string() }).nullable(),
    })
    .describe(
      'How the gift is to be thanked and by whom, as its policy said (default: email, anyone)',
    ),
  deliverables: z
    .array(
      z.object({
        index: z.int(),
        description: z.string(),
        dueOn: z.string(),
        promise: z
          .object({
            state: z.enum(clockStates),
            dueAt: z.string().nullable(),
            kept: z.boolean().nullable(),
            fulfilledAt: z.string().nullable(),
          })
          .nullable(),
      }),
    )
    .describe(
      "A grant's deliverables, each with its promise (none for one already past when recorded)",
    ),
  createdAt: z.string(),
});

/** A gift in the thank-you queue. */
export const queueView = giftView.extend({
  firstGift: z.boolean().describe("The donor's first gift"),
  majorGift: z.boolean().describe("At least the organization's major-gift amount"),
});

/** What POST /gifts/{id}/thanks/send answers: the gift, and the thank-you as written. */
export const sentThanksView = z.object({
  gift: giftView,
  thanks: z.object({
    method: z.enum(thanksTemplateMethods),
    template: z.string(),
    language: z.string(),
    builtIn: z.boolean().describe('The built-in default text (the organization wrote none)'),
    subject: z.string(),
    text: z.string().describe('The body as sent, or the letter to print'),
    recipient: z.string().nullable(),
  }),
});

/** What POST /gifts/thanks/bulk answers: one outcome per gift. */
export const bulkThanksView = z.object({
  data: z.array(
    z.object({
      giftId: uuid(),
      status: z.enum(['sent', 'skipped', 'failed']),
      code: z.string().optional(),
    }),
  ),
});

/** What If-Match must name to change a program or fund (see contentTag). */
const etag = z.string().describe('Send as If-Match to change it');

/** A fund. */
export const fundView = z.object({
  id: uuid(),
  name: z.string(),
  restricted: z.boolean(),
  programId: uuid().nullable(),
  description: z.string().nullable(),
  createdAt: z.string(),
  etag,
});

/** A program. */
export const programView = z.object({
  id: uuid(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  etag,
});

const brief = z
  .object({
    id: uuid(),
    amount: z.int(),
    currency: z.string(),
    receivedOn: z.string(),
  })
  .nullable();
const totals = z.array(
  z.object({ currency: z.string(), thisYear: z.int(), lastYear: z.int(), lifetime: z.int() }),
);

/** A contact's giving summary. */
export const givingView = z.object({
  contactId: uuid(),
  year: z.int().describe("This calendar year in the organization's time zone"),
  giftCount: z.int(),
  firstGift: brief,
  lastGift: brief,
  largestGift: brief.describe('The largest in the currency of the last gift'),
  totals: totals.describe("The contact's own gifts net of refunds, by currency"),
  consecutiveYears: z.int(),
  softCredits: z
    .object({ count: z.int(), totals })
    .describe('Credit on others’ gifts: shown beside, never in the totals'),
  level: z.object({ id: uuid(), name: z.string(), slug: z.string() }).nullable(),
});

/** A donor on the LYBUNT or SYBUNT list. */
export const lapsedView = z.object({
  contact: z.object({ id: uuid(), name: z.string() }),
  lastGiftOn: z.string(),
});
