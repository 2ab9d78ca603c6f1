import { z } from 'zod';
import { id } from './common';

/** Languages receipts and impact reports are written in (Tend's donor-facing languages). */
export const receiptLanguages = ['en', 'es', 'lt', 'uk'] as const;
/** One of them. */
export type ReceiptLanguage = (typeof receiptLanguages)[number];

/** What a receipt is: a gift's receipt, a correction of one, or an annual statement. */
export const receiptKinds = ['gift', 'correction', 'statement'] as const;

/** Body of POST /gifts/{id}/receipts (all optional). */
export const receiptInput = z.strictObject({
  language: z
    .enum(receiptLanguages)
    .optional()
    .describe("Defaults to the donor's preferred language, else the organization's"),
});

/** Body of POST /contacts/{id}/statements. */
export const statementInput = z.strictObject({
  year: z.int().min(1900).max(2200).describe('The calendar year of giving'),
  language: z.enum(receiptLanguages).optional(),
});

/** Filters of GET /receipts. */
export const receiptFilters = {
  contactId: id.optional(),
  giftId: id.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('The receipt year'),
};
