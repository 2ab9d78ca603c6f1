import { z } from 'zod';
import {
  giftKinds,
  giftLimits as L,
  thanksLanguages,
  thanksMethods,
  thanksTemplateMethods,
} from '../gifts';
import { id } from './common';

/** A template's name: lower-case words joined by dashes ("default", "major-donors"). */
export const thanksTemplateName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');

const subject = z.string().trim().min(1).max(L.templateSubjectMax);
const body = z.string().trim().min(1).max(L.templateBodyMax);

/** Body of POST /thanks-templates: one per name and language. */
export const thanksTemplateInput = z.strictObject({
  name: thanksTemplateName,
  language: z.enum(thanksLanguages),
  method: z.enum(thanksTemplateMethods),
  subject: subject.describe("The email's subject, or the letter's heading; merge fields allowed"),
  body: body.describe(
    'Plain text; {{firstName}} {{name}} {{amount}} {{date}} {{fund}} {{organization}} {{kind}}',
  ),
});
/** A template to create. */
export type ThanksTemplateInput = z.infer<typeof thanksTemplateInput>;

/** Body of PATCH /thanks-templates/{id} (send If-Match). */
export const thanksTemplateUpdate = thanksTemplateInput.partial();
/** Changes to a template. */
export type ThanksTemplateUpdate = z.infer<typeof thanksTemplateUpdate>;

/** Body of POST /thanks-templates/preview: a saved template, or unsaved text, for one gift. */
export const thanksPreviewInput = z.strictObject({
  giftId: id,
  template: thanksTemplateName.optional().describe("A saved template's name (default: 'default')"),
  language: z.enum(thanksLanguages).optional().describe("Default: the donor's language"),
  method: z.enum(thanksTemplateMethods).optional(),
  subject: subject.optional().describe('Unsaved text to preview instead of a saved template'),
  body: body.optional(),
});
/** A preview to render. */
export type ThanksPreviewInput = z.infer<typeof thanksPreviewInput>;

/** Body of POST /gifts/{id}/thanks/send. */
export const sendThanksInput = z.strictObject({
  template: thanksTemplateName.optional().describe("Default: 'default'"),
  language: z
    .enum(thanksLanguages)
    .optional()
    .describe("Default: the donor's preferred language, else the organization's"),
  method: z
    .enum(thanksTemplateMethods)
    .optional()
    .describe(
      'email (sent through the outbox) or letter (rendered for printing); default: the plan',
    ),
  resend: z
    .boolean()
    .optional()
    .describe('Email a gift already thanked by email again (otherwise that answers 409)'),
});
/** A thank-you to send. */
export type SendThanksInput = z.infer<typeof sendThanksInput>;

/** Body of POST /gifts/thanks/bulk. */
export const bulkThanksInput = z.strictObject({
  giftIds: z.array(id).min(1).max(L.bulkThanksMax),
  template: thanksTemplateName.optional(),
});
/** A batch of thank-you emails to send. */
export type BulkThanksInput = z.infer<typeof bulkThanksInput>;

/** Filters of GET /gifts/thanks-queue. */
export const thanksQueueFilters = {
  method: z.enum(thanksMethods).optional().describe('The planned method (no plan = email)'),
  assignee: z
    .union([z.literal('me'), id])
    .optional()
    .describe("Whose thank-you it is to give: 'me' or a user id"),
  kind: z.enum(giftKinds).optional(),
  contactId: id.optional(),
};
