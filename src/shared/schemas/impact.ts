import { z } from 'zod';
import { text, uuid } from './common';
import { day } from './gifts';
import { receiptLanguages } from './receipts';

/** Limits of impact updates, identical in the API and the browser forms. */
export const impactLimits = {
  titleMax: 200,
  storyMax: 5000,
  figuresMax: 20,
  labelMax: 100,
  unitMax: 40,
} as const;
const L = impactLimits;

/** A figure of an update ("42 families housed"): a count or measure, never money. */
export const figureInput = z.strictObject({
  label: text(L.labelMax),
  value: z
    .number()
    .finite()
    .min(-1e12)
    .max(1e12)
    .describe('A JSON number, whole or decimal (e.g. 42 or 3.5); not money'),
  unit: text(L.unitMax).optional(),
});

/** A translation of an update for donors who read another language. */
export const translationInput = z.strictObject({
  title: text(L.titleMax),
  story: text(L.storyMax),
  figureLabels: z
    .array(z.string().trim().max(L.labelMax))
    .max(L.figuresMax)
    .optional()
    .describe("Labels in the figures' order; an empty one reads as the original's"),
});

const fields = {
  title: text(L.titleMax),
  story: text(L.storyMax).describe('Plain text; blank lines separate paragraphs'),
  figures: z.array(figureInput).max(L.figuresMax).default([]),
  periodFrom: day,
  periodTo: day,
  language: z.enum(receiptLanguages).describe('The language the update is written in'),
  translations: z.partialRecord(z.enum(receiptLanguages), translationInput).default({}),
};

const periodInOrder = (u: { periodFrom?: string; periodTo?: string }) =>
  !u.periodFrom || !u.periodTo || u.periodTo >= u.periodFrom;
const periodIssue = { message: 'the period ends before it starts', path: ['periodTo'] };

/** Body of POST /programs/{id}/impact-updates. */
export const impactUpdateInput = z.strictObject(fields).refine(periodInOrder, periodIssue);
/** An impact update to post. */
export type ImpactUpdateInput = z.infer<typeof impactUpdateInput>;

/** Body of PATCH /impact-updates/{id}: the fields to change. */
export const impactUpdateChanges = z
  .strictObject({
    title: fields.title.optional(),
    story: fields.story.optional(),
    figures: z.array(figureInput).max(L.figuresMax).optional(),
    periodFrom: day.optional(),
    periodTo: day.optional(),
    language: fields.language.optional(),
    translations: z.partialRecord(z.enum(receiptLanguages), translationInput).optional(),
  })
  .refine(periodInOrder, periodIssue);
/** Changes to an impact update. */
export type ImpactUpdateChanges = z.infer<typeof impactUpdateChanges>;

/** Query of GET /impact-updates: updates whose period overlaps these days. */
export const impactUpdateFilters = {
  from: day.optional().describe('Updates whose period ends on or after this day'),
  to: day.optional().describe('Updates whose period starts on or before this day'),
};

/** Query of a donor's impact report (defaults: the last 12 months, the donor's language). */
export const impactReportQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  language: z.enum(receiptLanguages).optional(),
});
/** An impact report's period and language, as asked. */
export type ImpactReportQuery = z.infer<typeof impactReportQuery>;

/** Body of PATCH /programs/{id}: the fields to change. */
export const programChanges = z.strictObject({
  name: text(200).optional(),
  description: text(2000).nullable().optional(),
});

/** Body of PATCH /funds/{id}: the fields to change. */
export const fundChanges = z.strictObject({
  name: text(200).optional(),
  description: text(2000).nullable().optional(),
  restricted: z.boolean().optional(),
  programId: uuid().nullable().optional(),
});
