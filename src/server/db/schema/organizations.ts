import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/** A tenant: one charity. Every other row carries its id. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().default(timeOrderedId),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  defaultCountry: text('default_country'),
  defaultLanguage: text('default_language').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Addresses at which an organization receives mail; each belongs to exactly one organization. */
export const orgInboundAddresses = pgTable(
  'org_inbound_addresses',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    address: text('address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('org_inbound_addresses_address_key').on(sql`lower(${t.address})`)],
);
