import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { receiptKinds } from '../../../shared/schemas/receipts';

/** A receipt as the API answers it. */
export const receiptView = z.object({
  id: uuid(),
  number: z.string().describe('As printed, e.g. R-2026-0007'),
  year: z.int(),
  sequence: z.int().describe('Gapless per organization and year'),
  kind: z.enum(receiptKinds),
  contactId: uuid(),
  giftId: uuid().nullable(),
  replacesReceiptId: uuid().nullable(),
  replacedBy: z
    .object({ id: uuid(), number: z.string() })
    .nullable()
    .describe('The correction or newer statement that replaced this one'),
  language: z.string(),
  issuedAt: z.string(),
  content: z
    .record(z.string(), z.unknown())
    .describe(
      'What was printed: number, language, issuedOn, organization, donor, and gift (with ' +
        'correction) or statementYear, lines and totals',
    ),
});
