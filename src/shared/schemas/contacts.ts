import { z } from 'zod';
import {
  contactKinds,
  contactLimits as L,
  contactRoles,
  interactionChannels,
  interactionDirections,
  interactionKinds,
  organizationTypes,
  preferredChannels,
  relationshipTypes,
} from '../contacts';
import { country, email, id, instant, language, text, timeZone } from './common';

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'has repeated entries');

const onePrimary = (xs: { primary?: boolean | undefined }[]) =>
  xs.filter((x) => x.primary).length <= 1;

/** An email of a contact. */
export const contactEmailInput = z.strictObject({
  address: email,
  label: text(40).optional(),
  primary: z.boolean().optional(),
});

/** A phone of a contact, in any common format; stored as E.164. */
export const contactPhoneInput = z.strictObject({
  number: z.string().trim().min(3).max(40),
  label: text(40).optional(),
  primary: z.boolean().optional(),
});

/** A postal address of a contact. */
export const contactAddressInput = z.strictObject({
  label: text(40).optional(),
  line1: text(200),
  line2: text(200).optional(),
  city: text(100).optional(),
  region: text(100).optional(),
  postalCode: text(20).optional(),
  country,
  primary: z.boolean().optional(),
});

const contactFields = {
  organizationType: z.enum(organizationTypes).nullable().optional(),
  givenName: text(L.nameMax).nullable().optional(),
  familyName: text(L.nameMax).nullable().optional(),
  name: text(L.nameMax)
    .optional()
    .describe('Display name; for a person built from given and family name when left out'),
  roles: uniqueList(z.enum(contactRoles), contactRoles.length).optional(),
  preferredLanguage: language.nullable().optional(),
  timeZone: timeZone.nullable().optional(),
  preferredChannel: z.enum(preferredChannels).nullable().optional(),
  tags: uniqueList(text(L.tagMax), L.tagsMax).optional(),
  ownerUserId: id
    .nullable()
    .optional()
    .describe('The relationship owner: the staff member to talk to'),
  householdId: id.nullable().optional(),
  emails: z
    .array(contactEmailInput)
    .max(L.emailsMax)
    .refine(onePrimary, 'at most one primary email')
    .optional(),
  phones: z
    .array(contactPhoneInput)
    .max(L.phonesMax)
    .refine(onePrimary, 'at most one primary phone')
    .optional(),
  addresses: z
    .array(contactAddressInput)
    .max(L.addressesMax)
    .refine(onePrimary, 'at most one primary address')
    .optional(),
};

/** Body of POST /contacts. */
export const createContactInput = z.strictObject({
  kind: z.enum(contactKinds),
  ...contactFields,
});
/** Body of PATCH /contacts/{id}: every field optional; a list given replaces the whole list. */
export const updateContactInput = z.strictObject(contactFields);

/** Input types derived from the schemas. */
export type CreateContactInput = z.infer<typeof createContactInput>;
/** Changes to a contact. */
export type UpdateContactInput = z.infer<typeof updateContactInput>;

/** Query of GET /contacts. */
export const contactSearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(L.searchMax)
    .optional()
    .describe('Name, email or phone; ignores case and accents; Latin finds Cyrillic'),
  role: z.enum(contactRoles).optional(),
  tag: z.string().max(L.tagMax).optional(),
  ownerUserId: id.optional(),
  householdId: id.optional(),
});

/** Body of POST /contacts/{id}/relationships. */
export const createRelationshipInput = z.strictObject({
  type: z.enum(relationshipTypes),
  toContactId: id,
  note: text(500).optional(),
});

/** Body of POST /households and PATCH /households/{id}. */
export const householdInput = z.strictObject({ name: text(L.nameMax) });

/** Body of POST /contacts/{id}/timeline: staff log a call, meeting or note. */
export const logInteractionInput = z.strictObject({
  kind: z.enum(interactionKinds),
  channel: z.enum(interactionChannels),
  direction: z.enum(interactionDirections),
  summary: text(L.summaryMax),
  occurredAt: instant.optional(),
  sourceType: text(50).optional(),
  sourceId: text(100).optional(),
});
/** A logged interaction. */
export type LogInteractionInput = z.infer<typeof logInteractionInput>;
