import { z } from 'zod';
import { requestChannels, requestPriorities } from './promises';
import { requestLimits as L, requestStatuses } from '../requests';
import { email, id, language, text } from './common';

const customValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
/** Custom fields: up to 30 typed values (text, number, yes/no) by key. */
export const customFields = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case key, letters, digits and _'),
    customValue,
  )
  .refine((r) => Object.keys(r).length <= L.customFieldsMax, `at most ${L.customFieldsMax} fields`);

const tags = z.array(text(50)).max(L.tagsMax);

/** Body of POST /requests (staff or API). */
export const createRequestInput = z.strictObject({
  subject: text(L.subjectMax),
  description: z.string().max(L.descriptionMax).default(''),
  requesterId: id,
  category: text(100).nullable().optional(),
  priority: z.enum(requestPriorities).default('normal'),
  channel: z.enum(requestChannels).default('api'),
  language: language.nullable().optional(),
  assigneeId: id.nullable().optional().describe('Leave out to let routing decide'),
  teamId: id.nullable().optional().describe('Leave out to let routing decide'),
  tags: tags.default([]),
  customFields: customFields.default({}),
});
/** A new request. */
export type CreateRequestInput = z.infer<typeof createRequestInput>;

/** Body of POST /requests/log-call: staff log a phone call or a walk-in. */
export const logCallInput = createRequestInput.omit({ channel: true }).extend({
  channel: z.enum(['phone', 'walk_in']),
  answer: z.string().max(L.messageMax).optional().describe('What you told them: a public reply'),
  answered: z
    .boolean()
    .default(false)
    .describe('The call itself answered them: counts as the first response'),
});

/** Body of PATCH /requests/{id}. */
export const updateRequestInput = z.strictObject({
  subject: text(L.subjectMax).optional(),
  category: text(100).nullable().optional(),
  priority: z.enum(requestPriorities).optional(),
  status: z.enum(requestStatuses).optional(),
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  tags: tags.optional(),
  customFields: customFields.optional(),
});
/** Changes to a request. */
export type UpdateRequestInput = z.infer<typeof updateRequestInput>;

/** Body of POST /requests/{id}/messages. */
export const createMessageInput = z.strictObject({
  body: text(L.messageMax),
  visibility: z.enum(['public', 'internal']).describe('internal notes never reach the requester'),
  status: z.enum(requestStatuses).optional().describe('Set the status with the reply, e.g. solved'),
});

/** An optional field of an HTML form: a browser sends an empty one as "" (or spaces). */
const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

/** Body of the public web form (JSON or an HTML form post). */
export const publicRequestInput = z.strictObject({
  name: text(200),
  email: optionalField(email),
  phone: optionalField(z.string().trim().min(3).max(40)),
  subject: text(L.subjectMax),
  description: z.string().trim().min(1).max(L.descriptionMax),
  category: optionalField(text(100)),
  language: optionalField(language),
  website: z.string().max(500).optional().describe('Leave empty: a field for robots (honeypot)'),
});
