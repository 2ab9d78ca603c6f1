import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';

const figure = z.object({ label: z.string(), value: z.number(), unit: z.string().optional() });

/** An impact update as the API answers it. */
export const impactUpdateView = z.object({
  id: uuid(),
  programId: uuid(),
  programName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  language: z.string(),
  title: z.string(),
  story: z.string(),
  figures: z.array(figure),
  translations: z.record(
    z.string(),
    z.object({
      title: z.string(),
      story: z.string(),
      figureLabels: z.array(z.string()).optional(),
    }),
  ),
  publishedAt: z.string(),
  createdAt: z.string(),
  etag: z.string().describe('Send as If-Match to change it'),
});

const shownUpdate = z.object({
  id: uuid(),
  periodFrom: z.string(),
  periodTo: z.string(),
  title: z.string(),
  story: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() })),
  language: z.string().describe('The language shown: the report’s when a translation exists'),
  originalLanguage: z.string(),
  translated: z.boolean(),
});

/** A donor's impact report. */
export const impactReportView = z.object({
  contact: z.object({ id: uuid(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  language: z.string(),
  gifts: z.array(
    z.object({
      id: uuid(),
      kind: z.string(),
      receivedOn: z.string(),
      currency: z.string(),
      amount: z.int().nullable().describe('Net of refunds; null for goods without a value'),
      whereMostNeeded: z.boolean().describe('Designated to no fund'),
      allocations: z.array(
        z.object({
          fundId: uuid(),
          fundName: z.string(),
          programId: uuid().nullable(),
          programName: z.string().nullable(),
          amount: z.int(),
        }),
      ),
    }),
  ),
  totals: z.array(z.object({ currency: z.string(), amount: z.int() })),
  programs: z
    .array(z.object({ id: uuid(), name: z.string(), updates: z.array(shownUpdate) }))
    .describe('The programs the gifts paid for, with their updates overlapping the period'),
});
