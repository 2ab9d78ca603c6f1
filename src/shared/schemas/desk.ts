import { customFieldDefinition } from '../custom-fields';
import { requestLimits } from '../requests';
import { z } from 'zod';
import { assignmentStrategies } from '../requests';
import { requestChannels } from './promises';
import { email, id, text } from './common';

const list = (item: z.ZodType<string>) => z.array(item).max(50).optional();

/** Body of POST /teams and PATCH /teams/{id}. */
export const teamInput = z.strictObject({
  name: text(100),
  strategy: z.enum(assignmentStrategies).default('manual'),
  calendarId: id.nullable().default(null),
  waitingThreshold: z
    .int()
    .min(1)
    .max(1000)
    .default(3)
    .describe('Requests waiting for a first response before the alert'),
  backupEmails: z.array(email).max(20).default([]),
});
/** PATCH body. */
export const teamChanges = teamInput.partial();

/** Body of PUT /teams/{id}/members. */
export const teamMembersInput = z.strictObject({
  members: z
    .array(
      z.strictObject({
        userId: id,
        capacity: z.int().min(0).max(1000).default(20),
        available: z.boolean().default(true),
      }),
    )
    .max(200)
    .refine((ms) => new Set(ms.map((m) => m.userId)).size === ms.length, 'each person once'),
});

/** Body of PUT /routing-rules: the whole ordered list. */
export const routingRulesInput = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        teamId: id,
        conditions: z.strictObject({
          categories: list(text(100)),
          channels: list(z.enum(requestChannels)),
          languages: list(z.string().min(2).max(35)),
          tiers: list(text(50)),
        }),
      }),
    )
    .max(200),
});

/** Body of PATCH /desk-settings. */
export const deskSettingsInput = z.strictObject({
  categories: z.array(text(100)).max(200).optional(),
  reopenDays: z.int().min(0).max(365).optional(),
  customFields: z
    .array(customFieldDefinition)
    .max(requestLimits.customFieldsMax)
    .refine((ds) => new Set(ds.map((d) => d.key)).size === ds.length, 'keys must be unique')
    .optional()
    .describe('The custom fields of requests; replaces the whole list'),
});
