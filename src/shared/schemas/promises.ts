import { z } from 'zod';
import { calendarSchema } from '../../core/business-time';
import { contactRoles } from '../contacts';
import { thanksMethods } from '../gifts';
import { promiseLimits, promiseSubjectTypes, promiseTargets } from '../promises';
import { text, uuid } from './common';

/** Priorities and channels of requests (the service desk's vocabulary). */
export const requestPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** Channels a request can arrive on. */
export const requestChannels = ['web', 'email', 'phone', 'walk_in', 'api', 'portal'] as const;

/** Which targets make sense for which subject. */
export const targetsBySubject = {
  request: ['first_response', 'next_response', 'resolution'],
  gift: ['thanks'],
  volunteer_application: ['answer'],
  // A grant's deliverable runs to its own due date (see domain/thanks/deliverables.ts): no policy.
  grant_deliverable: [],
} as const satisfies Record<
  (typeof promiseSubjectTypes)[number],
  readonly (typeof promiseTargets)[number][]
>;

const minutes = z.int().min(0).max(promiseLimits.maxMinutes);
const values = <T extends z.ZodType>(item: T) =>
  z.array(item).max(promiseLimits.conditionValuesMax).optional();

/** Body of POST/PATCH /calendars. */
export const calendarBody = z.strictObject({ name: text(100), definition: calendarSchema });

/** One target of a policy. */
export const policyTargetInput = z.strictObject({
  target: z.enum(promiseTargets),
  minutes: minutes.describe('Business minutes on the calendar (round the clock when no calendar)'),
  calendarId: uuid().nullable().default(null),
  pauseStatuses: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  warnBeforeMinutes: minutes.default(0).describe('Warn this many minutes before the due time'),
});

/** Conditions of a policy; empty lists match anything. */
export const policyConditionsInput = z.strictObject({
  roles: values(z.enum(contactRoles)),
  segments: values(z.string().trim().min(1).max(50)).describe(
    'Tiers, tags or segments of the contact',
  ),
  categories: values(z.string().trim().min(1).max(100)),
  channels: values(z.enum(requestChannels)),
  priorities: values(z.enum(requestPriorities)),
});

/**
 * How a gift the policy matches is to be thanked, and by whom: the donor's relationship owner,
 * a named staff member, or anyone (null). Only policies of subject `gift` carry it.
 */
export const policyThanksInput = z.strictObject({
  method: z.enum(thanksMethods),
  by: z
    .union([z.literal('owner'), uuid()])
    .nullable()
    .default(null)
    .describe("'owner' (the donor's relationship owner), a staff user's id, or null (anyone)"),
});

const policyFields = {
  name: text(100),
  description: text(1000).nullable().optional(),
  active: z.boolean().optional(),
  conditions: policyConditionsInput.default({}),
  targets: z
    .array(policyTargetInput)
    .min(1)
    .max(5)
    .refine(
      (ts) => new Set(ts.map((t) => t.target)).size === ts.length,
      'each target at most once',
    ),
  thanks: policyThanksInput.nullable().optional(),
};

/** Body of POST /promise-policies. */
export const createPolicyInput = z.strictObject({
  subjectType: z.enum(promiseSubjectTypes),
  ...policyFields,
  position: z.int().min(1).optional().describe('1 = first; default: after the others'),
});
/** Body of PATCH /promise-policies/{id}. */
export const updatePolicyInput = z.strictObject({
  name: policyFields.name.optional(),
  description: policyFields.description,
  active: policyFields.active,
  conditions: policyConditionsInput.optional(),
  targets: policyFields.targets.optional(),
  thanks: policyFields.thanks,
});
/** Body of PUT /promise-policies/order. */
export const policyOrderInput = z.strictObject({
  subjectType: z.enum(promiseSubjectTypes),
  ids: z.array(uuid()).min(1).max(promiseLimits.policiesMax),
});

/** Input types. */
export type CreatePolicyInput = z.infer<typeof createPolicyInput>;
/** Changes to a policy. */
export type UpdatePolicyInput = z.infer<typeof updatePolicyInput>;
