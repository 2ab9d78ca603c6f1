import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import type { contactRoles } from '../../../shared/contacts';
import {
  contactKinds,
  organizationTypes,
  preferredChannels,
  relationshipTypes,
} from '../../../shared/contacts';
import { organizations } from './organizations';
import { users } from './users';

/** Households group people who live together (one mailing, one household giving total). */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('households_org_id_key').on(t.orgId, t.id)],
);

/** One record per person or organization the charity deals with; roles are tags on it. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: contactKinds }).notNull(),
    organizationType: text('organization_type', { enum: organizationTypes }),
    givenName: text('given_name'),
    familyName: text('family_name'),
    name: text('name').notNull(),
    roles: text('roles')
      .array()
      .$type<(typeof contactRoles)[number][]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredLanguage: text('preferred_language'),
    timeZone: text('time_zone'),
    preferredChannel: text('preferred_channel', { enum: preferredChannels }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerUserId: uuid('owner_user_id'),
    householdId: uuid('household_id'),
    /** Lower-case, accent-free, Latin-transliterated name variants: what name search matches. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    unique('contacts_org_id_key').on(t.orgId, t.id),
    foreignKey({
      name: 'contacts_owner_fk',
      columns: [t.orgId, t.ownerUserId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'contacts_household_fk',
      columns: [t.orgId, t.householdId],
      foreignColumns: [households.orgId, households.id],
    }),
    index('contacts_org_name_idx').on(t.orgId, t.name, t.id),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts_household_idx').on(t.orgId, t.householdId),
  ],
);

const contactRef = (name: string, orgId: PgColumn, contactId: PgColumn) =>
  foreignKey({
    name,
    columns: [orgId, contactId],
    foreignColumns: [contacts.orgId, contacts.id],
  }).onDelete('cascade');

/** Email addresses of a contact; stored lower-case; at most one primary per contact. */
export const contactEmails = pgTable(
  'contact_emails',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    address: text('address').notNull(),
    label: text('label'),
    isPrimary: boolean('is_primary').notNull().default(false),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
  },
  (t) => [
    contactRef('contact_emails_contact_fk', t.orgId, t.contactId),
    index('contact_emails_address_idx').on(t.orgId, t.address),
    index('contact_emails_address_trgm_idx').using('gin', sql`${t.address} gin_trgm_ops`),
    index('contact_emails_contact_idx').on(t.contactId),
  ],
);

/** Phone numbers of a contact, normalized to E.164. */
export const contactPhones = pgTable(
  'contact_phones',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    number: text('number').notNull(),
    label: text('label'),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    contactRef('contact_phones_contact_fk', t.orgId, t.contactId),
    index('contact_phones_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
    index('contact_phones_contact_idx').on(t.contactId),
  ],
);

/** Postal addresses of a contact. */
export const contactAddresses = pgTable(
  'contact_addresses',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    label: text('label'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    contactRef('contact_addresses_contact_fk', t.orgId, t.contactId),
    index('contact_addresses_contact_idx').on(t.contactId),
  ],
);

/** Typed, directed links between contacts ("from is parent of to"); symmetric types are stored once. */
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    fromContactId: uuid('from_contact_id').notNull(),
    toContactId: uuid('to_contact_id').notNull(),
    type: text('type', { enum: relationshipTypes }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    contactRef('relationships_from_fk', t.orgId, t.fromContactId),
    contactRef('relationships_to_fk', t.orgId, t.toContactId),
    unique('relationships_pair_key').on(t.orgId, t.fromContactId, t.toContactId, t.type),
    index('relationships_to_idx').on(t.orgId, t.toContactId),
  ],
);
