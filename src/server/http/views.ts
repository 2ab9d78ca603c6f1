import { z } from 'zod';
import { uuid } from '../../shared/schemas/common';
import {
  contactKinds,
  contactRoles,
  interactionChannels,
  interactionDirections,
  interactionKinds,
  organizationTypes,
  preferredChannels,
} from '../../shared/contacts';
import { staffRoles } from '../db/schema/users';

/** Response schemas: what the presenters return, for the serializer and OpenAPI. */
export const userView = z.object({
  id: uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  locale: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An API token without its secret. */
export const tokenView = z.object({
  id: uuid(),
  userId: uuid(),
  name: z.string(),
  role: z.enum(staffRoles),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** A contact as staff see it. */
export const contactView = z.object({
  id: uuid(),
  kind: z.enum(contactKinds),
  organizationType: z.enum(organizationTypes).nullable(),
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  roles: z.array(z.enum(contactRoles)),
  preferredLanguage: z.string().nullable(),
  timeZone: z.string().nullable(),
  preferredChannel: z.enum(preferredChannels).nullable(),
  tags: z.array(z.string()),
  owner: z.object({ id: uuid(), name: z.string(), email: z.string() }).nullable(),
  household: z.object({ id: uuid(), name: z.string() }).nullable(),
  emails: z.array(
    z.object({
      address: z.string(),
      label: z.string().nullable(),
      primary: z.boolean(),
      bounced: z.boolean(),
    }),
  ),
  phones: z.array(
    z.object({ number: z.string(), label: z.string().nullable(), primary: z.boolean() }),
  ),
  addresses: z.array(
    z.object({
      label: z.string().nullable(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string(),
      primary: z.boolean(),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One timeline entry. */
export const interactionView = z.object({
  id: uuid(),
  contactId: uuid(),
  kind: z.enum(interactionKinds),
  channel: z.enum(interactionChannels),
  direction: z.enum(interactionDirections),
  summary: z.string(),
  source: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  occurredAt: z.string(),
  actorUserId: uuid().nullable(),
});

/** A household with its members. */
export const householdView = z.object({
  id: uuid(),
  name: z.string(),
  members: z.array(z.object({ id: uuid(), name: z.string(), roles: z.array(z.string()) })),
  createdAt: z.string(),
});

/** A relationship seen from one contact. */
export const relationshipView = z.object({
  id: uuid(),
  type: z.string(),
  contact: z.object({ id: uuid(), name: z.string() }),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** The error shape of every 4xx and 5xx. */
export const errorView = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
  }),
});

/** Path parameter `{id}`. */
export const idParams = z.object({ id: uuid() });
